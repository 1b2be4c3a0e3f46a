package nl.koppelpunt.connectors.autorisatie;

import java.util.Locale;

/** The value of one cell of the authorisation matrix: how far a role's right reaches. */
public enum Reikwijdte {
    /** Not at all. The default of every cell that the matrix does not name. */
    GEEN,
    /**
     * Only what is the partner's own: a message it sent, a delivery to or figures of its own gemeente. Anything else
     * is answered as if it did not exist (404), so that its existence does not leak.
     */
    EIGEN,
    /** Everything, whoever it belongs to. */
    ALLE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
