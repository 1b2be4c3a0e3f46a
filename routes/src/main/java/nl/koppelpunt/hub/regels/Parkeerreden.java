package nl.koppelpunt.hub.regels;

/** Why a message waits; each reason names the piece whose arrival releases it. */
public enum Parkeerreden {
    /** The person is not linked to a gemeente; released by a koppeling. */
    GEEN_KOPPELING("geen-koppeling"),
    /** No valid consent for the gekoppelde gemeente; released by a toestemming (klantprofiel only). */
    GEEN_TOESTEMMING("geen-toestemming"),
    /** The gekoppelde gemeente is not onboarded; released when its partner configuration is loaded. */
    GEMEENTE_NIET_AANGESLOTEN("gemeente-niet-aangesloten");

    private final String code;

    Parkeerreden(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Parkeerreden fromCode(String code) {
        for (Parkeerreden reden : values()) {
            if (reden.code.equals(code)) {
                return reden;
            }
        }
        throw new IllegalArgumentException("unknown parkeerreden " + code);
    }
}
