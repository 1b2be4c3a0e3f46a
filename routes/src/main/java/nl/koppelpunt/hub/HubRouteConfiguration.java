package nl.koppelpunt.hub;

import java.io.IOException;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.component.file.GenericFileOperationFailedException;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.springframework.stereotype.Component;

import nl.koppelpunt.connectors.bezorging.BezorgFout;
import nl.koppelpunt.hub.bezorging.BezorgingVastlegger;
import nl.koppelpunt.hub.bezorging.HerhaalbareFout;

/**
 * Error handling, declared once and opted into by id.
 * <ul>
 * <li>{@link #SYNCHROON}: a caller waits for the answer (intake), so the exception goes back to it unchanged and the
 * channel adapter turns it into its own error form; nothing is retried or logged with the message here.</li>
 * <li>{@link #TRANSACTIONEEL}: broker-driven consumers. The exception rolls back the database and the JMS session so
 * the broker redelivers with back-off and finally dead-letters; the log names the message id and the error class,
 * never the body.</li>
 * <li>{@link #BEZORGING}: a delivery attempt that failed for a passing reason (5xx, 408, 429, timeout, connection
 * refused, any SFTP failure) is repeated with exponential back-off, each attempt re-checking the rules; a refusal (other 4xx) or the
 * last failed attempt marks the delivery failed (dead-lettered, replayable). Anything else — the hub's own trouble —
 * rolls back for the broker to redeliver.</li>
 * </ul>
 */
@Component
public class HubRouteConfiguration extends RouteConfigurationBuilder {

    public static final String SYNCHROON = "synchroon";
    public static final String TRANSACTIONEEL = "transactioneel";
    public static final String BEZORGING = "bezorging";

    private final BezorgingVastlegger vastlegger;

    public HubRouteConfiguration(BezorgingVastlegger vastlegger) {
        this.vastlegger = vastlegger;
    }

    @Override
    public void configuration() {
        routeConfiguration(SYNCHROON).errorHandler(noErrorHandler());

        routeConfiguration(TRANSACTIONEEL)
                .onException(Exception.class).handled(false)
                .log(LoggingLevel.WARN, "koppelpunt.verwerking",
                        "Processing of bericht ${header." + KoppelpuntHeaders.BERICHT_ID
                                + "} failed (${exception.class.name}); rolled back for redelivery");

        routeConfiguration(BEZORGING)
                .onException(HttpOperationFailedException.class, IOException.class, BezorgFout.class,
                        GenericFileOperationFailedException.class)
                    .onWhen(new HerhaalbareFout())
                    .maximumRedeliveries("{{koppelpunt.bezorging.herhalingen}}")
                    .redeliveryDelay("{{koppelpunt.bezorging.wachttijd-ms}}")
                    .useExponentialBackOff().backOffMultiplier("{{koppelpunt.bezorging.factor}}")
                    .maximumRedeliveryDelay("{{koppelpunt.bezorging.max-wachttijd-ms}}")
                    .retryAttemptedLogLevel(LoggingLevel.DEBUG)
                    .onRedelivery(vastlegger::poging)
                    .handled(true)
                    .process(vastlegger::mislukt)
                .end()
                .onException(HttpOperationFailedException.class, BezorgFout.class)
                    .handled(true)
                    .process(vastlegger::mislukt);
    }
}
