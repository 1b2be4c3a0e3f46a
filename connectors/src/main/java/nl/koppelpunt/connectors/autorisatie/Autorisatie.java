package nl.koppelpunt.connectors.autorisatie;

import static nl.koppelpunt.connectors.partner.Rol.AUDITOR;
import static nl.koppelpunt.connectors.partner.Rol.BEHEERDER;
import static nl.koppelpunt.connectors.partner.Rol.COA;
import static nl.koppelpunt.connectors.partner.Rol.DUO;
import static nl.koppelpunt.connectors.partner.Rol.GEMEENTE;
import static nl.koppelpunt.connectors.partner.Rol.OPERATOR;
import static nl.koppelpunt.connectors.partner.Rol.TVS;
import static nl.koppelpunt.schemas.Berichttype.INBURGERINGSRESULTATEN_GEMEENTE;
import static nl.koppelpunt.schemas.Berichttype.DUO_INBURGERINGSSTATUS;
import static nl.koppelpunt.schemas.Berichttype.INTREKKING;
import static nl.koppelpunt.schemas.Berichttype.KLANTPROFIEL;
import static nl.koppelpunt.schemas.Berichttype.KOPPELING;
import static nl.koppelpunt.schemas.Berichttype.ONTKOPPELING;
import static nl.koppelpunt.schemas.Berichttype.SCREENING;
import static nl.koppelpunt.schemas.Berichttype.TOESTEMMING;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import nl.koppelpunt.connectors.partner.Partner;
import nl.koppelpunt.connectors.partner.Rol;
import nl.koppelpunt.schemas.Berichttype;

/**
 * The authorisation matrix: role × operation (× message type, for operations that are per type) → {@link Reikwijdte}.
 * Every entry point asks this class and nothing else: the REST controllers through {@code @Vereist}, the intake
 * route (shared by every channel) for sending, the partner loader for what a configuration may claim. A cell that
 * is not named below is {@link Reikwijdte#GEEN}: deny by default.
 *
 * <p>Nobody reads a payload through an API: {@link Operatie#INHOUD_LEZEN} is only by delivery to a gemeente's or
 * TVS's own subscriptions; administrators, operators and auditors see metadata only.
 */
public final class Autorisatie {

    private static final Set<Rol> PARTNERS = EnumSet.of(COA, TVS, DUO, GEMEENTE);

    private static final Map<Cel, Reikwijdte> MATRIX = new Bouwer()
            .voor(Operatie.VERSTUREN, SCREENING).eigen(COA)
            .voor(Operatie.VERSTUREN, KLANTPROFIEL).eigen(COA)
            .voor(Operatie.VERSTUREN, TOESTEMMING).eigen(COA)
            .voor(Operatie.VERSTUREN, KOPPELING).eigen(COA, TVS)
            .voor(Operatie.VERSTUREN, DUO_INBURGERINGSSTATUS).eigen(DUO)
            // Intrekking and ontkoppeling are notices only Koppelpunt sends: nobody may send them.
            // TVS shows what a gekoppelde gemeente receives to that gemeente's staff, under the same rules (consent,
            // koppeling, intrekking): it receives those types for every gemeente, each delivery naming its gemeente.
            .voor(Operatie.INHOUD_LEZEN, SCREENING).eigen(TVS, GEMEENTE)
            .voor(Operatie.INHOUD_LEZEN, KLANTPROFIEL).eigen(TVS, GEMEENTE)
            .voor(Operatie.INHOUD_LEZEN, DUO_INBURGERINGSSTATUS).eigen(TVS, GEMEENTE)
            .voor(Operatie.INHOUD_LEZEN, INTREKKING).eigen(TVS, GEMEENTE)
            .voor(Operatie.INHOUD_LEZEN, ONTKOPPELING).eigen(TVS, GEMEENTE)
            // A gemeente's own quarterly figures from DUO (aggregates, sent only to that gemeente).
            .voor(Operatie.INHOUD_LEZEN, INBURGERINGSRESULTATEN_GEMEENTE).eigen(GEMEENTE)
            // Koppelingen and toestemmingen are the hub's input for its rules; they are never passed on.
            .voor(Operatie.STATUS_LEZEN).eigen(PARTNERS).alle(BEHEERDER, OPERATOR)
            .voor(Operatie.BEZORGING_LEZEN).eigen(GEMEENTE).alle(BEHEERDER, OPERATOR)
            .voor(Operatie.OVERZICHT_LEZEN).alle(BEHEERDER, OPERATOR)
            .voor(Operatie.HERHALEN).alle(BEHEERDER, OPERATOR)
            .voor(Operatie.PARTNERS_HERLADEN).alle(BEHEERDER)
            // Separation of duties: who runs the hub does not read the log of what it processed, and vice versa.
            .voor(Operatie.VERWERKINGSLOG_LEZEN).alle(AUDITOR)
            // Only DUO delivers its figures; they are aggregates, so administrators may read them all too.
            .voor(Operatie.INBURGERINGSRESULTATEN_AANLEVEREN).alle(DUO)
            .voor(Operatie.INBURGERINGSRESULTATEN_LEZEN).eigen(GEMEENTE).alle(DUO, BEHEERDER)
            // Aggregated per region, no personal data (DUO publishes its quarterly figures): every partner organisation.
            .voor(Operatie.REGIOSTATISTIEK_LEZEN).alle(PARTNERS)
            .voor(Operatie.CONTRACT_LEZEN).alle(EnumSet.allOf(Rol.class))
            .bouw();

