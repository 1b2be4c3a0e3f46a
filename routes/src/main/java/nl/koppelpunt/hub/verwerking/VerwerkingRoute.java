package nl.koppelpunt.hub.verwerking;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import nl.koppelpunt.hub.HubRouteConfiguration;
import nl.koppelpunt.hub.KoppelpuntHeaders;
import nl.koppelpunt.hub.bezorging.BezorgingWachtrijRoute;
import nl.koppelpunt.hub.config.HubConfiguration;

/**
 * Consumes the {@code ontvangen} queue in a local JMS transaction. The rules run in a database transaction of their
 * own ({@code regels}), committed first; then the deliveries they planned are queued. A crash between the commits
 * redelivers the message: Camel's JDBC idempotent repository, written in the rules' transaction, recognises it, and
 * the recovery sweep queues the planned deliveries. So each message is processed once and nothing is stranded.
 */
@Component
public class VerwerkingRoute extends RouteBuilder {

    private final RegelsToepassen regels;

    public VerwerkingRoute(RegelsToepassen regels) {
        this.regels = regels;
    }

    @Override
    public void configure() {
        from("jms:queue:{{koppelpunt.wachtrijen.ontvangen}}?transacted=true&lazyCreateTransactionManager=false"
                + "&concurrentConsumers={{koppelpunt.verwerking.consumers}}")
                .routeId("verwerking").routeConfigurationId(HubRouteConfiguration.TRANSACTIONEEL)
                .autoStartup("{{koppelpunt.verwerking.auto-startup}}")
                .to("direct:regels").id("verwerking-regels")
                .split(body())
                    .to(BezorgingWachtrijRoute.IN_WACHTRIJ).id("verwerking-bezorgingen-in-wachtrij")
                .end();

        from("direct:regels").routeId("regels")
                .transacted(HubConfiguration.DB_TRANSACTIE)
                .setBody(constant(java.util.List.of()))
                .idempotentConsumer(header(KoppelpuntHeaders.BERICHT_ID))
                    .idempotentRepository(HubConfiguration.VERWERKING_REPOSITORY).id("regels-dedup")
                    .process(regels).id("regels-toepassen")
                .end();
    }
}
