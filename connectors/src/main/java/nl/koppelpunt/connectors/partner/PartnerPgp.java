package nl.koppelpunt.connectors.partner;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

import nl.koppelpunt.connectors.pgp.PgpFout;
import nl.koppelpunt.connectors.pgp.PgpSleutels;

/** Reads and checks {@code pgp} of a partner file, so a bad key stops the start instead of the first file. */
final class PartnerPgp {

    private static final String ARMOR = "-----BEGIN PGP PUBLIC KEY BLOCK-----";

    private PartnerPgp() {
    }

    static PgpInstellingen instellingen(PartnerCatalogLoader.PgpYaml pgp, String file) {
        if (pgp == null) {
            return PgpInstellingen.GEEN;
        }
        String sleutel = null;
        if (pgp.publiekeSleutel != null && !pgp.publiekeSleutel.isBlank()) {
            try {
                sleutel = armored(pgp.publiekeSleutel.strip());
                PgpSleutels.publiekeSleutelring(sleutel);
            } catch (IOException e) {
                throw new IllegalArgumentException("partner configuration " + file + ": pgp.publieke-sleutel: "
                        + e.getMessage(), e);
            }
        }
        return new PgpInstellingen(sleutel, pgp.ondertekeningVerplicht);
    }

    /** The key inline, or read from its location. */
    private static String armored(String waarde) throws IOException {
        if (waarde.startsWith(ARMOR)) {
            return waarde;
        }
        Resource resource = waarde.startsWith("classpath:") || waarde.startsWith("file:")
                ? new DefaultResourceLoader().getResource(waarde) : new FileSystemResource(waarde);
        if (!resource.exists()) {
            throw new PgpFout("neither an armored key (" + ARMOR + ") nor an existing file: " + waarde);
        }
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
        }
    }
}
