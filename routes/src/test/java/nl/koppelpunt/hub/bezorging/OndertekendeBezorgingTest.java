package nl.koppelpunt.hub.bezorging;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.jwk.JWK;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import nl.koppelpunt.connectors.ondertekening.Ondertekeningssleutel;
import nl.koppelpunt.connectors.ondertekening.Ondertekeningssleutels;
import nl.koppelpunt.connectors.ondertekening.VerzoekOndertekening;
import nl.koppelpunt.hub.KoppelpuntApplication;
import nl.koppelpunt.hub.support.Berichten;
import nl.koppelpunt.hub.support.Handtekeningcontrole;
import nl.koppelpunt.hub.support.Handtekeningcontrole.Ontvangen;
import nl.koppelpunt.hub.support.Handtekeningcontrole.Uitslag;
import nl.koppelpunt.hub.support.HubClient;
import nl.koppelpunt.hub.support.Ontvanger;
import nl.koppelpunt.hub.support.Rust;

/**
 * Signed deliveries end to end: the gateway signs with a configured key (after a rotation: an earlier key stays
 * published), delivers over real HTTP to a gemeente's webhook, and the gemeente verifies with the keys it fetched from
 * {@code /.well-known/jwks.json} over HTTPS, with an implementation that is not the gateway's
 * ({@link Handtekeningcontrole}: nimbus-jose-jwt for the JWS).
 */
