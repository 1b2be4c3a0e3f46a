package nl.koppelpunt.bench.jmh;

import java.security.SecureRandom;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import nl.koppelpunt.bench.Payloads;
import nl.koppelpunt.hub.privacy.Kolom;
import nl.koppelpunt.hub.privacy.Versleutelaar;

/**
 * Payload encryption at rest with the gateway's {@link Versleutelaar} on the seed klantprofiel (AES-256-GCM, a random
 * IV, the row-bound associated data): what intake-store adds per message (encrypt) and what the rules and every
 * delivery attempt add (decrypt). A random key each run; its value does not change the cost.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class VersleutelingBenchmark {

    private Versleutelaar versleutelaar;
    private byte[] seed;
    private byte[] versleuteld;
    private UUID rij;

    @Setup
    public void setUp() {
        byte[] sleutel = new byte[Versleutelaar.SLEUTEL_BYTES];
        new SecureRandom().nextBytes(sleutel);
        versleutelaar = new Versleutelaar(Map.of("bench", sleutel), "bench");
        seed = Payloads.seedBytes();
        rij = UUID.randomUUID();
        versleuteld = versleutelaar.versleutel(seed, Kolom.BERICHT_INHOUD, rij);
        if (!java.util.Arrays.equals(versleutelaar.ontsleutel(versleuteld, Kolom.BERICHT_INHOUD, rij), seed)) {
            throw new IllegalStateException("round trip failed");
        }
    }

    /** {@code BerichtRepository.opslaan}: the seed klantprofiel encrypted for its row. */
    @Benchmark
    public byte[] versleutel() {
        return versleutelaar.versleutel(seed, Kolom.BERICHT_INHOUD, rij);
    }

    /** {@code BerichtRepository.inhoud}: decrypted (tag checked) for the rules or a delivery. */
    @Benchmark
    public byte[] ontsleutel() {
        return versleutelaar.ontsleutel(versleuteld, Kolom.BERICHT_INHOUD, rij);
    }
}
