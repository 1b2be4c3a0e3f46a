package nl.koppelpunt.hub.toelating;

import java.util.concurrent.TimeUnit;

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
 * (measured: docs/performance.md). A request first waits a moment for the backlog to shrink (a held request costs a
 * thread; a refusal costs the partner a reconnect, because Tomcat closes the connection after a 503, and a new
 * mutual-TLS handshake is the most expensive thing intake does). Only then it is refused; the sender retries with the
 * same Idempotency-Key and nothing is lost.
 */
@Component
public class Toelating implements Processor {

    private final Werkvoorraad werkvoorraad;
    private final long maximum;
    private final long maxWachtNanos;

    public Toelating(Werkvoorraad werkvoorraad,
                     @Value("${koppelpunt.intake.toelating.max-werkvoorraad:1000}") long maximum,
                     @Value("${koppelpunt.intake.toelating.max-wachttijd-ms:2000}") long maxWachtMs) {
        this.werkvoorraad = werkvoorraad;
        this.maximum = maximum;
        this.maxWachtNanos = TimeUnit.MILLISECONDS.toNanos(maxWachtMs);
    }

    @Override
    public void process(Exchange exchange) throws InterruptedException {
        if (maximum > 0 && !werkvoorraad.wachtTotHoogstens(maximum, maxWachtNanos)) {
            throw new IntakeException(Probleem.HUB_OVERBELAST,
                    "Koppelpunt verwerkt eerst de berichten die al wachten; probeer het straks opnieuw met dezelfde Idempotency-Key.");
        }
    }
}
