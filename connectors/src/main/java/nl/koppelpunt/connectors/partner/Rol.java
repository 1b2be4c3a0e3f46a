package nl.koppelpunt.connectors.partner;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import nl.koppelpunt.schemas.Berichttype;

/**
 * The role a partner plays. The role bounds which message types a partner may ever send; a partner's own
 * configuration can only narrow that, never widen it, so a typo in a YAML file cannot let a gemeente send profiles.
 */
public enum Rol {
    COA(EnumSet.of(Berichttype.SCREENING, Berichttype.KLANTPROFIEL, Berichttype.TOESTEMMING, Berichttype.KOPPELING)),
    TVS(EnumSet.of(Berichttype.KOPPELING)),
    DUO(EnumSet.noneOf(Berichttype.class)),
    GEMEENTE(EnumSet.noneOf(Berichttype.class)),
    BEHEER(EnumSet.noneOf(Berichttype.class));

    private final Set<Berichttype> verzendbaar;

    Rol(Set<Berichttype> verzendbaar) {
        this.verzendbaar = verzendbaar;
    }

    public boolean magVersturen(Berichttype type) {
        return verzendbaar.contains(type);
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Rol fromCode(String code) {
        for (Rol rol : values()) {
            if (rol.code().equals(code)) {
                return rol;
            }
        }
        throw new IllegalArgumentException("unknown role '" + code + "' (expected coa, tvs, duo, gemeente or beheer)");
    }
}
