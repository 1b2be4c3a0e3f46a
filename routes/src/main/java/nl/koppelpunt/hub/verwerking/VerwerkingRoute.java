package nl.koppelpunt.hub.verwerking;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import nl.koppelpunt.hub.KoppelpuntHeaders;
import nl.koppelpunt.hub.config.HubConfiguration;
import nl.koppelpunt.hub.HubRouteConfiguration;

/**
 * Consumes the {@code ontvangen} queue in a local JMS transaction with the database work in a transaction of its own,
 * committed first. A crash between the two commits redelivers the message; Camel's JDBC idempotent repository,
 * written in the same database transaction, recognises it, so each message is processed once.
 * The rules (consent, koppeling, delivery) build on this route.
 */
@Component
public class VerwerkingRoute extends RouteBuilder {

    private final VerwerkingVastlegger vastlegger;

    public VerwerkingRoute(VerwerkingVastlegger vastlegger) {
        this.vastlegger = vastlegger;
    }

    @Override
    public void configure() {
        from("jms:queue:{{koppelpunt.wachtrijen.ontvangen}}?transacted=true&lazyCreateTransactionManager=false"
                + "&concurrentConsumers={{koppelpunt.verwerking.consumers}}")
                .routeId("verwerking").routeConfigurationId(HubRouteConfiguration.TRANSACTIONEEL)
                .autoStartup("{{koppelpunt.verwerking.auto-startup}}")
                .transacted(HubConfiguration.DB_TRANSACTIE)
                .idempotentConsumer(header(KoppelpuntHeaders.BERICHT_ID)).idempotentRepository(HubConfiguration.VERWERKING_REPOSITORY)
                    .id("verwerking-dedup")
                    .process(vastlegger).id("verwerking-vastleggen")
                .end();
    }
}
