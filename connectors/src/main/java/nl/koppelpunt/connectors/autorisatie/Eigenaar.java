package nl.koppelpunt.connectors.autorisatie;

import java.util.Objects;

import nl.koppelpunt.connectors.partner.Partner;

/**
 * Whose a resource is, for cells with reikwijdte {@link Reikwijdte#EIGEN}: a message belongs to the partner that sent
 * it; a delivery or DUO figures belong to a gemeente.
 */
public final class Eigenaar {

    private final String partnerId;
    private final String gemeentecode;

    private Eigenaar(String partnerId, String gemeentecode) {
        this.partnerId = partnerId;
        this.gemeentecode = gemeentecode;
    }

    /** Something the partner with this id sent (its own messages). */
    public static Eigenaar partner(String partnerId) {
        return new Eigenaar(Objects.requireNonNull(partnerId, "partnerId"), null);
    }

    /** Something meant for or about the gemeente with this CBS code (deliveries, inburgering results). */
    public static Eigenaar gemeente(String gemeentecode) {
        return new Eigenaar(null, Objects.requireNonNull(gemeentecode, "gemeentecode"));
    }

    /** Whether this is the partner's own. A partner without a gemeentecode owns no gemeente's resources. */
    public boolean is(Partner partner) {
        return partnerId != null ? partnerId.equals(partner.id()) : gemeentecode.equals(partner.gemeentecode());
    }

    @Override
    public String toString() {
        return partnerId != null ? "partner " + partnerId : "gemeente " + gemeentecode;
    }
}
