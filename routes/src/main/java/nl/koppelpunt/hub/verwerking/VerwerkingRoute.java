package nl.koppelpunt.hub.verwerking;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import nl.koppelpunt.hub.HubRouteConfiguration;
import nl.koppelpunt.hub.KoppelpuntHeaders;
import nl.koppelpunt.hub.bezorging.BezorgingVerzender;
import nl.koppelpunt.hub.config.HubConfiguration;

/**
 * Consumes the {@code ontvangen} queue in a local JMS transaction. The rules run in a database transaction of their
 * own ({@code regels}), committed first; then the deliveries they planned are sent to their subscription queues in
 * the consumer's JMS transaction, so the sends and the acknowledgement commit together in one journal write
 * ({@link BezorgingVerzender}). A crash between the two commits redelivers the
 * message: Camel's JDBC idempotent repository, written in the rules' transaction, recognises it, and instead of the
 * rules the person's still planned deliveries are sent again. So each message is processed once, and nothing planned
 * is stranded.
 */
@Component
public class VerwerkingRoute extends RouteBuilder {

    private final RegelsToepassen regels;
    private final BezorgingVerzender verzender;

    public VerwerkingRoute(RegelsToepassen regels, BezorgingVerzender verzender) {
        this.regels = regels;
        this.verzender = verzender;
    }

    @Override
    public void configure() {
        from("jms:queue:{{koppelpunt.wachtrijen.ontvangen}}?transacted=true&lazyCreateTransactionManager=false"
                + "&concurrentConsumers={{koppelpunt.verwerking.consumers}}")
                .routeId("verwerking").routeConfigurationId(HubRouteConfiguration.TRANSACTIONEEL)
                .autoStartup("{{koppelpunt.verwerking.auto-startup}}")
                .process(verzender::onthoudSessie).id("verwerking-sessie")
                .to("direct:regels").id("verwerking-regels")
                .process(verzender::verstuur).id("verwerking-bezorgingen-versturen");

        from("direct:regels").routeId("regels")
                .transacted(HubConfiguration.DB_TRANSACTIE)
                .setBody(constant(java.util.List.of()))
                .idempotentConsumer(header(KoppelpuntHeaders.BERICHT_ID))
                    .idempotentRepository(HubConfiguration.VERWERKING_REPOSITORY).skipDuplicate(false)
                    // The key is written in the rules' transaction and rolls back with it. Camel's default would
                    // delete it again when the exchange fails later (e.g. a send after the commit), and the
                    // redelivery would apply the rules a second time.
                    .removeOnFailure(false).id("regels-dedup")
                    .choice()
                        .when(exchangeProperty(Exchange.DUPLICATE_MESSAGE))
                            .process(regels::opnieuwVersturen).id("regels-opnieuw-versturen")
                        .otherwise()
                            .process(regels).id("regels-toepassen")
                    .end()
                .end();
    }
}
