package nl.koppelpunt.hub.regels;

import java.time.LocalDate;

/** A person's active koppeling: the gekoppelde gemeente. */
public record Koppelingstand(String gemeentecode, String arbeidsmarktregio, String azc, LocalDate startdatum) {
}
