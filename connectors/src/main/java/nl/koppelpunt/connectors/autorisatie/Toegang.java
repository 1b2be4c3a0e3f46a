package nl.koppelpunt.connectors.autorisatie;

import nl.koppelpunt.connectors.intake.IntakeException;
import nl.koppelpunt.connectors.intake.Probleem;
import nl.koppelpunt.connectors.partner.Partner;

/**
 * The matrix's decisions as refusals, for entry points. A refusal by role is a 403: it says nothing about any
 * resource, because it is the same for every id. A refusal by owner is the entry point's 404 (see {@link Reikwijdte#EIGEN}).
 */
public final class Toegang {

    private Toegang() {
    }

    /** Refuses (403) unless the partner's role may do this at all; the entry point then limits it to the own resources. */
    public static void vereis(Partner partner, Operatie operatie) {
        if (!Autorisatie.mag(partner.rol(), operatie)) {
            throw geweigerd(partner, operatie, "");
        }
    }

    /**
     * Refuses (403) unless the partner's role may do this with everybody's resources: for entry points that cannot
     * narrow what they show or change to one owner (the admin lists and replays).
     */
    public static void vereisAlle(Partner partner, Operatie operatie) {
        if (Autorisatie.reikwijdte(partner.rol(), operatie) != Reikwijdte.ALLE) {
            throw geweigerd(partner, operatie, " voor alle partijen");
        }
    }

    private static IntakeException geweigerd(Partner partner, Operatie operatie, String bereik) {
        return new IntakeException(Probleem.NIET_TOEGESTAAN, "Partner " + partner.id() + " (rol " + partner.rol().code()
                + ") mag niet " + operatie.code() + bereik + ".");
    }
}
