package nl.koppelpunt.connectors.ondertekening;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The hand-written parts of the signing (the RFC 9421 signature base, the parameters' serialisation, the ECDSA
 * encoding, RFC 9530's digest) against the published test vectors of the RFCs themselves: a signature of the RFC's
 * example key must verify over the base built here, byte for byte. Only public test keys of the RFCs appear here.
 */
class RfcVoorbeeldenTest {

    /** RFC 9421 Appendix B.1.4, test-key-ed25519, public half. */
    private static final String ED25519_PUBLIEK = "MCowBQYDK2VwAyEAJrQLj5P/89iXES9+vFgrIy29clF9CC/oPPsw3c5D0bs=";
    /** RFC 9421 Appendix B.1.3, test-key-ecc-p256, public half. */
    private static final String P256_PUBLIEK = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEqIVYZVLCrPZHGHjP17CTW0/+D9Lf"
            + "w0EkjqF7xB4FivAxzic30tMM4GF+hR6Dxh71Z50VGGdldkkDXZCnTNnoXQ==";

    /** RFC 9421 Appendix B.2's test-request, as far as B.2.6 covers it. */
    private static HandtekeningBasis.Verzoek testRequest() {
        Map<String, String> velden = new LinkedHashMap<>();
        velden.put("date", "Tue, 20 Apr 2021 02:07:55 GMT");
        velden.put("content-type", "application/json");
        velden.put("content-length", "18");
        return new HandtekeningBasis.Verzoek("POST", URI.create("https://example.com/foo?param=Value&Pet=dog"), velden);
    }

    @Test
    void rfc9421B26SignatureBaseIsRebuiltExactlyAndTheRfcsEd25519SignatureVerifiesOverIt() throws Exception {
        List<String> componenten = List.of("date", "@method", "@path", "@authority", "content-type", "content-length");
        String params = HandtekeningBasis.signatureParams(componenten,
                new HandtekeningBasis.Parameters(1618884473L, "test-key-ed25519", null));
        String basis = HandtekeningBasis.basis(testRequest(), componenten, params);

        assertThat(params).isEqualTo("(\"date\" \"@method\" \"@path\" \"@authority\" \"content-type\" \"content-length\")"
                + ";created=1618884473;keyid=\"test-key-ed25519\"");
        assertThat(basis).isEqualTo("""
                "date": Tue, 20 Apr 2021 02:07:55 GMT
                "@method": POST
                "@path": /foo
                "@authority": example.com
                "content-type": application/json
                "content-length": 18
                "@signature-params": ("date" "@method" "@path" "@authority" "content-type" "content-length")\
                ;created=1618884473;keyid="test-key-ed25519\"""");
        // Ed25519 is deterministic: the RFC's signature checks every byte of the base.
        assertThat(verifieer("Ed25519", "Ed25519", ED25519_PUBLIEK, basis,
                "wqcAqbmYJ2ji2glfAMaRy4gruYYnx2nEFN2HN6jrnDnQCK1u02Gb04v9EDgwUPiu4A0w6vuQv5lIp5WPpBKRCw==")).isTrue();
    }

    @Test
    void rfc9421B24EcdsaSignatureIsRawRAndSTheEncodingKoppelpuntSignsWith() throws Exception {
        // B.2.4 signs a response (@status), which Koppelpunt never does; the base is written out here to check that
        // an ecdsa-p256-sha256 signature is the 64-byte r‖s form, not DER, and that the parameters serialise alike.
        String params = HandtekeningBasis.signatureParams(List.of("@status", "content-type", "content-digest", "content-length"),
                new HandtekeningBasis.Parameters(1618884473L, "test-key-ecc-p256", null));
        String basis = "\"@status\": 200\n"
                + "\"content-type\": application/json\n"
                + "\"content-digest\": sha-512=:mEWXIS7MaLRuGgxOBdODa3xqM1XdEvxoYhvlCFJ41QJgJc4GTsPp29l5oGX69wWdXymyU0rjJuahq4l5aGgfLQ==:\n"
                + "\"content-length\": 23\n"
                + "\"@signature-params\": " + params;
        String handtekening = "wNmSUAhwb5LxtOtOpNa6W5xj067m5hFrj0XQ4fvpaCLx0NKocgPquLgyahnzDnDAUy5eCdlYUEkLIj+32oiasw==";

        assertThat(Base64.getDecoder().decode(handtekening)).hasSize(64);
        assertThat(verifieer("EC", "SHA256withECDSAinP1363Format", P256_PUBLIEK, basis, handtekening)).isTrue();
    }

    @Test
    void targetUriIsTheAbsoluteUriAsTheReceiverRebuildsIt() {
        // RFC 9421 §2.2.2's example, then the normalisations a receiver's rebuilt URI has.
        assertThat(HandtekeningBasis.doelUri(URI.create("https://www.example.com/path?param=value")))
                .isEqualTo("https://www.example.com/path?param=value");
        assertThat(HandtekeningBasis.doelUri(URI.create("HTTPS://WWW.Example.com:443"))).isEqualTo("https://www.example.com/");
        assertThat(HandtekeningBasis.doelUri(URI.create("http://localhost:8081/gemeente-utrecht/werk-en-inkomen#x")))
                .isEqualTo("http://localhost:8081/gemeente-utrecht/werk-en-inkomen");
        assertThat(HandtekeningBasis.waarde(testRequest(), "@query")).isEqualTo("?param=Value&Pet=dog");
    }

    @Test
    void contentDigestIsRfc9530sExample() {
        assertThat(ContentDigest.sha256("{\"hello\": \"world\"}".getBytes(UTF_8)))
                .isEqualTo("sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:");
    }

    @Test
    void whatCannotBeCanonicalisedSafelyIsRefusedNotGuessed() {
        Map<String, String> velden = Map.of("x-naam", "caf\u00e9", "x-regel", "a\r\nb");
        HandtekeningBasis.Verzoek verzoek = new HandtekeningBasis.Verzoek("POST", URI.create("https://example.com/"), velden);
        assertThatThrownBy(() -> HandtekeningBasis.waarde(verzoek, "x-naam")).hasMessageContaining("printable ASCII");
        assertThatThrownBy(() -> HandtekeningBasis.waarde(verzoek, "x-regel")).hasMessageContaining("printable ASCII");
        assertThatThrownBy(() -> HandtekeningBasis.waarde(verzoek, "x-ontbreekt")).hasMessageContaining("not in the request");
        assertThatThrownBy(() -> HandtekeningBasis.waarde(verzoek, "@scheme")).hasMessageContaining("unsupported");
        assertThat(HandtekeningBasis.sfString("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
    }

    private static boolean verifieer(String sleuteltype, String algoritme, String publiek, String basis, String handtekening)
            throws Exception {
        PublicKey sleutel = KeyFactory.getInstance(sleuteltype).generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publiek)));
        Signature verifier = Signature.getInstance(algoritme);
        verifier.initVerify(sleutel);
        verifier.update(basis.getBytes(US_ASCII));
        return verifier.verify(Base64.getDecoder().decode(handtekening));
    }
}
