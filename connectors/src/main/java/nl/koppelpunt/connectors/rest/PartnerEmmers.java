package nl.koppelpunt.connectors.rest;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import org.springframework.stereotype.Component;

import nl.koppelpunt.connectors.partner.Limieten;

/**
 * One token bucket (Bucket4j, in memory) per partner. Taking a token is a lock-free compare-and-set on the partner's
 * own bucket: no lock is held across requests, nothing goes to the database, and partners never wait for each other.
 * A bucket is made on a partner's first request, and again only when its configured rate or burst changes (a partner
 * reload), so a changed limit applies from the next request. The limit is per gateway instance: with several
 * instances behind a load balancer a partner gets at most that many times its rate.
 */
@Component
public class PartnerEmmers {

    private final ConcurrentMap<String, Emmer> emmers = new ConcurrentHashMap<>();

    /**
     * Takes one token from the partner's bucket.
     *
     * @param limieten the partner's limits in force (every field set)
     * @return {@link Duration#ZERO} when the request may go on, otherwise how long until a token is there again
     */
    public Duration neem(String partnerId, Limieten limieten) {
        Emmer emmer = emmers.get(partnerId);
        if (emmer == null || !emmer.past(limieten)) {
            // Only on a first request or a changed configuration; compute() keeps one bucket per partner under races.
            emmer = emmers.compute(partnerId, (id, oud) -> oud != null && oud.past(limieten) ? oud : Emmer.voor(limieten));
        }
        ConsumptionProbe probe = emmer.bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(Math.max(1, probe.getNanosToWaitForRefill()));
    }

    private record Emmer(long verzoekenPerSeconde, long burst, Bucket bucket) {

        static Emmer voor(Limieten limieten) {
            long rate = limieten.verzoekenPerSeconde();
            long burst = limieten.burst();
            // Greedy refill: tokens come back continuously (rate per second), not all at once at each second.
            Bucket bucket = Bucket.builder()
                    .addLimit(limit -> limit.capacity(burst).refillGreedy(rate, Duration.ofSeconds(1)))
                    .build();
            return new Emmer(rate, burst, bucket);
        }

        boolean past(Limieten limieten) {
            return verzoekenPerSeconde == limieten.verzoekenPerSeconde() && burst == limieten.burst();
        }
    }
}
