package nl.koppelpunt.hub.wachtrij;

import java.time.Duration;
import java.time.Instant;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import nl.koppelpunt.hub.bericht.BerichtRepository;

/**
 * Finds messages committed longer ago than the grace period but never queued. The grace period keeps the sweep away
 * from intakes still in progress; a duplicate send is harmless because the consumer is idempotent.
 */
@Component
public class WachtrijHerstel implements Processor {

    private static final int BATCH = 500;

    private final BerichtRepository repository;
    private final Duration grace;

    public WachtrijHerstel(BerichtRepository repository,
                           @Value("${koppelpunt.wachtrijen.herstel-na-seconden:30}") long graceSeconds) {
        this.repository = repository;
        this.grace = Duration.ofSeconds(graceSeconds);
    }

    @Override
    public void process(Exchange exchange) {
        exchange.getMessage().setBody(repository.nietInWachtrij(Instant.now().minus(grace), BATCH));
    }
}
