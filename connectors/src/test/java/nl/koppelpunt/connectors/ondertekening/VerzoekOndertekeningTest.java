package nl.koppelpunt.connectors.ondertekening;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A signed request, checked the way a receiver would: the RFC 9421 signature over a signature base written out by hand
 * in this test (not built by the code under test), and the detached JWS with nimbus-jose-jwt, an independent JOSE
 * implementation.
 */
class VerzoekOndertekeningTest {

    private static final Instant NU = Instant.parse("2026-03-01T09:30:00Z");
    private static final byte[] INHOUD = "{\"burgerservicenummer\":\"123456782\",\"datum\":\"2017-03-20\"}".getBytes(UTF_8);
    private static final URI DOEL = URI.create("https://gemeente.example:8443/koppelpunt/werk-en-inkomen");

    private KeyPair paar;
    private VerzoekOndertekening ondertekening;

    @BeforeEach
    void sleutel() throws Exception {
        paar = SleutelsVoorTests.p256();
        Ondertekeningssleutels sleutels = new Ondertekeningssleutels(
                Ondertekeningssleutel.laad(SleutelsVoorTests.pkcs8Pem(paar), "koppelpunt-test", "test"), List.of());
        ondertekening = new VerzoekOndertekening(sleutels, Clock.fixed(NU, ZoneOffset.UTC));
    }

    private static Map<String, String> velden() {
        Map<String, String> velden = new LinkedHashMap<>();
        velden.put("Content-Type", "application/json");
        velden.put("Idempotency-Key", "6d2b0c1e-4f7a-4b8e-9a3c-1e5f7d9b2a40");
        velden.put("Koppelpunt-Bericht-Id", "0b7c8a52-3c41-4d55-9a0e-2b9a1d6b7f10");
        velden.put("Koppelpunt-Berichttype", "screening");
        return velden;
    }

    @Test
    void theHttpMessageSignatureCoversMethodTargetDigestAndTheNamedHeaders() throws Exception {
        Map<String, String> headers = ondertekening.onderteken("POST", DOEL, velden(), INHOUD);

        assertThat(headers).containsOnlyKeys("Content-Digest", "Signature-Input", "Signature", "Koppelpunt-Jws");
        String params = "(\"@method\" \"@target-uri\" \"content-digest\" \"content-type\" \"idempotency-key\" "
                + "\"koppelpunt-bericht-id\" \"koppelpunt-berichttype\");created=" + NU.getEpochSecond()
                + ";keyid=\"koppelpunt-test\";alg=\"ecdsa-p256-sha256\"";
        assertThat(headers.get("Signature-Input")).isEqualTo("koppelpunt=" + params);
        String basis = "\"@method\": POST\n"
                + "\"@target-uri\": https://gemeente.example:8443/koppelpunt/werk-en-inkomen\n"
                + "\"content-digest\": " + headers.get("Content-Digest") + "\n"
                + "\"content-type\": application/json\n"
                + "\"idempotency-key\": 6d2b0c1e-4f7a-4b8e-9a3c-1e5f7d9b2a40\n"
                + "\"koppelpunt-bericht-id\": 0b7c8a52-3c41-4d55-9a0e-2b9a1d6b7f10\n"
                + "\"koppelpunt-berichttype\": screening\n"
                + "\"@signature-params\": " + params;

        assertThat(headers.get("Signature")).startsWith("koppelpunt=:").endsWith(":");
        byte[] handtekening = Base64.getDecoder().decode(headers.get("Signature").substring("koppelpunt=:".length(), headers.get("Signature").length() - 1));
        assertThat(verifieer(basis, handtekening)).isTrue();
        assertThat(verifieer(basis.replace("screening", "klantprofiel"), handtekening)).isFalse();
    }

    @Test
    void theDetachedJwsVerifiesWithNimbusAndBindsTheRequestData() throws Exception {
        Map<String, String> headers = ondertekening.onderteken("POST", DOEL, velden(), INHOUD);
        ECKey jwk = ECKey.parse(new ECKey.Builder(com.nimbusds.jose.jwk.Curve.P_256,
                (java.security.interfaces.ECPublicKey) paar.getPublic()).keyID("koppelpunt-test").build().toJSONObject());

        String jws = headers.get("Koppelpunt-Jws");
        assertThat(jws).matches("[A-Za-z0-9_-]+\\.\\.[A-Za-z0-9_-]+");
        JWSObject ontvangen = JWSObject.parse(jws, new Payload(INHOUD));
        assertThat(ontvangen.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(ontvangen.getHeader().isBase64URLEncodePayload()).isFalse();
        assertThat(ontvangen.getHeader().getKeyID()).isEqualTo("koppelpunt-test");
        assertThat(ontvangen.verify(new ECDSAVerifier(jwk))).isTrue();
        assertThat(ontvangen.getHeader().getCustomParam("htu")).isEqualTo(DOEL.toString());
        assertThat(ontvangen.getHeader().getCustomParam("htm")).isEqualTo("POST");
        assertThat(((Number) ontvangen.getHeader().getCustomParam("iat")).longValue()).isEqualTo(NU.getEpochSecond());
        assertThat(ontvangen.getHeader().getCustomParam("koppelpunt-berichttype")).isEqualTo("screening");
        assertThat(ontvangen.getHeader().getCustomParam("idempotency-key")).isEqualTo("6d2b0c1e-4f7a-4b8e-9a3c-1e5f7d9b2a40");

        byte[] gewijzigd = new String(INHOUD, UTF_8).replace("123456782", "111222333").getBytes(UTF_8);
        assertThat(JWSObject.parse(jws, new Payload(gewijzigd)).verify(new ECDSAVerifier(jwk))).isFalse();
    }

    @Test
    void theOptionalProfileVersionIsCoveredWhenItIsThere() {
        Map<String, String> velden = velden();
        velden.put("Koppelpunt-Profielversie", "3");
        assertThat(ondertekening.onderteken("POST", DOEL, velden, INHOUD).get("Signature-Input"))
                .contains("\"koppelpunt-berichttype\" \"koppelpunt-profielversie\");created=");
    }

    private boolean verifieer(String basis, byte[] handtekening) throws Exception {
        Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
        verifier.initVerify(paar.getPublic());
        verifier.update(basis.getBytes(US_ASCII));
        return verifier.verify(handtekening);
    }
}
