package nl.koppelpunt.hub;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.springframework.stereotype.Component;


/**
 * Error handling, declared once and opted into by id.
 * <ul>
 * <li>{@link #SYNCHROON}: a caller waits for the answer (intake), so the exception goes back to it unchanged and the
 * channel adapter turns it into its own error form; nothing is retried or logged with the message here.</li>
 * <li>{@link #TRANSACTIONEEL}: broker-driven consumers. The exception rolls back the database and the JMS session so
 * the broker redelivers with back-off and finally dead-letters; the log names the message id and the error class,
 * never the body.</li>
 * </ul>
 */
@Component
public class HubRouteConfiguration extends RouteConfigurationBuilder {

    public static final String SYNCHROON = "synchroon";
    public static final String TRANSACTIONEEL = "transactioneel";

    @Override
    public void configuration() {
        routeConfiguration(SYNCHROON).errorHandler(noErrorHandler());

        routeConfiguration(TRANSACTIONEEL)
                .onException(Exception.class).handled(false)
                .log(LoggingLevel.WARN, "koppelpunt.verwerking",
                        "Processing of bericht ${header." + KoppelpuntHeaders.BERICHT_ID
                                + "} failed (${exception.class.name}); rolled back for redelivery");
    }
}
