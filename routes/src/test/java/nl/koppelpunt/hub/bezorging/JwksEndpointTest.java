package nl.koppelpunt.hub.bezorging;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;

import org.junit.jupiter.api.Test;

import nl.koppelpunt.connectors.pki.PemSslContexts;
import nl.koppelpunt.hub.support.HubClient;
import nl.koppelpunt.hub.support.HubIntegrationTest;

/**
 * The public signing keys at {@code /.well-known/jwks.json}: for anyone, without a client certificate, public halves
 * only; in development the key is the one generated at first start in the data directory.
 */
class JwksEndpointTest extends HubIntegrationTest {

    private HubClient anoniem() {
        return new HubClient(PemSslContexts.trustOnly(DATA_DIR.resolve("pki/ca.crt")), port);
    }

    @Test
    void theKeysArePublicAndOnlyTheirPublicHalf() throws Exception {
        HttpResponse<String> antwoord = anoniem().get("/.well-known/jwks.json");

        assertThat(antwoord.statusCode()).isEqualTo(200);
        assertThat(antwoord.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/jwk-set+json"));
        assertThat(antwoord.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("max-age=300"));
        assertThat(antwoord.headers().firstValue("API-Version")).hasValue("1.0.0");
        JWKSet set = JWKSet.parse(antwoord.body());
        assertThat(set.getKeys()).hasSize(1);
        ECKey sleutel = set.getKeys().get(0).toECKey();
        assertThat(sleutel.getCurve()).isEqualTo(Curve.P_256);
        assertThat(sleutel.isPrivate()).isFalse();
        assertThat(antwoord.body()).doesNotContain("\"d\"");
        assertThat(sleutel.getKeyID()).isEqualTo(sleutel.computeThumbprint().toString());
    }

    @Test
    void inDevelopmentItIsTheKeyGeneratedInTheDataDirectoryReadableByTheOwnerOnly() throws Exception {
        Path bestand = DATA_DIR.resolve("sleutels/ondertekening.key");
        assertThat(Files.getPosixFilePermissions(bestand)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        String pem = Files.readString(bestand, US_ASCII);
        assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----");
        ECPrivateKey opSchijf = (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(
                Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""))));
        ECKey gepubliceerd = JWKSet.parse(anoniem().get("/.well-known/jwks.json").body()).getKeys().get(0).toECKey();

        // The two are one key pair: what the key on disk signs, the published key verifies (nimbus both ways).
        JWSObject jws = new JWSObject(new JWSHeader(JWSAlgorithm.ES256), new Payload("proef"));
        jws.sign(new ECDSASigner(opSchijf));
        assertThat(jws.verify(new ECDSAVerifier(gepubliceerd))).isTrue();
    }

    @Test
    void onlyReadingThatOneDocumentNeedsNoCertificate() {
        HubClient anoniem = anoniem();
        HttpResponse<String> schrijven = anoniem.send(HttpRequest.newBuilder(anoniem.uri("/.well-known/jwks.json"))
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(schrijven.statusCode()).isEqualTo(401);
        assertThat(anoniem.get("/.well-known/jwks.json/").statusCode()).isEqualTo(401);
        assertThat(anoniem.get("/.well-known/../api/v1/openapi.json").statusCode()).isEqualTo(401);
        assertThat(anoniem.get("/api/v1/openapi.json").statusCode()).isEqualTo(401);
        // With a certificate it is the same document.
        assertThat(client("coa").get("/.well-known/jwks.json").body()).isEqualTo(anoniem.get("/.well-known/jwks.json").body());
    }
}
