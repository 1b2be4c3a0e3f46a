package nl.koppelpunt.hub.bezorging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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

import nl.koppelpunt.connectors.partner.SshSleutels;
import nl.koppelpunt.connectors.pgp.PgpSleutelGenerator;
import nl.koppelpunt.connectors.pgp.PgpSleutelpaar;
import nl.koppelpunt.connectors.pgp.PgpSleutels;
import nl.koppelpunt.hub.KoppelpuntApplication;
import nl.koppelpunt.hub.support.Berichten;
import nl.koppelpunt.hub.support.HubClient;
import nl.koppelpunt.hub.support.PgpControle;
import nl.koppelpunt.hub.support.Rust;
import nl.koppelpunt.hub.support.SftpGemeente;

/**
 * Delivery over SFTP against a real SFTP server (Apache MINA SSHD on a free port, {@link SftpGemeente}): the gateway
 * as it runs, its development keys included, with two gemeenten that receive by SFTP — Rotterdam, whose partner file
 * pins the server's real host key, and Schiedam, pinned to another key at the same address (an impostor, as far as
 * Koppelpunt can tell). What a gemeente receives is opened the way it would: decrypted with its own PGP key and
 * checked against Koppelpunt's published PGP key, with BouncyCastle directly ({@link PgpControle}).
 */
