package nl.koppelpunt.connectors.partner;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The role a partner plays. What a role may do is decided in one place, the authorisation matrix
 * ({@link nl.koppelpunt.connectors.autorisatie.Autorisatie}); a partner's own configuration can only narrow that, never
 * widen it, so a typo in a YAML file cannot let a gemeente send profiles.
 */
public enum Rol {
    /** COA: sends screenings, klantprofielen, toestemmingen and koppelingen. */
    COA,
    /**
     * The Taakstelling Volg Systeem: sends koppelingen; its subscriptions receive, for every gekoppelde gemeente, what
     * that gemeente receives (shown to its staff on TVS's screens), under the same rules.
     */
    TVS,
    /** DUO: quarterly inburgering results and each person's inburgeringsstatus. */
    DUO,
    /** A gemeente: receives what is meant for it, nothing else. */
    GEMEENTE,
    /** Administrator: views parked and failed messages, replays them, reloads the partner configuration. */
    BEHEERDER,
    /** Operator: views parked and failed messages and replays them; cannot change the configuration. */
    OPERATOR,
    /** Auditor: reads the processing log; never a payload, never a message's status. */
    AUDITOR;

    /** The code {@code beheer} of partner files written before the admin roles were split; it meant what beheerder does. */
    private static final String OUDE_BEHEERCODE = "beheer";

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Rol fromCode(String code) {
        if (OUDE_BEHEERCODE.equals(code)) {
            return BEHEERDER;
        }
        for (Rol rol : values()) {
            if (rol.code().equals(code)) {
                return rol;
            }
        }
        throw new IllegalArgumentException("unknown role '" + code + "' (expected "
                + Arrays.stream(values()).map(Rol::code).collect(Collectors.joining(", ")) + ")");
    }
}