    private Autorisatie() {
    }

    /** A cell of an operation that is not per message type. */
    public static Reikwijdte reikwijdte(Rol rol, Operatie operatie) {
        if (operatie.perBerichttype()) {
            throw new IllegalArgumentException(operatie.code() + " is decided per berichttype");
        }
        return cel(rol, operatie, null);
    }

    /** A cell of an operation that is per message type. */
    public static Reikwijdte reikwijdte(Rol rol, Operatie operatie, Berichttype type) {
        if (!operatie.perBerichttype()) {
            throw new IllegalArgumentException(operatie.code() + " is not decided per berichttype");
        }
        return cel(rol, operatie, Objects.requireNonNull(type, "type"));
    }

    /** Whether the role may do this at all (on its own things at least). */
    public static boolean mag(Rol rol, Operatie operatie) {
        return reikwijdte(rol, operatie) != Reikwijdte.GEEN;
    }

    /** Whether the role may do this with messages of this type at all. */
    public static boolean mag(Rol rol, Operatie operatie, Berichttype type) {
        return reikwijdte(rol, operatie, type) != Reikwijdte.GEEN;
    }

    /** Whether this partner may do this with a resource of this owner. */
    public static boolean mag(Partner partner, Operatie operatie, Eigenaar eigenaar) {
        return binnen(reikwijdte(partner.rol(), operatie), partner, eigenaar);
    }

    /** Whether this partner may do this with a message of this type that belongs to this owner. */
    public static boolean mag(Partner partner, Operatie operatie, Berichttype type, Eigenaar eigenaar) {
        return binnen(reikwijdte(partner.rol(), operatie, type), partner, eigenaar);
    }

    /**
     * Whether the partner may send this type: its role must allow it, and its own configuration too (which can only
     * narrow what the role allows; the loader refuses a configuration that claims more).
     */
    public static boolean magVersturen(Partner partner, Berichttype type) {
        return mag(partner.rol(), Operatie.VERSTUREN, type) && partner.berichttypen().contains(type);
    }

    /** The roles that may do this at all: the roles of the OpenAPI document's security requirement. */
    public static Set<Rol> rollen(Operatie operatie) {
        Set<Rol> rollen = EnumSet.noneOf(Rol.class);
        for (Rol rol : Rol.values()) {
            if (mag(rol, operatie)) {
                rollen.add(rol);
            }
        }
        return rollen;
    }

    /** The roles that may do this with messages of this type at all. */
    public static Set<Rol> rollen(Operatie operatie, Berichttype type) {
        Set<Rol> rollen = EnumSet.noneOf(Rol.class);
        for (Rol rol : Rol.values()) {
            if (mag(rol, operatie, type)) {
                rollen.add(rol);
            }
        }
        return rollen;
    }

    private static boolean binnen(Reikwijdte reikwijdte, Partner partner, Eigenaar eigenaar) {
        return reikwijdte == Reikwijdte.ALLE || reikwijdte == Reikwijdte.EIGEN && eigenaar.is(partner);
    }

    private static Reikwijdte cel(Rol rol, Operatie operatie, Berichttype type) {
        return MATRIX.getOrDefault(new Cel(Objects.requireNonNull(rol, "rol"), operatie, type), Reikwijdte.GEEN);
    }

    /** One cell's address; {@code type} is null for operations that are not per message type. */
    private record Cel(Rol rol, Operatie operatie, Berichttype type) {
    }

    /** Fills the matrix row by row, so that the table above reads like the documentation. */
    private static final class Bouwer {

        private final Map<Cel, Reikwijdte> cellen = new HashMap<>();
        private Operatie operatie;
        private Berichttype type;

        Bouwer voor(Operatie operatie) {
            if (operatie.perBerichttype()) {
                throw new IllegalStateException(operatie.code() + " needs a berichttype");
            }
            return rij(operatie, null);
        }

        Bouwer voor(Operatie operatie, Berichttype type) {
            if (!operatie.perBerichttype()) {
                throw new IllegalStateException(operatie.code() + " is not per berichttype");
            }
            return rij(operatie, type);
        }

        Bouwer eigen(Rol... rollen) {
            return zet(Reikwijdte.EIGEN, Set.of(rollen));
        }

        Bouwer eigen(Set<Rol> rollen) {
            return zet(Reikwijdte.EIGEN, rollen);
        }

        Bouwer alle(Rol... rollen) {
            return zet(Reikwijdte.ALLE, Set.of(rollen));
        }

        Bouwer alle(Set<Rol> rollen) {
            return zet(Reikwijdte.ALLE, rollen);
        }

        Map<Cel, Reikwijdte> bouw() {
            return Map.copyOf(cellen);
        }

        private Bouwer rij(Operatie operatie, Berichttype type) {
            this.operatie = operatie;
            this.type = type;
            return this;
        }

        private Bouwer zet(Reikwijdte reikwijdte, Set<Rol> rollen) {
            for (Rol rol : rollen) {
                if (cellen.put(new Cel(rol, operatie, type), reikwijdte) != null) {
                    throw new IllegalStateException("cell " + rol.code() + " × " + operatie.code() + " is set twice");
                }
            }
            return this;
        }
    }
}
