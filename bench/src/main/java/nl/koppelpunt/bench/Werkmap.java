package nl.koppelpunt.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import javax.net.ssl.SSLContext;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import nl.koppelpunt.connectors.partner.PartnerCatalog;
import nl.koppelpunt.connectors.partner.PartnerCatalogLoader;
import nl.koppelpunt.connectors.pki.DevelopmentPki;
import nl.koppelpunt.connectors.pki.PartnerIdentity;
import nl.koppelpunt.connectors.pki.PemSslContexts;

/**
 * The run's scratch directory: the gateway's demo partner files (copied out of its jar at build time, so the bench
 * onboards exactly what the gateway ships), one development PKI shared by the gateway, the baseline and the load
 * generator, and a data directory per system under test. Deleted at the end unless {@code --keep}.
 */
public final class Werkmap implements AutoCloseable {

    static final String PARTNER_ID = "coa";

    private final Path root;
    private final boolean keep;

    private Werkmap(Path root, boolean keep) {
        this.root = root;
        this.keep = keep;
    }

    public static Werkmap create(boolean keep) {
        try {
            Werkmap werkmap = new Werkmap(Files.createTempDirectory("koppelpunt-bench-"), keep);
            werkmap.copyPartners();
            return werkmap;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path root() {
        return root;
    }

    public Path partners() {
        return root.resolve("partners");
    }

    public Path pki() {
        return root.resolve("pki");
    }

    public Path data(String name) {
        return root.resolve(name);
    }

    /** Spring resource pattern of the partner files, for --koppelpunt.partners.location. */
    public String partnersLocation() {
        return "file:" + partners().toAbsolutePath() + "/*.yaml";
    }

    /**
     * The CA, the server certificate and a certificate per partner, minted by the gateway's own development PKI code.
     * The gateway finds them current at its start and keeps them.
     */
    public void ensurePki() {
        PartnerCatalog catalog = new PartnerCatalogLoader().load(partnersLocation());
        List<PartnerIdentity> identities = catalog.all().stream()
                .map(p -> new PartnerIdentity(p.id(), p.naam(), p.oin())).toList();
        DevelopmentPki.ensure(pki(), identities, List.of("localhost"));
    }

    public SSLContext clientSsl() {
        return PemSslContexts.client(pki().resolve(PARTNER_ID + ".crt"), pki().resolve(PARTNER_ID + ".key"),
                pki().resolve("ca.crt"));
    }

    private void copyPartners() throws IOException {
        Files.createDirectories(partners());
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:partners/*.yaml");
        if (files.length == 0) {
            throw new IllegalStateException("no partners/*.yaml on the class path: build the bench with "
                    + "mvn -Pbench -pl bench -am package (it copies them out of routes/target/koppelpunt.jar)");
        }
        for (Resource file : files) {
            try (InputStream in = file.getInputStream()) {
                Files.copy(in, partners().resolve(file.getFilename()));
            }
        }
    }

    @Override
    public void close() {
        if (keep) {
            System.out.println("Work directory kept: " + root);
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: a leftover temp file is harmless
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }
}
