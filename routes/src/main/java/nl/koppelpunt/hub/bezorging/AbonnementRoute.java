package nl.koppelpunt.hub.bezorging;

import org.apache.camel.builder.RouteBuilder;

import nl.koppelpunt.connectors.partner.Abonnement;
import nl.koppelpunt.hub.HubRouteConfiguration;
import nl.koppelpunt.hub.KoppelpuntHeaders;

/**
 * The delivery flow of one subscription, on a queue of its own: a gemeente that is down only holds up its own queue.
 * Within the queue, JMS message groups (the person's pseudonym) keep one person's messages in order while other
 * persons' messages pass on the other consumers.
 */
public class AbonnementRoute extends RouteBuilder {

    private final Abonnement abonnement;
    private final Bezorger bezorger;
    private final BezorgingVastlegger vastlegger;

    public AbonnementRoute(Abonnement abonnement, Bezorger bezorger, BezorgingVastlegger vastlegger) {
        this.abonnement = abonnement;
        this.bezorger = bezorger;
        this.vastlegger = vastlegger;
    }

    public static String wachtrij(String abonnementId) {
        return "koppelpunt.bezorging." + abonnementId;
    }

    public static String routeId(Abonnement abonnement) {
        return "bezorging-" + abonnement.routeFragment();
    }

    @Override
    public void configure() {
        String id = routeId(abonnement);
        from("jms:queue:" + wachtrij(abonnement.id()) + "?transacted=true&lazyCreateTransactionManager=false"
                + "&concurrentConsumers={{koppelpunt.bezorging.consumers}}"
                + "&maxConcurrentConsumers={{koppelpunt.bezorging.max-consumers}}")
                .routeId(id).routeConfigurationId(HubRouteConfiguration.BEZORGING)
                .autoStartup("{{koppelpunt.bezorging.auto-startup}}")
                .setProperty(KoppelpuntHeaders.BEZORGING_ID, header(KoppelpuntHeaders.BEZORGING_ID))
                .process(bezorger).id(id + "-poging")
                .filter(exchangeProperty(KoppelpuntHeaders.BEZORGD))
                    .process(vastlegger::bezorgd).id(id + "-vastleggen")
                .end();
    }
}
