package nl.koppelpunt.connectors.ondertekening;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading the signing keys from configuration, and their JWK form checked against nimbus-jose-jwt. */
class OndertekeningssleutelsTest {

    @TempDir
    Path map;

    @Test
    void loadsPkcs8AndSec1PemInlineOrByLocation() throws Exception {
        KeyPair paar = SleutelsVoorTests.p256();
        String pkcs8 = SleutelsVoorTests.pkcs8Pem(paar);
        String sec1 = SleutelsVoorTests.sec1Pem(paar);
        Path bestand = Files.writeString(map.resolve("sleutel.pem"), pkcs8, US_ASCII);

        for (String instelling : List.of(pkcs8, sec1, bestand.toString(), bestand.toUri().toString())) {
            Ondertekeningssleutel sleutel = Ondertekeningssleutel.laad(instelling, "", "test");
            assertThat(sleutel.publiek().sleutel().getW()).isEqualTo(((ECPublicKey) paar.getPublic()).getW());
        }
    }

    @Test
    void keyIdDefaultsToTheRfc7638ThumbprintAndTheJwkIsPublicOnly() throws Exception {
        // Many keys, so coordinates with leading zero bytes (and the sign byte of BigInteger) are met too.
        for (int i = 0; i < 40; i++) {
            KeyPair paar = SleutelsVoorTests.p256();
            Ondertekeningssleutel sleutel = Ondertekeningssleutel.laad(SleutelsVoorTests.pkcs8Pem(paar), null, "test");
            ECKey referentie = new ECKey.Builder(com.nimbusds.jose.jwk.Curve.P_256, (ECPublicKey) paar.getPublic()).build();

            assertThat(sleutel.sleutelId()).isEqualTo(referentie.computeThumbprint().toString());
            ECKey gepubliceerd = ECKey.parse(sleutel.publiek().jwk());
            assertThat(gepubliceerd.getX()).isEqualTo(referentie.getX());
            assertThat(gepubliceerd.getY()).isEqualTo(referentie.getY());
            assertThat(gepubliceerd.isPrivate()).isFalse();
            assertThat(gepubliceerd.getKeyID()).isEqualTo(sleutel.sleutelId());
        }
    }

    @Test
    void theJwkSetHoldsTheCurrentKeyFirstThenTheEarlierOnesAndNothingPrivate() throws Exception {
        KeyPair oud = SleutelsVoorTests.p256();
        KeyPair nieuw = SleutelsVoorTests.p256();
        Ondertekeningssleutels sleutels = new Ondertekeningssleutels(
                Ondertekeningssleutel.laad(SleutelsVoorTests.pkcs8Pem(nieuw), "koppelpunt-2026", "test"),
                List.of(PubliekeSleutel.laad(SleutelsVoorTests.publiekPem(oud), "koppelpunt-2025", "test")));

        String json = new ObjectMapper().writeValueAsString(sleutels.jwks());
        JWKSet set = JWKSet.parse(json);
        assertThat(set.getKeys()).extracting(k -> k.getKeyID()).containsExactly("koppelpunt-2026", "koppelpunt-2025");
        assertThat(set.getKeys()).allSatisfy(k -> assertThat(k.isPrivate()).isFalse());
        assertThat(json).doesNotContain("\"d\"");
        assertThat(set.getKeyByKeyId("koppelpunt-2025").toECKey().toECPublicKey().getW()).isEqualTo(((ECPublicKey) oud.getPublic()).getW());
        assertThat(sleutels.huidig().toString()).isEqualTo("Ondertekeningssleutel[koppelpunt-2026]");
    }

    @Test
    void badKeysStopTheStartWithAClearMessage() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        KeyPairGenerator p384 = KeyPairGenerator.getInstance("EC");
        p384.initialize(new ECGenParameterSpec("secp384r1"));
        KeyPair paar = SleutelsVoorTests.p256();

        assertThatThrownBy(() -> Ondertekeningssleutel.laad(SleutelsVoorTests.pkcs8Pem(rsa.generateKeyPair()), null, "koppelpunt.ondertekening.sleutel"))
                .hasMessageContaining("koppelpunt.ondertekening.sleutel must hold an EC P-256 private key, not RSA");
        assertThatThrownBy(() -> Ondertekeningssleutel.laad(SleutelsVoorTests.pkcs8Pem(p384.generateKeyPair()), null, "koppelpunt.ondertekening.sleutel"))
                .hasMessageContaining("must be on curve P-256");
        assertThatThrownBy(() -> Ondertekeningssleutel.laad(map.resolve("ontbreekt.key").toString(), null, "koppelpunt.ondertekening.sleutel"))
                .hasMessageContaining("koppelpunt.ondertekening.sleutel: cannot read");
        assertThatThrownBy(() -> Ondertekeningssleutel.laad(SleutelsVoorTests.publiekPem(paar), null, "koppelpunt.ondertekening.sleutel"))
                .hasMessageContaining("none found");
        assertThatThrownBy(() -> PubliekeSleutel.laad(SleutelsVoorTests.pkcs8Pem(paar), null, "koppelpunt.ondertekening.vorige[0].publieke-sleutel"))
                .hasMessageContaining("holds a private key; give only its public key");
        assertThatThrownBy(() -> Ondertekeningssleutel.laad(SleutelsVoorTests.pkcs8Pem(paar), "met spatie", "test"))
                .hasMessageContaining("sleutel-id must be");
        assertThatThrownBy(() -> new Ondertekeningssleutels(Ondertekeningssleutel.laad(SleutelsVoorTests.pkcs8Pem(paar), "a", "test"),
                List.of(PubliekeSleutel.laad(SleutelsVoorTests.publiekPem(SleutelsVoorTests.p256()), "a", "test"))))
                .hasMessageContaining("sleutel-id a is used for more than one signing key");
    }
}
