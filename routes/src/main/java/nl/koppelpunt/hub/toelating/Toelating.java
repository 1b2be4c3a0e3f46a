package nl.koppelpunt.hub.toelating;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import nl.koppelpunt.connectors.intake.IntakeException;
import nl.koppelpunt.connectors.intake.Probleem;

/**
 * Admission control. When more accepted messages wait for processing than the pipeline can work off in a few
 * seconds, new ones are refused with 503 and Retry-After instead of being queued: otherwise intake takes the CPU, the
 * database connections and the broker from processing and delivery, and the more is offered the less is delivered
 * (measured: docs/performance.md). A refused sender retries with the same Idempotency-Key; nothing is lost.
 */
@Component
public class Toelating implements Processor {

    private final Werkvoorraad werkvoorraad;
    private final long maximum;

    public Toelating(Werkvoorraad werkvoorraad, @Value("${koppelpunt.intake.toelating.max-werkvoorraad:1000}") long maximum) {
        this.werkvoorraad = werkvoorraad;
        this.maximum = maximum;
    }

    @Override
    public void process(Exchange exchange) {
        if (maximum > 0 && werkvoorraad.diepte() > maximum) {
            throw new IntakeException(Probleem.HUB_OVERBELAST,
                    "Koppelpunt verwerkt eerst de berichten die al wachten; probeer het straks opnieuw met dezelfde Idempotency-Key.");
        }
    }
}
