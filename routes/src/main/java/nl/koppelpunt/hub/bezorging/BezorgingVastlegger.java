package nl.koppelpunt.hub.bezorging;

import java.util.UUID;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import nl.koppelpunt.hub.KoppelpuntHeaders;
import nl.koppelpunt.hub.logboek.Verwerkingslog;
import nl.koppelpunt.hub.opslag.BezorgingRepository;
import nl.koppelpunt.hub.regels.RegelMotor;

/** Records each attempt and the outcome of a delivery: delivered, or failed for good (dead-lettered). */
@Component
public class BezorgingVastlegger {

    private final RegelMotor motor;
    private final BezorgingRepository bezorgingen;
    private final TransactionTemplate transactie;
    private final Verwerkingslog verwerkingslog;

    public BezorgingVastlegger(RegelMotor motor, BezorgingRepository bezorgingen, TransactionTemplate transactie,
                               Verwerkingslog verwerkingslog) {
        this.verwerkingslog = verwerkingslog;
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
        UUID berichtId = UUID.fromString(exchange.getMessage().getHeader(KoppelpuntHeaders.BERICHT_ID, String.class));
        String abonnement = exchange.getMessage().getHeader(KoppelpuntHeaders.ABONNEMENT, String.class);
        String span = exchange.getProperty(KoppelpuntHeaders.SPAN_ID, String.class);
        transactie.executeWithoutResult(status -> {
            motor.bezorgd(id);
            verwerkingslog.vastleggen(berichtId, "bezorgd", abonnement, "bezorging " + id, span);
        });
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