@SpringBootTest(classes = KoppelpuntApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SftpBezorgingTest {

    static final String BSN = "123456782";
    static final String ROTTERDAM = "GM0599";
    static final String SCHIEDAM = "GM0606";
    static final String R_WERK = "gemeente-rotterdam.werk-en-inkomen";
    static final String R_HUIS = "gemeente-rotterdam.huisvesting";
    static final String S_WERK = "gemeente-schiedam.werk-en-inkomen";
    static final int HERHALINGEN = 6;
    static final Duration WACHT = Duration.ofSeconds(40);

    private static final Path DATA_DIR = HubClient.tijdelijkeMap("koppelpunt-sftp-bezorging-");
    private static final Path PARTNERS = HubClient.tijdelijkeMap("koppelpunt-sftp-partners-");
    static final SftpGemeente SERVER = new SftpGemeente(HubClient.tijdelijkeMap("koppelpunt-sftp-gemeente-"));
    /** The gemeenten's own PGP keys (made here; Koppelpunt knows only the public halves, from the partner files). */
    static final PgpSleutelpaar ROTTERDAM_PGP = PgpSleutelGenerator.genereer("Gemeente Rotterdam <test@rotterdam.test>", null);
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        schrijfPartners();
        registry.add("koppelpunt.data-dir", DATA_DIR::toString);
        registry.add("koppelpunt.partners.location", () -> "file:" + PARTNERS + "/*.yaml");
        registry.add("koppelpunt.bezorging.herhalingen", () -> String.valueOf(HERHALINGEN));
        registry.add("koppelpunt.bezorging.wachttijd-ms", () -> "200");
        registry.add("koppelpunt.bezorging.max-wachttijd-ms", () -> "1000");
        registry.add("koppelpunt.bezorging.sftp.connect-timeout-ms", () -> "2000");
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.apache.camel.ProducerTemplate producer;

    @BeforeEach
    void schoon() throws IOException {
        jdbc.execute("TRUNCATE bericht, koppeling, toestemming, parkering, bezorging, bericht_gebeurtenis, camel_messageprocessed CASCADE");
        // The server lets in Koppelpunt's SSH client key, as the gemeente would after receiving its .pub.
        SERVER.staToe(SshSleutels.publiekeSleutel(Files.readString(DATA_DIR.resolve("pki/koppelpunt-bezorging-ssh.pub"))));
        SERVER.start();
        leeg(SERVER.map());
    }

    @AfterEach
    void wachtTotRustig() {
        SERVER.start();
        Rust.wachtTotRustig(jdbc, WACHT);
    }

    @AfterAll
    static void stop() {
        SERVER.close();
    }

    @Test
    void aKlantprofielWithConsentArrivesEncryptedToTheGemeenteSignedByKoppelpuntAndCutToItsSections() throws Exception {
        post("/api/v1/koppelingen", Berichten.koppeling(BSN, ROTTERDAM));
        post("/api/v1/toestemmingen", Berichten.toestemming(BSN, ROTTERDAM, true));
        UUID berichtId = post("/api/v1/klantprofielen", Berichten.klantprofiel(BSN, 1));

        Map<String, Object> werk = wachtOpBezorgd(berichtId, R_WERK);
        Map<String, Object> huis = wachtOpBezorgd(berichtId, R_HUIS);
        String id = werk.get("id").toString();
        Path bestand = SERVER.map().resolve("werk-en-inkomen").resolve("klantprofiel." + id + ".json.gpg");
        assertThat(bestand).exists();

        PgpControle.Geopend geopend = open(bestand);
        assertThat(geopend.handtekeningGeldig()).as("Koppelpunt's signature").isTrue();
        assertThat(geopend.integer()).as("integrity packet").isTrue();
        assertThat(geopend.bestandsnaam()).isEqualTo("klantprofiel." + id + ".json");
        JsonNode envelop = JSON.readTree(geopend.tekst());
        // The idempotency key is the delivery id, as the webhook's Idempotency-Key; with the rest of the webhook headers.
        assertThat(envelop.path("bezorgingId").asText()).isEqualTo(id);
        assertThat(envelop.path("berichttype").asText()).isEqualTo("klantprofiel");
        assertThat(envelop.path("berichtId").asText()).isEqualTo(berichtId.toString());
        assertThat(envelop.path("profielversie").asInt()).isEqualTo(1);
        assertThat(envelop.path("traceparent").asText()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        assertThat(envelop.path("bericht").path("persoonsgegevens").path("burgerservicenummer").asText()).isEqualTo(BSN);

        // Huisvesting gets its own file with only its sections (rule 7), in its own folder.
        JsonNode huisBericht = JSON.readTree(open(SERVER.map().resolve("huisvesting")
                .resolve("klantprofiel." + huis.get("id") + ".json.gpg")).tekst()).path("bericht");
        List<String> huisSecties = velden(huisBericht);
        assertThat(huisSecties).contains("profielversie", "datum", "persoonsgegevens")
                .isSubsetOf("profielversie", "datum", "persoonsgegevens", "familiegegevens", "statusgegevens", "contactpersoonCoa");
        assertThat(velden(envelop.path("bericht"))).containsAll(huisSecties).hasSizeGreaterThan(huisSecties.size());

        assertThat(werk.get("pogingen")).isEqualTo(1);
        // Uploaded under a temporary name and renamed: nothing else is left on the server.
        assertThat(bestanden(SERVER.map())).allMatch(p -> p.getFileName().toString().matches("klantprofiel\\.[0-9a-f-]{36}\\.json\\.gpg"))
                .hasSize(2);
    }

    @Test
    void whileTheServerIsDownTheDeliveryIsRetriedAndArrivesWhenItIsBack() throws Exception {
        SERVER.stop();
        post("/api/v1/koppelingen", Berichten.koppeling(BSN, ROTTERDAM));
        UUID berichtId = post("/api/v1/screenings", Berichten.screening(BSN));

        await().atMost(WACHT).until(() -> bezorging(berichtId, R_WERK).map(b -> (Integer) b.get("pogingen") >= 2).orElse(false));
        Map<String, Object> onderweg = bezorging(berichtId, R_WERK).orElseThrow();
        assertThat(onderweg.get("status")).isEqualTo("gepland");
        assertThat((String) onderweg.get("laatste_fout")).startsWith("SFTP: Cannot connect").contains("Connection refused");
        SERVER.start();

        Map<String, Object> bezorgd = wachtOpBezorgd(berichtId, R_WERK);
        assertThat((Integer) bezorgd.get("pogingen")).isGreaterThanOrEqualTo(3).isLessThanOrEqualTo(HERHALINGEN + 1);
        Path bestand = SERVER.map().resolve("werk-en-inkomen").resolve("screening." + bezorgd.get("id") + ".json.gpg");
        assertThat(JSON.readTree(open(bestand).tekst()).path("bezorgingId").asText()).isEqualTo(bezorgd.get("id").toString());
        assertThat(bestanden(SERVER.map().resolve("werk-en-inkomen"))).containsExactly(bestand);
    }

    @Test
    void aServerThatPresentsAnotherHostKeyGetsNothingAndTheDeliveryFailsWithTheReason() throws Exception {
        int aanmeldingen = SERVER.aanmeldingen();
        post("/api/v1/koppelingen", Berichten.koppeling(BSN, SCHIEDAM));
        UUID berichtId = post("/api/v1/screenings", Berichten.screening(BSN));

        await().atMost(WACHT).until(() -> bezorging(berichtId, S_WERK).map(b -> "mislukt".equals(b.get("status"))).orElse(false));
        Map<String, Object> mislukt = bezorging(berichtId, S_WERK).orElseThrow();
        assertThat(mislukt.get("pogingen")).isEqualTo(HERHALINGEN + 1);
        assertThat((String) mislukt.get("laatste_fout")).startsWith("SFTP: Cannot connect").contains("HostKey has been changed");
        // Refused before logging in: the impostor never saw Koppelpunt's key being used, let alone a file.
        assertThat(SERVER.aanmeldingen()).isEqualTo(aanmeldingen);
        assertThat(bestanden(SERVER.map())).isEmpty();
    }

    @Test
    void withoutConsentNoKlantprofielIsUploaded() throws Exception {
        post("/api/v1/koppelingen", Berichten.koppeling(BSN, ROTTERDAM));
        UUID profiel = post("/api/v1/klantprofielen", Berichten.klantprofiel(BSN, 1));
        await().atMost(WACHT).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM parkering WHERE bericht_id = ? AND reden = 'geen-toestemming'", Integer.class, profiel) == 1);
        // A screening for the same person comes after it in the person's order; once it is there, the profile had its turn.
        UUID screening = post("/api/v1/screenings", Berichten.screening(BSN));
        wachtOpBezorgd(screening, R_WERK);

        assertThat(bestanden(SERVER.map())).extracting(p -> p.getFileName().toString()).allMatch(n -> n.startsWith("screening."));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM bezorging WHERE bericht_id = ?", Integer.class, profiel)).isZero();
    }

    @Test
    void aRepeatedAttemptLeavesTheDeliveredFileAloneAndReplacesAHalfWrittenOne() throws Exception {
        Path werk = Files.createDirectories(SERVER.map().resolve("werk-en-inkomen"));
        String id = UUID.randomUUID().toString();
        Path bestand = werk.resolve("screening." + id + ".json.gpg");
        // An earlier attempt that broke off mid-upload left its temporary file.
        Path half = werk.resolve(".screening." + id + ".json.gpg.part");
        Files.writeString(half, "afgebroken");

        poging(id);
        assertThat(bestand).exists();
        assertThat(half).doesNotExist();
        byte[] eerste = Files.readAllBytes(bestand);

        // The same delivery again (its acknowledgement was lost): every encryption differs, so equal bytes mean untouched.
        poging(id);
        assertThat(Files.readAllBytes(bestand)).isEqualTo(eerste);
        assertThat(bestanden(werk)).containsExactly(bestand);
        assertThat(JSON.readTree(open(bestand).tekst()).path("bezorgingId").asText()).isEqualTo(id);
    }

    /** One attempt through route bezorg-sftp, with the exchange as Bezorger prepares it. */
    private void poging(String bezorgingId) {
        org.apache.camel.Exchange uit = producer.send(SftpBezorgRoute.SFTP, e -> {
            e.setProperty(nl.koppelpunt.hub.KoppelpuntHeaders.ABONNEMENT, R_WERK);
            e.getMessage().setHeader("Idempotency-Key", bezorgingId);
            e.getMessage().setHeader("Koppelpunt-Berichttype", "screening");
            e.getMessage().setHeader("Koppelpunt-Bericht-Id", UUID.randomUUID().toString());
            e.getMessage().setHeader(Bezorger.TRACEPARENT, "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
            e.getMessage().setBody(Berichten.screening(BSN));
        });
        assertThat(uit.getException()).isNull();
    }

    @Test
    void aBrokenSftpSubscriptionIsRefusedOnReloadWithTheFieldNamed() throws Exception {
        Path fout = PARTNERS.resolve("gemeente-delft.yaml");
        Files.writeString(fout, gemeente("gemeente-delft", "00000099000000000503", "GM0503", "delft", "", pgpBestand()));
        try {
            HttpResponse<String> herladen = herlaad();
            assertThat(herladen.statusCode()).isEqualTo(422);
            assertThat(herladen.body()).contains("gemeente-delft.yaml").contains("sftp.host-sleutel");
        } finally {
            Files.delete(fout);
        }
        assertThat(herlaad().statusCode()).isEqualTo(200);
    }

    private PgpControle.Geopend open(Path bestand) throws Exception {
        String koppelpunt = Files.readString(DATA_DIR.resolve("pki/koppelpunt-pgp.asc"));
        return PgpControle.open(Files.readAllBytes(bestand), PgpSleutels.armored(ROTTERDAM_PGP.geheimeSleutelring()), koppelpunt);
    }

    private Map<String, Object> wachtOpBezorgd(UUID berichtId, String abonnement) {
        await().atMost(WACHT).until(() -> bezorging(berichtId, abonnement).map(b -> "bezorgd".equals(b.get("status"))).orElse(false));
        return bezorging(berichtId, abonnement).orElseThrow();
    }

    private java.util.Optional<Map<String, Object>> bezorging(UUID berichtId, String abonnement) {
        return jdbc.queryForList("SELECT id, status, pogingen, laatste_fout FROM bezorging WHERE bericht_id = ? AND abonnement_id = ?",
                berichtId, abonnement).stream().findFirst();
    }

    private UUID post(String pad, byte[] body) throws IOException {
        HttpResponse<String> response = HubClient.partner(DATA_DIR, "coa", port).post(pad, "k-" + UUID.randomUUID(), body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return UUID.fromString(JSON.readTree(response.body()).path("berichtId").asText());
    }

    private HttpResponse<String> herlaad() {
        HubClient beheer = HubClient.partner(DATA_DIR, "beheer", port);
        return beheer.send(HttpRequest.newBuilder(beheer.uri("/api/v1/beheer/partners/herladen"))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    private static List<String> velden(JsonNode node) {
        List<String> namen = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(namen::add);
        return namen;
    }

    /** Every file under the folder, hidden and temporary ones included. */
    private static List<Path> bestanden(Path map) throws IOException {
        try (Stream<Path> alles = Files.walk(map)) {
            return alles.filter(Files::isRegularFile).toList();
        }
    }

    private static void leeg(Path map) throws IOException {
        for (Path bestand : bestanden(map)) {
            Files.delete(bestand);
        }
    }

    private static void schrijfPartners() {
        try {
            for (String naam : List.of("coa.yaml", "beheer.yaml")) {
                try (var in = SftpBezorgingTest.class.getResourceAsStream("/regels-partners/" + naam)) {
                    Files.write(PARTNERS.resolve(naam), in.readAllBytes());
                }
            }
            String pgp = pgpBestand();
            Files.writeString(PARTNERS.resolve("gemeente-rotterdam.yaml"), gemeente("gemeente-rotterdam", "00000099000000000599",
                    ROTTERDAM, "werk-en-inkomen", SERVER.hostSleutel(), pgp)
                    + """
                      - afdeling: huisvesting
                        berichttypen: [screening, klantprofiel, intrekking, ontkoppeling]
                        kanaal: sftp
                        sftp:
                          host: localhost
                          poort: %d
                          gebruiker: koppelpunt
                          map: huisvesting
                          host-sleutel: "%s"
                          pgp-sleutel: %s
                    """.formatted(SERVER.poort(), SERVER.hostSleutel(), pgp));
            Files.writeString(PARTNERS.resolve("gemeente-schiedam.yaml"), gemeente("gemeente-schiedam", "00000099000000000606",
                    SCHIEDAM, "schiedam", SftpGemeente.andereHostSleutel(), pgp));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String pgpBestand() throws IOException {
        Path pgp = PARTNERS.getParent().resolve(PARTNERS.getFileName() + "-rotterdam.asc");
        if (!Files.exists(pgp)) {
            Files.writeString(pgp, ROTTERDAM_PGP.publiekeSleutelArmored(), StandardCharsets.US_ASCII);
        }
        return pgp.toString();
    }

    private static String gemeente(String id, String oin, String code, String map, String hostSleutel, String pgp) {
        return """
                id: %s
                naam: %s (test)
                oin: "%s"
                rol: gemeente
                gemeentecode: %s
                berichttypen: []
                abonnementen:
                  - afdeling: werk-en-inkomen
                    berichttypen: [screening, klantprofiel, intrekking, ontkoppeling]
                    kanaal: sftp
                    sftp:
                      host: localhost
                      poort: %d
                      gebruiker: koppelpunt
                      map: %s
                      host-sleutel: "%s"
                      pgp-sleutel: %s
                """.formatted(id, id, oin, code, SERVER.poort(), map, hostSleutel, pgp);
    }
}
