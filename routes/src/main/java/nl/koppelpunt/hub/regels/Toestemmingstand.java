package nl.koppelpunt.hub.regels;

import java.time.LocalDate;

/** The latest known consent of a person for one gemeente and purpose. */
public record Toestemmingstand(String gemeentecode, String doel, boolean gegeven, LocalDate datum, LocalDate einddatum) {

    public static final String DOEL_KLANTPROFIEL = "overdracht-klantprofiel";

    /** Given, for handing over the klantprofiel, already in force and not yet ended. */
    public boolean geldigOp(LocalDate dag) {
        return gegeven && DOEL_KLANTPROFIEL.equals(doel) && !datum.isAfter(dag) && (einddatum == null || !einddatum.isBefore(dag));
    }
}
