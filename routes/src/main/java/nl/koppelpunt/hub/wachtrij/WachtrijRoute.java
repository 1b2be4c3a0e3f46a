package nl.koppelpunt.hub.wachtrij;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import nl.koppelpunt.hub.HubRouteConfiguration;

/**
 * Puts a committed message on the persistent {@code ontvangen} queue (claim check: the queue carries the id, the
 * payload stays in PostgreSQL), then marks it queued. A timer sweeps up messages that were committed but never
 * queued because the process stopped in between, so an accepted message cannot be stranded.
 */
@Component
public class WachtrijRoute extends RouteBuilder {

    public static final String IN_WACHTRIJ = "direct:in-wachtrij";

    private final WachtrijBericht wachtrijBericht;
    private final WachtrijHerstel herstel;

    public WachtrijRoute(WachtrijBericht wachtrijBericht, WachtrijHerstel herstel) {
        this.wachtrijBericht = wachtrijBericht;
        this.herstel = herstel;
    }

    @Override
    public void configure() {
        from(IN_WACHTRIJ).routeId("in-wachtrij").routeConfigurationId(HubRouteConfiguration.SYNCHROON)
                .process(wachtrijBericht::prepareer).id("in-wachtrij-prepareer")
                .to("jms:queue:{{koppelpunt.wachtrijen.ontvangen}}?deliveryPersistent=true&exchangePattern=InOnly")
                    .id("in-wachtrij-versturen")
                .process(wachtrijBericht::markeer).id("in-wachtrij-markeer");

        from("timer:wachtrij-herstel?delay={{koppelpunt.wachtrijen.herstel-interval-ms}}"
                + "&period={{koppelpunt.wachtrijen.herstel-interval-ms}}")
                .routeId("wachtrij-herstel").routeConfigurationId(HubRouteConfiguration.SYNCHROON)
                .process(herstel).id("wachtrij-herstel-zoeken")
                .split(body())
                    .to(IN_WACHTRIJ).id("wachtrij-herstel-versturen")
                .end();
    }
}
