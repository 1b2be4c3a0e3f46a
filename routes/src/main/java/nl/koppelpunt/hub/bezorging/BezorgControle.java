package nl.koppelpunt.hub.bezorging;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import nl.koppelpunt.hub.opslag.AsynchroneCommit;
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
    private final JdbcTemplate jdbc;

    public BezorgControle(RegelMotor motor, BezorgingRepository bezorgingen, TransactionTemplate transactie,
                          JdbcTemplate jdbc) {
        this.motor = motor;
        this.bezorgingen = bezorgingen;
        this.transactie = transactie;
        this.jdbc = jdbc;
    }

    public boolean magBezorgen(UUID id) {
        return Boolean.TRUE.equals(transactie.execute(status -> {
            Optional<String> nee = motor.mag(id);
            if (nee.isPresent()) {
                return false; // dropped: a decision, committed synchronously
            }
            bezorgingen.poging(id);
            // Only the attempt counter was written: not worth a WAL flush per attempt (a count lost in a crash is
            // harmless; the attempt itself is repeated by the broker).
            AsynchroneCommit.voorDezeTransactie(jdbc);
            return true;
        }));
    }
}
