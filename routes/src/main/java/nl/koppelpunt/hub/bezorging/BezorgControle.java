package nl.koppelpunt.hub.bezorging;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import nl.koppelpunt.hub.opslag.BezorgingRepository;
import nl.koppelpunt.hub.regels.RegelMotor;

/**
 * Before every attempt: may this delivery still go? A withdrawal, an ontkoppeling or a newer delivered version that
 * arrived while it waited — or while earlier attempts failed — wins, and the delivery is recorded as dropped.
 * An attempt that may go is counted here, as it starts.
 */
@Component
public class BezorgControle {

    private final RegelMotor motor;
    private final BezorgingRepository bezorgingen;
    private final TransactionTemplate transactie;

    public BezorgControle(RegelMotor motor, BezorgingRepository bezorgingen, TransactionTemplate transactie) {
        this.motor = motor;
        this.bezorgingen = bezorgingen;
        this.transactie = transactie;
    }

    public boolean magBezorgen(UUID id) {
        return Boolean.TRUE.equals(transactie.execute(status -> {
            Optional<String> nee = motor.mag(id);
            nee.ifPresentOrElse(reden -> { }, () -> bezorgingen.poging(id));
            return nee.isEmpty();
        }));
    }
}
