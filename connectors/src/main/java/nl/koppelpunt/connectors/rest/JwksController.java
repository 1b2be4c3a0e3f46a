package nl.koppelpunt.connectors.rest;

import java.time.Duration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import nl.koppelpunt.connectors.ondertekening.Ondertekeningssleutels;

/**
 * Publishes the public keys that verify Koppelpunt's signed deliveries as a JWK Set (RFC 7517) at a well-known
 * location. Public: a gemeente's verifier needs no client certificate to fetch it (see {@link ClientCertificateFilter}).
 */
@RestController
public class JwksController {

    /** Where the JWK Set is served. */
    public static final String PAD = "/.well-known/jwks.json";
    /** RFC 7517 §8.5. */
    static final MediaType JWK_SET = MediaType.parseMediaType("application/jwk-set+json");

    private final byte[] document;

    public JwksController(Ondertekeningssleutels sleutels, ObjectMapper mapper) throws JsonProcessingException {
        // Built once: the keys are fixed for the life of the process (a rotation is a restart with new settings).
        this.document = mapper.writeValueAsBytes(sleutels.jwks());
    }

    @GetMapping(PAD)
    public ResponseEntity<byte[]> jwks() {
        // Short enough that a receiver sees a newly added key soon; a receiver that meets an unknown kid should
        // fetch again anyway.
        return ResponseEntity.ok().contentType(JWK_SET).cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(document);
    }
}
