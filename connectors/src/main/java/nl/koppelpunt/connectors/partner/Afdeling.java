package nl.koppelpunt.connectors.partner;

import java.util.Set;

/**
 * The department of a gemeente that a subscription delivers to, with the klantprofiel sections it sees by default
 * (data minimisation, DESIGN rule 7). Huisvesting finds a home and needs who the person and the household are;
 * werk & inkomen plans inburgering, education and work and needs the whole profile.
 */
public enum Afdeling {
    HUISVESTING("huisvesting", Set.of("persoonsgegevens", "familiegegevens", "statusgegevens", "contactpersoonCoa")),
    WERK_EN_INKOMEN("werk-en-inkomen", Set.of("persoonsgegevens", "familiegegevens", "statusgegevens",
            "inburgeringsgegevens", "educatievegegevens", "arbeidsgegevens", "toekomst", "contactpersoonCoa"));

    private final String code;
    private final Set<String> standaardSecties;

    Afdeling(String code, Set<String> standaardSecties) {
        this.code = code;
        this.standaardSecties = standaardSecties;
    }

    public String code() {
        return code;
    }

    public Set<String> standaardSecties() {
        return standaardSecties;
    }

    public static Afdeling fromCode(String code) {
        for (Afdeling afdeling : values()) {
            if (afdeling.code.equals(code)) {
                return afdeling;
            }
        }
        throw new IllegalArgumentException("unknown afdeling '" + code + "' (expected huisvesting or werk-en-inkomen)");
    }
}
