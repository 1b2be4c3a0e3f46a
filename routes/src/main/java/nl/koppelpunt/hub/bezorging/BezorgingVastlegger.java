package nl.koppelpunt.hub.bezorging;

import java.util.UUID;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import nl.koppelpunt.hub.KoppelpuntHeaders;
import nl.koppelpunt.hub.opslag.BezorgingRepository;
import nl.koppelpunt.hub.regels.RegelMotor;

/** Records each attempt and the outcome of a delivery: delivered, or failed for good (dead-lettered). */
@Component
public class BezorgingVastlegger {

    private final RegelMotor motor;
    private final BezorgingRepository bezorgingen;
    private final TransactionTemplate transactie;

    public BezorgingVastlegger(RegelMotor motor, BezorgingRepository bezorgingen, TransactionTemplate transactie) {
        this.motor = motor;
        this.bezorgingen = bezorgingen;
        this.transactie = transactie;
    }

    /** A failed attempt that will be repeated: its error stays visible while the delivery waits. */
    public void poging(Exchange exchange) {
        bezorgingen.fout(id(exchange), HerhaalbareFout.beschrijf(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class)));
    }

    public void bezorgd(Exchange exchange) {
        UUID id = id(exchange);
        transactie.executeWithoutResult(status -> motor.bezorgd(id));
    }

    /** The last attempt failed, or the receiver refused the message outright. */
    public void mislukt(Exchange exchange) {
        UUID id = id(exchange);
        String fout = HerhaalbareFout.beschrijf(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class));
        transactie.executeWithoutResult(status -> {
            bezorgingen.fout(id, fout);
            motor.mislukt(id, fout);
        });
    }

    private static UUID id(Exchange exchange) {
        return UUID.fromString(exchange.getProperty(KoppelpuntHeaders.BEZORGING_ID, String.class));
    }
}
