package nl.koppelpunt.hub.onderhoud;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import nl.koppelpunt.hub.HubRouteConfiguration;

/** On a schedule, payloads past their retention are deleted ({@link InhoudOpschoning}). */
@Component
public class InhoudOpschoningRoute extends RouteBuilder {

    private final InhoudOpschoning opschoning;

    public InhoudOpschoningRoute(InhoudOpschoning opschoning) {
        this.opschoning = opschoning;
    }

    @Override
    public void configure() {
        from("timer:inhoud-opschonen?delay={{koppelpunt.bewaartermijn.opschoon-interval-ms}}"
                + "&period={{koppelpunt.bewaartermijn.opschoon-interval-ms}}")
                .routeId("inhoud-opschonen").routeConfigurationId(HubRouteConfiguration.SYNCHROON)
                .bean(opschoning, "voerUit").id("inhoud-opschonen-verwijderen");
    }
}
