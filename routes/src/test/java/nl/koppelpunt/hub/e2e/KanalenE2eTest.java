package nl.koppelpunt.hub.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import javax.xml.namespace.QName;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.commons.net.ftp.FTPReply;
import org.apache.ftpserver.ftplet.DataType;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.citrusframework.context.TestContext;
import org.citrusframework.context.TestContextFactory;
import org.citrusframework.ftp.client.SftpClient;
import org.citrusframework.ftp.client.SftpClientBuilder;
import org.citrusframework.ftp.message.FtpMessage;
import org.citrusframework.ftp.message.FtpMessageHeaders;
import org.citrusframework.message.Message;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import nl.koppelpunt.connectors.partner.SshSleutels;
import nl.koppelpunt.connectors.pgp.PgpSleutelGenerator;
import nl.koppelpunt.connectors.pgp.PgpSleutelpaar;
import nl.koppelpunt.connectors.pgp.PgpSleutels;
import nl.koppelpunt.connectors.pgp.PgpVersleuteling;
import nl.koppelpunt.connectors.pki.DevelopmentPki;
import nl.koppelpunt.connectors.pki.DevelopmentSshKeys;
import nl.koppelpunt.connectors.soap.GemeenteSoapClient;
import nl.koppelpunt.hub.KoppelpuntApplication;
import nl.koppelpunt.hub.pgp.PartnerPgpSleutels;
import nl.koppelpunt.hub.sftp.SftpServer;
import nl.koppelpunt.hub.support.Berichten;
import nl.koppelpunt.hub.support.HubClient;
import nl.koppelpunt.hub.support.PgpControle;
import nl.koppelpunt.hub.support.Rust;
import nl.koppelpunt.hub.support.SftpGemeente;
import nl.koppelpunt.hub.support.SoapGemeente;

/**
 * The SOAP and SFTP channels end to end, with no REST in the path: COA (a Citrus SFTP client, citrus-ftp with its
 * development SSH key) uploads NDJSON batches to its hosted inbox, each PGP-encrypted to Koppelpunt's key and signed
 * with COA's development PGP key, and reads back the {@code .ack}. Gemeente Utrecht (huisvesting, kanaal soap) is a
 * real HTTPS SOAP endpoint that verifies every call's WS-Security with WSS4J ({@link SoapGemeente}); gemeente
 * Rotterdam (werk-en-inkomen, kanaal sftp) is a real SFTP server ({@link SftpGemeente}) whose files the test opens
 * as Rotterdam would: decrypted with its own key and Koppelpunt's signature checked with BouncyCastle directly
 * ({@link PgpControle}). Partner set {@code e2e/partners-kanalen}; the servers' ports, Rotterdam's host key and PGP key
 * go in through placeholders.
 */
