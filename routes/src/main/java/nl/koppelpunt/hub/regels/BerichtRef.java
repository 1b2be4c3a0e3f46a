package nl.koppelpunt.hub.regels;

import java.util.UUID;

import nl.koppelpunt.schemas.Berichttype;

/** What the rules need to know about a stored message; never its content. */
public record BerichtRef(UUID id, Berichttype type, String onderwerpPseudoniem, Integer profielversie, long volgnummer) {
}
