package nl.koppelpunt.hub.onderhoud;

import java.util.UUID;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import nl.koppelpunt.connectors.bericht.BerichtStatus;
import nl.koppelpunt.hub.KoppelpuntHeaders;
import nl.koppelpunt.hub.bericht.BerichtRepository;
import nl.koppelpunt.hub.regels.RegelMotor;

/** The housekeeping steps of {@link OnderhoudRoute}. */
@Component
public class Onderhoud {

    private static final Logger LOG = LoggerFactory.getLogger(Onderhoud.class);
    static final String VERWERKING_MISLUKT = "verwerking herhaaldelijk mislukt; door de broker als dead letter apart gezet";

    private final RegelMotor motor;
    private final BerichtRepository berichten;
    private final TransactionTemplate transactie;

    public Onderhoud(RegelMotor motor, BerichtRepository berichten, TransactionTemplate transactie) {
        this.motor = motor;
        this.berichten = berichten;
        this.transactie = transactie;
    }

    public void ruimParkeerplaatsOp(Exchange exchange) {
        Integer vervallen = transactie.execute(status -> motor.ruimOp());
        if (vervallen != null && vervallen > 0) {
            LOG.info("Dropped {} parked message(s) past their retention", vervallen);
        }
    }

    /** A delivery's dead letter fails that delivery; an intake message's dead letter fails the message. */
    public void deadLetter(Exchange exchange) {
        String bezorging = exchange.getMessage().getHeader(KoppelpuntHeaders.BEZORGING_ID, String.class);
        String bericht = exchange.getMessage().getHeader(KoppelpuntHeaders.BERICHT_ID, String.class);
        if (bezorging != null) {
            transactie.executeWithoutResult(status -> motor.mislukt(UUID.fromString(bezorging), VERWERKING_MISLUKT));
        } else if (bericht != null) {
            transactie.executeWithoutResult(status -> berichten.status(UUID.fromString(bericht), BerichtStatus.MISLUKT, VERWERKING_MISLUKT));
        } else {
            LOG.warn("Dead letter without a Koppelpunt id dropped (message id {})", exchange.getMessage().getMessageId());
        }
    }
}
