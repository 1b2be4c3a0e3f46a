package nl.koppelpunt.hub.regels;

import java.util.List;

import nl.koppelpunt.connectors.partner.Abonnement;

/** The routing decision for one screening or klantprofiel (DESIGN rules 1–3, 6, 7). */
public sealed interface Routering {

    /** Keep the message aside until the missing piece arrives. */
    record Parkeer(Parkeerreden reden, String gemeentecode) implements Routering {
    }

    /** Nothing will ever be delivered (e.g. the gemeente subscribes to no such type). */
    record Verval(String reden) implements Routering {
    }

    /** Deliver to these subscriptions; record the stale ones as dropped. */
    record Verdeel(String gemeentecode, List<Abonnement> bezorgen, List<Abonnement> verouderd) implements Routering {
    }
}
