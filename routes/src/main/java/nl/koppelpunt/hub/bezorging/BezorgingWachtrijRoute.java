package nl.koppelpunt.hub.bezorging;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import nl.koppelpunt.hub.HubRouteConfiguration;
import nl.koppelpunt.hub.KoppelpuntHeaders;

/**
 * Puts a planned delivery (committed by the rules) on its subscription's queue, then marks it queued; a timer queues
 * what was committed but never queued because the process stopped in between (the transactional-outbox pattern).
 */
@Component
public class BezorgingWachtrijRoute extends RouteBuilder {

    /**
     * Send and mark queued (replay, recovery sweep): the send is durable on its own, then the mark. Processing sends
     * in its own JMS transaction instead ({@link BezorgingVerzender}).
     */
    public static final String IN_WACHTRIJ = "direct:bezorging-in-wachtrij";

    private final BezorgingWachtrij wachtrij;

    public BezorgingWachtrijRoute(BezorgingWachtrij wachtrij) {
        this.wachtrij = wachtrij;
    }

    @Override
    public void configure() {
        from(IN_WACHTRIJ).routeId("bezorging-in-wachtrij").routeConfigurationId(HubRouteConfiguration.SYNCHROON)
                .process(wachtrij::prepareer).id("bezorging-in-wachtrij-prepareer")
                .toD("jms:queue:koppelpunt.bezorging.${header." + KoppelpuntHeaders.ABONNEMENT
                        + "}?deliveryPersistent=true&exchangePattern=InOnly").id("bezorging-in-wachtrij-versturen")
                .process(wachtrij::markeer).id("bezorging-in-wachtrij-markeer");

        from("timer:bezorging-herstel?delay={{koppelpunt.wachtrijen.herstel-interval-ms}}"
                + "&period={{koppelpunt.wachtrijen.herstel-interval-ms}}")
                .routeId("bezorging-herstel").routeConfigurationId(HubRouteConfiguration.SYNCHROON)
                .process(wachtrij::zoekOnverzonden).id("bezorging-herstel-zoeken")
                .split(body())
                    .to(IN_WACHTRIJ).id("bezorging-herstel-versturen")
                .end();
    }
}
