package nl.koppelpunt.hub.onderhoud;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import nl.koppelpunt.hub.HubRouteConfiguration;

/**
 * Housekeeping: parked messages past their retention are dropped on a schedule, and whatever the broker dead-letters
 * (processing that kept failing for the hub's own reasons) is recorded as failed on its message, so that nothing
 * accepted disappears from view and an administrator can replay it.
 */
@Component
public class OnderhoudRoute extends RouteBuilder {

    private final Onderhoud onderhoud;

    public OnderhoudRoute(Onderhoud onderhoud) {
        this.onderhoud = onderhoud;
    }

    @Override
    public void configure() {
        from("timer:parkeren-opruimen?delay={{koppelpunt.parkeren.opruim-interval-ms}}&period={{koppelpunt.parkeren.opruim-interval-ms}}")
                .routeId("parkeren-opruimen").routeConfigurationId(HubRouteConfiguration.SYNCHROON)
                .process(onderhoud::ruimParkeerplaatsOp).id("parkeren-opruimen-verval");

        from("jms:queue:koppelpunt.dlq?transacted=true&lazyCreateTransactionManager=false")
                .routeId("dead-letters").routeConfigurationId(HubRouteConfiguration.TRANSACTIONEEL)
                .process(onderhoud::deadLetter).id("dead-letters-vastleggen");
    }
}
