package nl.koppelpunt.connectors.rest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import nl.koppelpunt.connectors.pgp.PgpSleutelpaar;

/**
 * Publishes Koppelpunt's OpenPGP certificate (public key only, armored) at a stable URL: partners encrypt their SFTP
 * batch files to it and verify the files Koppelpunt pushes with it ({@code curl https://.../.well-known/koppelpunt-pgp.asc
 * | gpg --import}). Public like the JWK Set: no client certificate needed (see {@link OpenbareSleutels}).
 */
@RestController
public class PgpSleutelController {

    /** Where the certificate is served. */
    public static final String PAD = "/.well-known/koppelpunt-pgp.asc";
    /** RFC 3156 §7. */
    static final MediaType PGP_KEYS = MediaType.parseMediaType("application/pgp-keys");

    private final byte[] certificaat;

    public PgpSleutelController(@Qualifier("koppelpuntPgpSleutelpaar") PgpSleutelpaar koppelpunt) {
        // Built once: the key is fixed for the life of the process. Only the public half is ever taken from the pair.
        this.certificaat = koppelpunt.publiekeSleutelArmored().getBytes(StandardCharsets.US_ASCII);
    }

    @GetMapping(PAD)
    public ResponseEntity<byte[]> certificaat() {
        return ResponseEntity.ok().contentType(PGP_KEYS).cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(certificaat);
    }
}
