package nl.koppelpunt.bench.jmh;

import java.time.LocalDate;
import java.util.Optional;
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

import nl.koppelpunt.connectors.partner.PartnerCatalog;
import nl.koppelpunt.connectors.partner.PartnerCatalogLoader;
import nl.koppelpunt.hub.regels.BerichtRef;
import nl.koppelpunt.hub.regels.Koppelingstand;
import nl.koppelpunt.hub.regels.Regels;
import nl.koppelpunt.hub.regels.Routering;
import nl.koppelpunt.hub.regels.Toestemmingstand;
import nl.koppelpunt.schemas.Berichttype;

/**
 * The rule decision for a klantprofiel ({@link Regels#routeer}, a pure function) with the gateway's demo partner
 * configuration: linked to GM0344, consent in force, a newer version than any delivered, so it is distributed to
 * both subscriptions. The state it decides on comes from the database in the gateway; that I/O is not in here.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RegelsBenchmark {

    private PartnerCatalog partners;
    private BerichtRef bericht;
    private Optional<Koppelingstand> koppeling;
    private Optional<Toestemmingstand> toestemming;
    private LocalDate vandaag;

    @Setup
    public void setUp() {
        partners = new PartnerCatalogLoader().load("classpath*:partners/*.yaml");
        bericht = new BerichtRef(UUID.randomUUID(), Berichttype.KLANTPROFIEL, "pseudoniem", 7, 42L);
        koppeling = Optional.of(new Koppelingstand("GM0344", "AM12", null, LocalDate.of(2017, 3, 20)));
        toestemming = Optional.of(new Toestemmingstand("GM0344", Toestemmingstand.DOEL_KLANTPROFIEL, true,
                LocalDate.of(2017, 3, 21), null));
        vandaag = LocalDate.now();
        if (!(route() instanceof Routering.Verdeel verdeel) || verdeel.bezorgen().size() != 2) {
            throw new IllegalStateException("expected a distribution to 2 subscriptions, got " + route());
        }
    }

    @Benchmark
    public Routering routeer() {
        return route();
    }

    private Routering route() {
        return Regels.routeer(bericht, koppeling, partners, toestemming, vandaag, a -> 6);
    }
}
