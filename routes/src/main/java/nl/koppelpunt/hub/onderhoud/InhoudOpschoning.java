package nl.koppelpunt.hub.onderhoud;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import nl.koppelpunt.hub.bericht.BerichtRepository;
import nl.koppelpunt.hub.bericht.InhoudRepository;

/**
 * Retention of payloads: a message delivered (or dropped) longer than {@code koppelpunt.bewaartermijn.inhoud} ago
 * loses its payload; its metadata, deliveries and timeline stay. Each erased message gets an {@code inhoud-verwijderd}
 * event on its timeline; the run's count goes to the log and to the counter {@code koppelpunt_inhoud_verwijderd_total}.
 * Batches of its own transaction each, so a long backlog neither holds locks nor blocks the rules.
 */
@Component
public class InhoudOpschoning {

    /** The timeline event of an erased payload. */
    public static final String INHOUD_VERWIJDERD = "inhoud-verwijderd";
    private static final Logger LOG = LoggerFactory.getLogger(InhoudOpschoning.class);
    private static final int BATCH = 500;

    private final InhoudRepository inhoud;
    private final BerichtRepository berichten;
    private final TransactionTemplate transactie;
    private final Clock clock;
    private final Duration bewaartermijn;
    private final Counter verwijderd;

    public InhoudOpschoning(InhoudRepository inhoud, BerichtRepository berichten, TransactionTemplate transactie, Clock clock,
                            @Value("${koppelpunt.bewaartermijn.inhoud:P30D}") Duration bewaartermijn, MeterRegistry registry) {
        if (bewaartermijn.isNegative()) {
            throw new IllegalArgumentException("koppelpunt.bewaartermijn.inhoud must not be negative: " + bewaartermijn);
        }
        this.inhoud = inhoud;
        this.berichten = berichten;
        this.transactie = transactie;
        this.clock = clock;
        this.bewaartermijn = bewaartermijn;
        this.verwijderd = Counter.builder("koppelpunt.inhoud.verwijderd")
                .description("Payloads deleted after their retention (koppelpunt.bewaartermijn.inhoud)")
                .tag("reden", "bewaartermijn").register(registry);
    }

    /** One run: erases every payload past its retention, batch by batch; returns how many. */
    public int voerUit() {
        String toelichting = "bewaartermijn van de inhoud (" + bewaartermijn + ") verstreken";
        int totaal = 0;
        List<UUID> gewist;
        do {
            gewist = transactie.execute(status -> {
                List<UUID> ids = inhoud.wisVerlopen(clock.instant().minus(bewaartermijn), BATCH);
                ids.forEach(id -> berichten.gebeurtenis(id, INHOUD_VERWIJDERD, toelichting));
                return ids;
            });
            totaal += gewist.size();
            verwijderd.increment(gewist.size());
        } while (gewist.size() == BATCH);
        if (totaal > 0) {
            LOG.info("Deleted the payloads of {} message(s) past their retention ({})", totaal, bewaartermijn);
        }
        return totaal;
    }
}