@SpringBootTest(classes = KoppelpuntApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OndertekendeBezorgingTest {

    static final String BSN = "123456782";
    static final String UTRECHT = "GM0344";
    static final String U_WERK = "/gemeente-utrecht/werk-en-inkomen";
    static final Duration WACHT = Duration.ofSeconds(30);

    private static final Path DATA_DIR = HubClient.tijdelijkeMap("koppelpunt-ondertekening-");
    static final Ontvanger ONTVANGER = new Ontvanger();
    /** The key before the rotation: only its public half is still configured, under the kid it had. */
    private static final KeyPair OUDE_SLEUTEL = p256();
    private static final String OUDE_KID = "koppelpunt-2025";
    /** The key after the rotation, from a PEM file as an operator would provide it; its kid is its thumbprint. */
    private static final KeyPair NIEUWE_SLEUTEL = p256();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("koppelpunt.data-dir", DATA_DIR::toString);
        registry.add("koppelpunt.partners.location", () -> "classpath*:regels-partners/*.yaml");
        registry.add("test.ontvanger.port", ONTVANGER::port);
        registry.add("koppelpunt.bezorging.herhalingen", () -> "3");
        registry.add("koppelpunt.bezorging.wachttijd-ms", () -> "100");
        registry.add("koppelpunt.ondertekening.sleutel", () -> schrijf("nieuw.key", pem("PRIVATE KEY", NIEUWE_SLEUTEL.getPrivate().getEncoded())).toUri().toString());
        registry.add("koppelpunt.ondertekening.vorige[0].publieke-sleutel", () -> pem("PUBLIC KEY", OUDE_SLEUTEL.getPublic().getEncoded()));
        registry.add("koppelpunt.ondertekening.vorige[0].sleutel-id", () -> OUDE_KID);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private Handtekeningcontrole gemeente;

    @BeforeEach
    void schoon() throws Exception {
        jdbc.execute("TRUNCATE bericht, koppeling, toestemming, parkering, bezorging, bericht_gebeurtenis, camel_messageprocessed CASCADE");
        ONTVANGER.reset();
        // What a gemeente does once (and again on an unknown kid): fetch the keys, without a client certificate.
        gemeente = new Handtekeningcontrole(Handtekeningcontrole.haalSleutels(DATA_DIR.resolve("pki/ca.crt"), port));
    }

    @AfterEach
    void wachtTotRustig() {
        Rust.wachtTotRustig(jdbc, WACHT);
    }

    @AfterAll
    static void stop() {
        ONTVANGER.close();
    }

    @Test
    void aDeliveredKlantprofielCarriesSignaturesThatAnIndependentVerifierAccepts() throws Exception {
        long voor = Instant.now().getEpochSecond();
        post("/api/v1/koppelingen", Berichten.koppeling(BSN, UTRECHT));
        post("/api/v1/toestemmingen", Berichten.toestemming(BSN, UTRECHT, true));
        post("/api/v1/klantprofielen", Berichten.klantprofiel(BSN, 1));

        await().atMost(WACHT).until(() -> ONTVANGER.aangenomen(U_WERK).stream().anyMatch(v -> "klantprofiel".equals(v.berichttype())));
        Ontvanger.Verzoek profiel = ONTVANGER.aangenomen(U_WERK).stream().filter(v -> "klantprofiel".equals(v.berichttype())).findFirst().orElseThrow();
        Ontvangen ontvangen = Ontvangen.van(profiel, webhook(U_WERK));

        Uitslag uitslag = gemeente.httpHandtekening(ontvangen);
        assertThat(uitslag.geldig()).as(uitslag.reden()).isTrue();
        assertThat(uitslag.alg()).isEqualTo("ecdsa-p256-sha256");
        assertThat(uitslag.keyid()).isEqualTo(nieuweKid());
        assertThat(uitslag.gedekt()).containsAll(Handtekeningcontrole.VERPLICHT_GEDEKT).contains("koppelpunt-profielversie");
        assertThat(uitslag.created()).isBetween(voor, Instant.now().getEpochSecond());
        assertThat(gemeente.jws(ontvangen)).isTrue();
        // Signed is not encrypted: the gemeente still reads its profile as before.
        assertThat(profiel.body().path("persoonsgegevens").path("burgerservicenummer").asText()).isEqualTo(BSN);
    }

    @Test
    void aChangedBodyOrHeaderOrAnotherAddressFailsVerification() throws Exception {
        Ontvangen echt = Ontvangen.van(eenBezorgdeScreening(), webhook(U_WERK));
        assertThat(gemeente.httpHandtekening(echt).geldig()).isTrue();
        assertThat(gemeente.jws(echt)).isTrue();

        byte[] andereBsn = new String(echt.inhoud(), UTF_8).replace(BSN, "111222333").getBytes(UTF_8);
        List<Ontvangen> vervalst = List.of(
                echt.metInhoud(andereBsn),
                // Also a forger who recomputes the digest of the new body cannot make the signature fit.
                echt.metInhoud(andereBsn).metHeader("Content-Digest", sha256(andereBsn)),
                echt.metHeader("Koppelpunt-Berichttype", "klantprofiel"),
                echt.metHeader("Idempotency-Key", "6d2b0c1e-4f7a-4b8e-9a3c-1e5f7d9b2a40"),
                echt.metHeader("Koppelpunt-Bericht-Id", "0b7c8a52-3c41-4d55-9a0e-2b9a1d6b7f10"),
                echt.metDoel(webhook("/gemeente-amsterdam/werk-en-inkomen")));
        for (Ontvangen v : vervalst) {
            assertThat(gemeente.httpHandtekening(v).geldig()).isFalse();
            assertThat(gemeente.jws(v)).isFalse();
        }
        // An older signature time pasted in (to stretch a replay window) breaks the RFC 9421 signature too.
        String input = echt.headers().get("Signature-Input");
        assertThat(gemeente.httpHandtekening(echt.metHeader("Signature-Input", input.replaceFirst("created=\\d+", "created=1"))).geldig()).isFalse();
    }

    @Test
    void afterARotationTheEarlierKeyStaysPublishedAndWhatItSignedStillVerifies() throws Exception {
        assertThat(gemeente.sleutels().getKeys()).extracting(JWK::getKeyID).containsExactly(nieuweKid(), OUDE_KID);
        Ontvangen bezorgd = Ontvangen.van(eenBezorgdeScreening(), webhook(U_WERK));
        assertThat(gemeente.httpHandtekening(bezorgd).keyid()).isEqualTo(nieuweKid());

        // A request as the gateway signed it before the rotation (say a delivery still in its retry loop).
        Ondertekeningssleutel oud = Ondertekeningssleutel.laad(pem("PRIVATE KEY", OUDE_SLEUTEL.getPrivate().getEncoded()), OUDE_KID, "test");
        Map<String, String> velden = new LinkedHashMap<>();
        for (String naam : List.of("Content-Type", "Idempotency-Key", "Koppelpunt-Bericht-Id", "Koppelpunt-Berichttype")) {
            velden.put(naam, bezorgd.headers().get(naam));
        }
        Map<String, String> oudeHandtekening = new VerzoekOndertekening(new Ondertekeningssleutels(oud, List.of()), Clock.systemUTC())
                .onderteken("POST", URI.create(webhook(U_WERK)), velden, bezorgd.inhoud());
        Ontvangen vanVoorDeWissel = bezorgd;
        for (Map.Entry<String, String> header : oudeHandtekening.entrySet()) {
            vanVoorDeWissel = vanVoorDeWissel.metHeader(header.getKey(), header.getValue());
        }

        Uitslag uitslag = gemeente.httpHandtekening(vanVoorDeWissel);
        assertThat(uitslag.geldig()).as(uitslag.reden()).isTrue();
        assertThat(uitslag.keyid()).isEqualTo(OUDE_KID);
        assertThat(gemeente.jws(vanVoorDeWissel)).isTrue();
        // The old key's signature does not pass for the new key's.
        String alsNieuw = vanVoorDeWissel.headers().get("Signature-Input").replace(OUDE_KID, nieuweKid());
        assertThat(gemeente.httpHandtekening(vanVoorDeWissel.metHeader("Signature-Input", alsNieuw)).geldig()).isFalse();
    }

    @Test
    void everyAttemptIsSignedAnew() throws Exception {
        ONTVANGER.antwoord(U_WERK, 503);
        post("/api/v1/koppelingen", Berichten.koppeling(BSN, UTRECHT));
        post("/api/v1/screenings", Berichten.screening(BSN));

        await().atMost(WACHT).until(() -> ONTVANGER.aangenomen(U_WERK).size() == 1);
        List<Ontvanger.Verzoek> pogingen = ONTVANGER.verzoeken().stream().filter(v -> v.pad().equals(U_WERK)).toList();
        assertThat(pogingen).extracting(Ontvanger.Verzoek::antwoord).containsExactly(503, 200);
        assertThat(pogingen.get(0).idempotencyKey()).isEqualTo(pogingen.get(1).idempotencyKey());
        for (Ontvanger.Verzoek poging : pogingen) {
            Uitslag uitslag = gemeente.httpHandtekening(Ontvangen.van(poging, webhook(U_WERK)));
            assertThat(uitslag.geldig()).as(uitslag.reden()).isTrue();
            assertThat(gemeente.jws(Ontvangen.van(poging, webhook(U_WERK)))).isTrue();
        }
        assertThat(pogingen.get(1).header("Signature")).isNotEqualTo(pogingen.get(0).header("Signature"));
        assertThat(gemeente.httpHandtekening(Ontvangen.van(pogingen.get(1), webhook(U_WERK))).created())
                .isGreaterThanOrEqualTo(gemeente.httpHandtekening(Ontvangen.van(pogingen.get(0), webhook(U_WERK))).created());
    }

    private Ontvanger.Verzoek eenBezorgdeScreening() throws Exception {
        post("/api/v1/koppelingen", Berichten.koppeling(BSN, UTRECHT));
        post("/api/v1/screenings", Berichten.screening(BSN));
        await().atMost(WACHT).until(() -> ONTVANGER.aangenomen(U_WERK).size() == 1);
        return ONTVANGER.aangenomen(U_WERK).get(0);
    }

    private void post(String pad, byte[] body) {
        HttpResponse<String> response = HubClient.partner(DATA_DIR, "coa", port).post(pad, "k-" + java.util.UUID.randomUUID(), body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    }

    /** The webhook URL as the gemeente knows it: the target URI it checks the signature against. */
    private static String webhook(String pad) {
        return "http://localhost:" + ONTVANGER.port() + pad;
    }

    private String nieuweKid() throws Exception {
        return new com.nimbusds.jose.jwk.ECKey.Builder(com.nimbusds.jose.jwk.Curve.P_256,
                (java.security.interfaces.ECPublicKey) NIEUWE_SLEUTEL.getPublic()).build().computeThumbprint().toString();
    }

    private static String sha256(byte[] inhoud) throws GeneralSecurityException {
        return "sha-256=:" + Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("SHA-256").digest(inhoud)) + ":";
    }

    private static KeyPair p256() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String soort, byte[] der) {
        return "-----BEGIN " + soort + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(US_ASCII)).encodeToString(der)
                + "\n-----END " + soort + "-----\n";
    }

    private static Path schrijf(String naam, String inhoud) {
        try {
            return Files.writeString(DATA_DIR.resolve(naam), inhoud, US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
