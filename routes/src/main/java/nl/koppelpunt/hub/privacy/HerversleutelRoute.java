package nl.koppelpunt.hub.privacy;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import nl.koppelpunt.hub.HubRouteConfiguration;

/**
 * Key rotation without downtime: on a schedule, values still encrypted with an older key are re-encrypted with the
 * active one ({@link Herversleuteling}), and the per-key counts are refreshed for the operator.
 */
@Component
public class HerversleutelRoute extends RouteBuilder {

    private final Herversleuteling herversleuteling;

    public HerversleutelRoute(Herversleuteling herversleuteling) {
        this.herversleuteling = herversleuteling;
    }

    @Override
    public void configure() {
        from("timer:herversleutelen?delay={{koppelpunt.versleuteling.herversleutelen.interval-ms}}"
                + "&period={{koppelpunt.versleuteling.herversleutelen.interval-ms}}")
                .routeId("herversleutelen").routeConfigurationId(HubRouteConfiguration.SYNCHROON)
                .bean(herversleuteling, "voerUit").id("herversleutelen-batches");
    }
}