@SpringBootTest(classes = KoppelpuntApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KanalenE2eTest {

    static final String BSN_UTRECHT = "123456782";
    static final String BSN_ROTTERDAM = "111222333";
    static final String BSN_ZONDER_TOESTEMMING = "999996708";
    static final String UTRECHT = "GM0344";
    static final String ROTTERDAM = "GM0599";
    static final String UTRECHT_HUIS = "gemeente-utrecht.huisvesting";
    static final String ROTTERDAM_WERK = "gemeente-rotterdam.werk-en-inkomen";
    static final Duration WACHT = Duration.ofSeconds(60);
    static final String WSA = "http://www.w3.org/2005/08/addressing";

    private static final Path DATA_DIR = HubClient.tijdelijkeMap("koppelpunt-kanalen-");
    private static final Path LOKAAL = HubClient.tijdelijkeMap("koppelpunt-kanalen-coa-");
    /** Utrecht's SOAP endpoint presents the development CA's localhost certificate, so the PKI is made first. */
    private static final SoapGemeente SOAP_UTRECHT = soapGemeente();
    private static final SftpGemeente SFTP_ROTTERDAM = new SftpGemeente(HubClient.tijdelijkeMap("koppelpunt-kanalen-rotterdam-"));
    /** Rotterdam's own PGP key: Koppelpunt gets only the public half, through the partner file. */
    private static final PgpSleutelpaar ROTTERDAM_PGP = PgpSleutelGenerator.genereer("Gemeente Rotterdam <test@rotterdam.test>", null);
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * COA's Citrus SFTP client is used directly, not through Citrus's JUnit runner: that runner reports a failed
     * AssertJ assertion only as "Test failed", and this test is mostly assertions.
     */
    private static final TestContext CITRUS = TestContextFactory.newInstance().getObject();
    private static SftpClient coa;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("koppelpunt.data-dir", DATA_DIR::toString);
        registry.add("koppelpunt.partners.location", () -> "classpath*:e2e/partners-kanalen/*.yaml");
        registry.add("test.kanalen.soap-poort", SOAP_UTRECHT::port);
        registry.add("test.kanalen.sftp-poort", SFTP_ROTTERDAM::poort);
        registry.add("test.kanalen.sftp-host-sleutel", SFTP_ROTTERDAM::hostSleutel);
        registry.add("test.kanalen.rotterdam-pgp", KanalenE2eTest::rotterdamPgpBestand);
        registry.add("koppelpunt.bezorging.herhalingen", () -> "3");
        registry.add("koppelpunt.bezorging.wachttijd-ms", () -> "100");
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SftpServer inbox;

    @BeforeEach
    void schoon() throws IOException {
        jdbc.execute("TRUNCATE bericht, koppeling, toestemming, parkering, bezorging, bericht_gebeurtenis, camel_messageprocessed CASCADE");
        SOAP_UTRECHT.reset();
        // Rotterdam lets in Koppelpunt's SSH client key, as it would after receiving Koppelpunt's .pub.
        SFTP_ROTTERDAM.staToe(SshSleutels.publiekeSleutel(Files.readString(DATA_DIR.resolve("pki/koppelpunt-bezorging-ssh.pub"))));
        SFTP_ROTTERDAM.start();
        for (Path bestand : bestanden(SFTP_ROTTERDAM.map())) {
            Files.delete(bestand);
        }
        if (coa == null) {
            coa = new SftpClientBuilder().host("localhost").port(inbox.poort()).username("coa")
                    .privateKeyPath(DevelopmentSshKeys.privateKey(DATA_DIR.resolve("pki"), "coa").toString())
                    .strictHostChecking(false).autoReadFiles(false).timeout(10_000).build();
            coa.initialize();
        }
    }

    @AfterEach
    void wachtTotRustig() {
        Rust.wachtTotRustig(jdbc, WACHT);
    }

    @AfterAll
    static void stop() {
        if (coa != null) {
            coa.destroy();
        }
        SOAP_UTRECHT.close();
        SFTP_ROTTERDAM.close();
    }

    @Test
    void coasEncryptedBatchReachesUtrechtBySignedSoapAndRotterdamByEncryptedSignedSftpEachWithItsOwnSections() throws Exception {
        String batch = UUID.randomUUID().toString();
        List<JsonNode> koppelingen = uploadEnLeesAck("koppeling." + batch + ".ndjson.pgp",
                regel("koppeling-1", Berichten.koppeling(BSN_UTRECHT, UTRECHT)),
                regel("koppeling-2", Berichten.koppeling(BSN_ROTTERDAM, ROTTERDAM)));
        assertThat(koppelingen).extracting(a -> a.path("id").asText()).containsExactly("koppeling-1", "koppeling-2");
        uploadEnLeesAck("toestemming." + batch + ".ndjson.pgp",
                regel("toestemming-1", Berichten.toestemming(BSN_UTRECHT, UTRECHT, true)),
                regel("toestemming-2", Berichten.toestemming(BSN_ROTTERDAM, ROTTERDAM, true)));

        String profielen = "klantprofiel." + batch + ".ndjson.pgp";
        List<JsonNode> ack = uploadEnLeesAck(profielen,
                regel("profiel-utrecht", Berichten.klantprofiel(BSN_UTRECHT, 1)),
                regel("profiel-rotterdam", Berichten.klantprofiel(BSN_ROTTERDAM, 2)));

        // The .ack lists every line by its id with the berichtId it became: COA's handle for status queries.
        assertThat(ack).extracting(a -> a.path("regel").asInt() + ":" + a.path("id").asText() + ":" + a.path("status").asText())
                .containsExactly("1:profiel-utrecht:ontvangen", "2:profiel-rotterdam:ontvangen");
        UUID naarUtrecht = UUID.fromString(ack.get(0).path("berichtId").asText());
        UUID naarRotterdam = UUID.fromString(ack.get(1).path("berichtId").asText());
        assertThat(naarUtrecht).isNotEqualTo(naarRotterdam);

        // Each profile goes to the one gemeente its person is gekoppeld to, with consent, and only there.
        Map<String, Object> soap = wachtOpBezorgd(naarUtrecht, UTRECHT_HUIS);
        Map<String, Object> sftp = wachtOpBezorgd(naarRotterdam, ROTTERDAM_WERK);
        assertThat(abonnementen(naarUtrecht)).containsExactly(UTRECHT_HUIS);
        assertThat(abonnementen(naarRotterdam)).containsExactly(ROTTERDAM_WERK);

        // Utrecht: one SOAP call, WS-Security verified by the gemeente (Koppelpunt's certificate signed Body,
        // Timestamp and the WS-Addressing headers), the delivery id as MessageID, huisvesting's sections only.
        assertThat(SOAP_UTRECHT.fouten()).isEmpty();
        assertThat(SOAP_UTRECHT.aangenomen()).hasSize(1);
        SoapGemeente.Ontvangen call = SOAP_UTRECHT.aangenomen().get(0);
        assertThat(call.messageId()).isEqualTo("urn:uuid:" + soap.get("id"));
        assertThat(call.action()).isEqualTo(GemeenteSoapClient.NAMESPACE + "/klantprofiel");
        assertThat(call.ondertekenaarOin()).isEqualTo(DevelopmentPki.KOPPELPUNT_OIN);
        assertThat(call.tlsClientOin()).isEqualTo(DevelopmentPki.KOPPELPUNT_OIN);
        assertThat(call.ondertekend()).contains(
                new QName("http://schemas.xmlsoap.org/soap/envelope/", "Body"),
                new QName("http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd", "Timestamp"),
                new QName(WSA, "MessageID"), new QName(WSA, "Action"), new QName(WSA, "To"));
        JsonNode utrecht = call.bericht();
        assertThat(utrecht.path("persoonsgegevens").path("burgerservicenummer").asText()).isEqualTo(BSN_UTRECHT);
        assertThat(utrecht.path("profielversie").asInt()).isEqualTo(1);
        assertThat(velden(utrecht)).contains("familiegegevens")
                .isSubsetOf("profielversie", "datum", "persoonsgegevens", "familiegegevens", "statusgegevens", "contactpersoonCoa");

        // Rotterdam: one file, encrypted to Rotterdam's key and signed by Koppelpunt, checked with BouncyCastle alone.
        String id = sftp.get("id").toString();
        Path bestand = SFTP_ROTTERDAM.map().resolve("werk-en-inkomen").resolve("klantprofiel." + id + ".json.gpg");
        assertThat(bestanden(SFTP_ROTTERDAM.map())).containsExactly(bestand);
        PgpControle.Geopend geopend = PgpControle.open(Files.readAllBytes(bestand),
                PgpSleutels.armored(ROTTERDAM_PGP.geheimeSleutelring()), Files.readString(DATA_DIR.resolve("pki/koppelpunt-pgp.asc")));
        assertThat(geopend.handtekeningGeldig()).as("Koppelpunt's PGP signature").isTrue();
        assertThat(geopend.integer()).as("integrity packet").isTrue();
        JsonNode envelop = JSON.readTree(geopend.tekst());
        assertThat(envelop.path("bezorgingId").asText()).isEqualTo(id);
        assertThat(envelop.path("berichtId").asText()).isEqualTo(naarRotterdam.toString());
        assertThat(envelop.path("berichttype").asText()).isEqualTo("klantprofiel");
        assertThat(envelop.path("profielversie").asInt()).isEqualTo(2);
        JsonNode rotterdam = envelop.path("bericht");
        assertThat(rotterdam.path("persoonsgegevens").path("burgerservicenummer").asText()).isEqualTo(BSN_ROTTERDAM);
        assertThat(rotterdam.path("profielversie").asInt()).isEqualTo(2);
        // Werk-en-inkomen sees the work sections huisvesting does not.
        assertThat(velden(rotterdam)).contains("arbeidsgegevens", "educatievegegevens").containsAll(velden(utrecht));
        assertThat(velden(utrecht)).doesNotContain("arbeidsgegevens", "educatievegegevens");
    }

    @Test
    void aProfileWithoutConsentIsParkedAndReachesNeitherGemeente() throws Exception {
        String batch = UUID.randomUUID().toString();
        uploadEnLeesAck("koppeling." + batch + ".ndjson.pgp",
                regel("koppeling-1", Berichten.koppeling(BSN_ZONDER_TOESTEMMING, UTRECHT)));
        // Consent for Rotterdam, where the person is not gekoppeld: it does not count for Utrecht.
        uploadEnLeesAck("toestemming." + batch + ".ndjson.pgp",
                regel("toestemming-1", Berichten.toestemming(BSN_ZONDER_TOESTEMMING, ROTTERDAM, true)));
        List<JsonNode> ack = uploadEnLeesAck("klantprofiel." + batch + ".ndjson.pgp",
                regel("profiel-1", Berichten.klantprofiel(BSN_ZONDER_TOESTEMMING, 1)));
        UUID profiel = UUID.fromString(ack.get(0).path("berichtId").asText());

        await().atMost(WACHT).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM parkering WHERE bericht_id = ? AND reden = 'geen-toestemming' AND gemeentecode = ?",
                Integer.class, profiel, UTRECHT) == 1);
        // A screening of the same person comes after the profile in the person's order: once Utrecht has it, the
        // profile had its turn at both gemeenten.
        List<JsonNode> screening = uploadEnLeesAck("screening." + batch + ".ndjson.pgp",
                regel("screening-1", Berichten.screening(BSN_ZONDER_TOESTEMMING)));
        UUID screeningId = UUID.fromString(screening.get(0).path("berichtId").asText());
        Map<String, Object> bezorgd = wachtOpBezorgd(screeningId, UTRECHT_HUIS);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM bezorging WHERE bericht_id = ?", Integer.class, profiel)).isZero();
        assertThat(SOAP_UTRECHT.fouten()).isEmpty();
        assertThat(SOAP_UTRECHT.aangenomen()).extracting(SoapGemeente.Ontvangen::messageId)
                .containsExactly("urn:uuid:" + bezorgd.get("id"));
        assertThat(SOAP_UTRECHT.aangenomen().get(0).action()).isEqualTo(GemeenteSoapClient.NAMESPACE + "/screening");
        assertThat(bestanden(SFTP_ROTTERDAM.map())).isEmpty();
    }

    /** COA's upload as Citrus does it, then the .ack read back over SFTP once the gateway has written it. */
    private List<JsonNode> uploadEnLeesAck(String naam, String... regels) throws IOException {
        Path lokaal = LOKAAL.resolve(UUID.randomUUID() + "-" + naam);
        Files.write(lokaal, versleutelEnOnderteken(String.join("\n", regels) + "\n"));
        sftp(FtpMessage.put(lokaal.toString(), naam, DataType.BINARY));

        Path coaInbox = DATA_DIR.resolve("sftp").resolve("coa");
        await().atMost(WACHT).until(() -> Files.exists(coaInbox.resolve(naam + ".ack")));
        assertThat(coaInbox.resolve(naam + ".fouten.json")).as("no refused lines")
                .satisfiesAnyOf(p -> assertThat(p).doesNotExist(), p -> assertThat(JSON.readTree(p.toFile()).path("fouten")).isEmpty());
        Path terug = LOKAAL.resolve(UUID.randomUUID() + "-" + naam + ".ack");
        sftp(FtpMessage.get(naam + ".ack", terug.toString(), DataType.BINARY));
        List<JsonNode> ack = new ArrayList<>();
        for (String regel : Files.readAllLines(terug, StandardCharsets.UTF_8)) {
            if (!regel.isBlank()) {
                ack.add(JSON.readTree(regel));
            }
        }
        assertThat(ack).hasSize(regels.length);
        return ack;
    }

    /** One SFTP command by COA's Citrus client; it must complete (FTP reply 226, as citrus-ftp reports SFTP). */
    private static void sftp(FtpMessage opdracht) {
        coa.send(opdracht, CITRUS);
        Message antwoord = coa.receive(CITRUS, 10_000);
        assertThat(String.valueOf(antwoord.getHeader(FtpMessageHeaders.FTP_REPLY_CODE)))
                .isEqualTo(String.valueOf(FTPReply.CLOSING_DATA_CONNECTION));
    }

    /** As {@code gpg --sign --encrypt} would make it: to Koppelpunt's published key, signed with COA's key. */
    private byte[] versleutelEnOnderteken(String inhoud) throws IOException {
        PgpSleutelpaar coaPgp = PgpSleutelpaar.laad(Files.readAllBytes(PartnerPgpSleutels.geheim(DATA_DIR.resolve("pki"), "coa")), new char[0]);
        PGPPublicKey koppelpunt = PgpSleutels.versleutelSleutel(
                PgpSleutels.publiekeSleutelring(Files.readAllBytes(DATA_DIR.resolve("pki/koppelpunt-pgp.asc"))));
        ByteArrayOutputStream uit = new ByteArrayOutputStream();
        try (OutputStream pgp = PgpVersleuteling.versleutelEnOnderteken(uit, koppelpunt, coaPgp.ondertekenaar(), "batch")) {
            pgp.write(inhoud.getBytes(StandardCharsets.UTF_8));
        }
        return uit.toByteArray();
    }

    private static String regel(String id, byte[] bericht) {
        return "{\"id\": \"" + id + "\", \"bericht\": " + new String(bericht, StandardCharsets.UTF_8) + "}";
    }

    private Map<String, Object> wachtOpBezorgd(UUID berichtId, String abonnement) {
        await().atMost(WACHT).until(() -> "bezorgd".equals(bezorging(berichtId, abonnement).get("status")));
        return bezorging(berichtId, abonnement);
    }

    private Map<String, Object> bezorging(UUID berichtId, String abonnement) {
        return jdbc.queryForList("SELECT id, status FROM bezorging WHERE bericht_id = ? AND abonnement_id = ?", berichtId, abonnement)
                .stream().findFirst().orElse(Map.of());
    }

    private List<String> abonnementen(UUID berichtId) {
        return jdbc.queryForList("SELECT abonnement_id FROM bezorging WHERE bericht_id = ?", String.class, berichtId);
    }

    private static List<String> velden(JsonNode node) {
        List<String> namen = new ArrayList<>();
        node.fieldNames().forEachRemaining(namen::add);
        return namen;
    }

    /** Every file under the folder, hidden and temporary ones included. */
    private static List<Path> bestanden(Path map) throws IOException {
        if (!Files.exists(map)) {
            return List.of();
        }
        try (Stream<Path> alles = Files.walk(map)) {
            return alles.filter(Files::isRegularFile).toList();
        }
    }

    private static SoapGemeente soapGemeente() {
        Path pki = DATA_DIR.resolve("pki");
        DevelopmentPki.ensure(pki, List.of(), List.of("localhost"));
        return new SoapGemeente(pki.resolve("server.crt"), pki.resolve("server.key"), pki.resolve("ca.crt"));
    }

    private static String rotterdamPgpBestand() {
        try {
            Path pgp = LOKAAL.resolve("gemeente-rotterdam.asc");
            if (!Files.exists(pgp)) {
                Files.writeString(pgp, ROTTERDAM_PGP.publiekeSleutelArmored(), StandardCharsets.US_ASCII);
            }
            return pgp.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
