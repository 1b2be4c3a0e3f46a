package nl.koppelpunt.bench.jmh;

import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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
import nl.koppelpunt.hub.intake.StrictJson;
import nl.koppelpunt.hub.privacy.Pseudonimiseerder;
import nl.koppelpunt.schemas.Berichttype;
import nl.koppelpunt.schemas.ContractCatalog;
import nl.koppelpunt.schemas.ContractValidator;
import nl.koppelpunt.schemas.Violation;

/**
 * The per-message CPU steps of intake, on the seed klantprofiel, with the gateway's own classes: strict parsing,
 * contract validation (JSON Schema 2020-12), the idempotency fingerprint and the keyed pseudonym of the BSN.
 * Payload encryption at rest has its own benchmark, {@link VersleutelingBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HotStepsBenchmark {

    private ContractValidator validator;
    private StrictJson strict;
    private Pseudonimiseerder pseudonimiseerder;
    private byte[] seedBytes;
    private JsonNode seed;
    private JsonNode seedPlain;

    @Setup
    public void setUp() throws IOException {
        validator = ContractCatalog.v1().validator();
        strict = new StrictJson(32);
        // 32 zero bytes: a development-style key; the HMAC's cost does not depend on its value.
        pseudonimiseerder = new Pseudonimiseerder(Base64.getEncoder().encodeToString(new byte[32]));
        seedBytes = Payloads.seedBytes();
        seed = strict.parse(seedBytes);
        seedPlain = SHARED.readTree(seedBytes);
        List<Violation> violations = validator.validate(Berichttype.KLANTPROFIEL, seed);
        if (!violations.isEmpty()) {
            throw new IllegalStateException("seed klantprofiel is not valid: " + violations);
        }
    }

    /** {@code ContractCatalog.v1().validator().validate(KLANTPROFIEL, seed)}: what intake-validate does after parsing. */
    @Benchmark
    public List<Violation> contractValidation() {
        return validator.validate(Berichttype.KLANTPROFIEL, seed);
    }

    /** The gateway's strict parse (duplicate keys refused, nesting limit, no trailing tokens). */
    @Benchmark
    public JsonNode strictParse() throws IOException {
        return strict.parse(seedBytes);
    }

    /** A plain (non-strict) parse with a shared ObjectMapper, as the processing and delivery steps do. */
    @Benchmark
    public JsonNode plainParse() throws IOException {
        return SHARED.readTree(seedBytes);
    }

    /** SHA-256 over the canonical form (keys sorted): the idempotency fingerprint of intake-store. */
    @Benchmark
    public byte[] fingerprint() {
        return strict.fingerprint(seedPlain);
    }

    /** HMAC-SHA256 of the BSN (intake-store; a new Mac per call). */
    @Benchmark
    public String pseudonym() {
        return pseudonimiseerder.pseudoniem("999990019");
    }

    /** The whole CPU part of intake for one message: parse, validate, fingerprint, pseudonym. */
    @Benchmark
    public Object intakeCpu() throws IOException {
        JsonNode node = strict.parse(seedBytes);
        validator.validate(Berichttype.KLANTPROFIEL, node);
        strict.fingerprint(node);
        return pseudonimiseerder.pseudoniem(node.at("/persoonsgegevens/burgerservicenummer").asText());
    }

    private static final ObjectMapper SHARED = new ObjectMapper();
}
