package nl.koppelpunt.hub.pgp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.bouncycastle.openpgp.PGPPublicKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.util.StringUtils;

import nl.koppelpunt.connectors.pgp.PgpFout;
import nl.koppelpunt.connectors.pgp.PgpSleutelpaar;
import nl.koppelpunt.connectors.pgp.PgpSleutels;

/**
 * Koppelpunt's own OpenPGP key (docs/security/pgp.md): it decrypts the SFTP files partners encrypt to it and signs
 * the files Koppelpunt pushes. Loaded and unlocked once at start, so a missing key or a wrong passphrase stops the
 * start rather than the first file. In development mode {@code DevelopmentSecrets} points
 * {@code koppelpunt.pgp.sleutel} at a generated key ({@code <data-dir>/sleutels/koppelpunt-pgp.asc}, its public half
 * in {@code <pki-dir>/koppelpunt-pgp.asc}).
 */
@Configuration(proxyBeanMethods = false)
public class PgpConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(PgpConfiguration.class);
    static final String SLEUTEL = "koppelpunt.pgp.sleutel";

    /**
     * @param sleutel       the armored secret key ({@code gpg --armor --export-secret-keys}), or its location
     *                      (a path, {@code file:}, {@code classpath:})
     * @param wachtwoordzin its passphrase, from the environment ({@code KOPPELPUNT_PGP_WACHTWOORDZIN}); empty for an
     *                      unprotected key
     */
    @Bean
    public PgpSleutelpaar koppelpuntPgpSleutelpaar(@Value("${" + SLEUTEL + ":}") String sleutel,
                                               @Value("${koppelpunt.pgp.wachtwoordzin:}") String wachtwoordzin) {
        if (!StringUtils.hasText(sleutel)) {
            throw new IllegalStateException(SLEUTEL + " is not set: SFTP files are encrypted to Koppelpunt's OpenPGP "
                    + "key. Give the armored secret key (or its location) and koppelpunt.pgp.wachtwoordzin from the "
                    + "environment; see docs/security/pgp.md");
        }
        try {
            PgpSleutelpaar paar = PgpSleutelpaar.laad(lees(sleutel.strip()), wachtwoordzin.toCharArray());
            PGPPublicKey hoofd = paar.publiekeSleutelring().getPublicKey();
            LOG.info("Koppelpunt's OpenPGP key: fingerprint {}", PgpSleutels.vingerafdruk(hoofd));
            paar.versleutelSleutel();
            paar.ondertekenaar();
            return paar;
        } catch (IOException e) {
            throw new IllegalStateException(SLEUTEL + ": " + e.getMessage(), e);
        }
    }

    private static byte[] lees(String sleutel) throws IOException {
        if (sleutel.startsWith("-----BEGIN PGP")) {
            return sleutel.getBytes(StandardCharsets.US_ASCII);
        }
        Resource resource = sleutel.startsWith("classpath:") || sleutel.startsWith("file:")
                ? new DefaultResourceLoader().getResource(sleutel) : new FileSystemResource(sleutel);
        if (!resource.exists()) {
            throw new PgpFout("no armored key and no file at " + sleutel);
        }
        try (InputStream in = resource.getInputStream()) {
            return in.readAllBytes();
        }
    }
}
