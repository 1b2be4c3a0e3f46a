package nl.koppelpunt.hub.intake;

import jakarta.jms.JMSException;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.springframework.dao.DataAccessException;
import org.springframework.jms.JmsException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

import nl.koppelpunt.connectors.intake.IntakeException;
import nl.koppelpunt.connectors.intake.IntakeGateway;
import nl.koppelpunt.connectors.intake.IntakeReceipt;
import nl.koppelpunt.connectors.intake.IntakeRequest;
import nl.koppelpunt.connectors.intake.Probleem;
import nl.koppelpunt.hub.KoppelpuntHeaders;

/**
 * The channel adapters' entry into the intake route. Turns infrastructure failures (database, broker) into
 * "not available now", which a sender may retry with the same idempotency key.
 */
@Component
public class CamelIntakeGateway implements IntakeGateway {

    private final ProducerTemplate producer;

    public CamelIntakeGateway(ProducerTemplate producer) {
        this.producer = producer;
    }

    @Override
    public IntakeReceipt accept(IntakeRequest request) {
        Exchange exchange = producer.send(IntakeRoute.INTAKE, e -> e.setProperty(KoppelpuntHeaders.INTAKE_VERZOEK, request));
        Exception failure = exchange.getException();
        if (failure != null) {
            throw translate(failure);
        }
        return exchange.getProperty(KoppelpuntHeaders.ONTVANGSTBEWIJS, IntakeReceipt.class);
    }

    private static RuntimeException translate(Exception failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IntakeException refused) {
                return refused;
            }
            if (t instanceof DataAccessException || t instanceof TransactionException || t instanceof JmsException
                    || t instanceof JMSException) {
                return new IntakeException(Probleem.HUB_NIET_BESCHIKBAAR,
                        "Het bericht is niet aangenomen; probeer het later opnieuw met dezelfde Idempotency-Key.",
                        java.util.List.of(), failure);
            }
        }
        return failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
    }
}
