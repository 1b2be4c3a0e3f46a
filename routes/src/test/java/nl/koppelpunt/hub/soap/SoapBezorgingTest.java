package nl.koppelpunt.hub.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.xml.namespace.QName;

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

import nl.koppelpunt.connectors.pki.DevelopmentPki;
import nl.koppelpunt.connectors.soap.GemeenteSoapClient;
import nl.koppelpunt.hub.KoppelpuntApplication;
import nl.koppelpunt.hub.support.Berichten;
import nl.koppelpunt.hub.support.HubClient;
import nl.koppelpunt.hub.support.Rust;
import nl.koppelpunt.hub.support.SoapGemeente;
import nl.koppelpunt.hub.support.SoapGemeente.Antwoord;

/**
 * Delivery over SOAP (kanaal soap, Digikoppeling WUS) end to end: COA posts over REST, the gateway runs on embedded
 * PostgreSQL and Artemis, and a gemeente's SOAP endpoint on a real HTTPS server with client certificates verifies
 * every call's WS-Security signature with WSS4J, as a gemeente would.
 */
@SpringBootTest(classes = KoppelpuntApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SoapBezorgingTest {

    static final String BSN = "123456782";
    static final String UTRECHT = "GM0344";
    static final String ABONNEMENT = "gemeente-utrecht.huisvesting";
    static final Duration WACHT = Duration.ofSeconds(30);
    static final String WSA = "http://www.w3.org/2005/08/addressing";

    private static final Path DATA_DIR = HubClient.tijdelijkeMap("koppelpunt-soap-uit-");
    private static final Path PARTNERS = partners();
    /**
     * The gemeente's server needs a certificate from the CA before the gateway starts; the development PKI made here
     * is the one the gateway then finds and keeps. The gemeente presents the CA's localhost server certificate.
     */
    private static final SoapGemeente GEMEENTE = gemeente();
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("koppelpunt.data-dir", DATA_DIR::toString);
        registry.add("koppelpunt.partners.location", () -> "file:" + PARTNERS + "/*.yaml");
        registry.add("test.soap-gemeente.port", GEMEENTE::port);
        registry.add("koppelpunt.bezorging.herhalingen", () -> "3");
        registry.add("koppelpunt.bezorging.wachttijd-ms", () -> "100");
        // Short, so the timeout scenario does not take long; the gemeente answers the others at once.
        registry.add("koppelpunt.bezorging.response-timeout-ms", () -> "1500");
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void schoon() {
        jdbc.execute("TRUNCATE bericht, koppeling, toestemming, parkering, bezorging, bericht_gebeurtenis, camel_messageprocessed CASCADE");
        GEMEENTE.reset();
    }

    @AfterEach
    void wachtTotRustig() {
        Rust.wachtTotRustig(jdbc, WACHT);
    }

    @AfterAll
    static void stop() {
        GEMEENTE.close();
    }

    @Test
    void aKlantprofielWithConsentArrivesSignedWithTheDeliveryIdAsMessageIdAndOnlyTheSubscriptionsSections() throws Exception {
        post("/api/v1/koppelingen", Berichten.koppeling(BSN, UTRECHT));
        post("/api/v1/toestemmingen", Berichten.toestemming(BSN, UTRECHT, true));
        UUID profiel = post("/api/v1/klantprofielen", Berichten.klantprofiel(BSN, 1));

        wachtOpStatus(profiel, "bezorgd");
        assertThat(GEMEENTE.fouten()).isEmpty();
        assertThat(GEMEENTE.aangenomen()).hasSize(1);
        SoapGemeente.Ontvangen ontvangen = GEMEENTE.aangenomen().get(0);
        UUID bezorging = jdbc.queryForObject("SELECT id FROM bezorging WHERE bericht_id = ? AND abonnement_id = ?",
                UUID.class, profiel, ABONNEMENT);
        // De-duplication key for the gemeente, the same as the REST Idempotency-Key.
        assertThat(ontvangen.messageId()).isEqualTo("urn:uuid:" + bezorging);
        assertThat(ontvangen.action()).isEqualTo(GemeenteSoapClient.NAMESPACE + "/klantprofiel");
        assertThat(ontvangen.to()).isEqualTo("https://localhost:" + GEMEENTE.port() + "/gemeente-utrecht/koppelpunt");
        assertThat(ontvangen.pad()).isEqualTo("/gemeente-utrecht/koppelpunt");
        // WUS 2W-be-S: Koppelpunt's certificate signed Body, Timestamp and the WS-Addressing headers with SHA-2.
        assertThat(ontvangen.ondertekenaarOin()).isEqualTo(DevelopmentPki.KOPPELPUNT_OIN);
        assertThat(ontvangen.tlsClientOin()).as("mutual TLS with Koppelpunt's certificate").isEqualTo(DevelopmentPki.KOPPELPUNT_OIN);
        assertThat(ontvangen.ondertekend()).contains(
                new QName("http://schemas.xmlsoap.org/soap/envelope/", "Body"),
                new QName("http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd", "Timestamp"),
                new QName(WSA, "MessageID"), new QName(WSA, "Action"), new QName(WSA, "To"));
        assertThat(ontvangen.handtekeningalgoritme()).isEqualTo("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256");
        assertThat(ontvangen.digestalgoritmen()).containsOnly("http://www.w3.org/2001/04/xmlenc#sha256");
        assertThat(ontvangen.traceparent()).matches("^00-[0-9a-f]{32}-[0-9a-f]{16}-01$");
        // Huisvesting's sections only (rule 7); version and BSN always.
        assertThat(ontvangen.bericht().path("persoonsgegevens").path("burgerservicenummer").asText()).isEqualTo(BSN);
        assertThat(ontvangen.bericht().path("profielversie").asInt()).isEqualTo(1);
        assertThat(ontvangen.bericht().has("familiegegevens")).isTrue();
        assertThat(ontvangen.bericht().has("arbeidsgegevens")).isFalse();
        assertThat(ontvangen.bericht().has("educatievegegevens")).isFalse();
    }

    @Test
    void twoServerFaultsAreRetriedLikeRestAndTheThirdAttemptDelivers() throws Exception {
        post("/api/v1/koppelingen", Berichten.koppeling(BSN, UTRECHT));
        GEMEENTE.antwoord(Antwoord.SERVER_FAULT, Antwoord.SERVER_FAULT);
        UUID screening = post("/api/v1/screenings", Berichten.screening(BSN));

        wachtOpStatus(screening, "bezorgd");
        Map<String, Object> bezorging = bezorging(screening);
        assertThat(bezorging.get("pogingen")).isEqualTo(3);
        assertThat(bezorging.get("laatste_fout")).isEqualTo("SOAP-fault soap:Server");
        assertThat(GEMEENTE.ontvangen()).extracting(SoapGemeente.Ontvangen::antwoord)
                .containsExactly("SERVER_FAULT", "SERVER_FAULT", "ONTVANGEN");
        assertThat(GEMEENTE.ontvangen()).extracting(SoapGemeente.Ontvangen::messageId).containsOnly("urn:uuid:" + bezorging.get("id"));
        assertThat(GEMEENTE.fouten()).isEmpty();
    }

    @Test
    void anHttp503WithoutAFaultIsRetriedToo() throws Exception {
        post("/api/v1/koppelingen", Berichten.koppeling(BSN, UTRECHT));
        GEMEENTE.antwoord(Antwoord.HTTP_503);
        UUID screening = post("/api/v1/screenings", Berichten.screening(BSN));

        wachtOpStatus(screening, "bezorgd");
        Map<String, Object> bezorging = bezorging(screening);
        assertThat(bezorging.get("pogingen")).isEqualTo(2);
        assertThat(bezorging.get("laatste_fout")).isEqualTo("HTTP 503");
    }

    @Test
    void anAnswerThatComesTooLateIsATimeoutAndRetried() throws Exception {
        post("/api/v1/koppelingen", Berichten.koppeling(BSN, UTRECHT));
        GEMEENTE.antwoord(Antwoord.TE_LAAT);
        UUID screening = post("/api/v1/screenings", Berichten.screening(BSN));

        wachtOpStatus(screening, "bezorgd");
        GEMEENTE.laatDoor();
        Map<String, Object> bezorging = bezorging(screening);
        assertThat(bezorging.get("pogingen")).isEqualTo(2);
        assertThat((String) bezorging.get("laatste_fout")).containsIgnoringCase("timeout");
        assertThat(GEMEENTE.ontvangen()).extracting(SoapGemeente.Ontvangen::messageId).containsOnly("urn:uuid:" + bezorging.get("id"));
    }

    @Test
    void aClientFaultIsDeadLetteredAtOnceAndAReplayDeliversWithTheSameMessageId() throws Exception {
        post("/api/v1/koppelingen", Berichten.koppeling(BSN, UTRECHT));
        GEMEENTE.antwoord(Antwoord.CLIENT_FAULT);
        UUID screening = post("/api/v1/screenings", Berichten.screening(BSN));

        wachtOpStatus(screening, "mislukt");
        Map<String, Object> bezorging = bezorging(screening);
        assertThat(bezorging.get("status")).isEqualTo("mislukt");
        assertThat(bezorging.get("pogingen")).isEqualTo(1);
        assertThat(bezorging.get("laatste_fout")).isEqualTo("SOAP-fault soap:Client");
        assertThat(GEMEENTE.ontvangen()).hasSize(1);

        HttpResponse<String> herhaald = HubClient.partner(DATA_DIR, "beheer", port).send(HttpRequest.newBuilder(
                HubClient.partner(DATA_DIR, "beheer", port).uri("/api/v1/beheer/berichten/" + screening + "/herhalen"))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(herhaald.statusCode()).as(herhaald.body()).isEqualTo(202);
        wachtOpStatus(screening, "bezorgd");
        assertThat(GEMEENTE.aangenomen()).hasSize(1);
        assertThat(GEMEENTE.ontvangen()).extracting(SoapGemeente.Ontvangen::messageId).containsOnly("urn:uuid:" + bezorging.get("id"));
    }

    @Test
    void aKlantprofielWithoutConsentIsParkedAndNothingIsSent() throws Exception {
        post("/api/v1/koppelingen", Berichten.koppeling(BSN, UTRECHT));
        UUID profiel = post("/api/v1/klantprofielen", Berichten.klantprofiel(BSN, 1));

        wachtOpStatus(profiel, "geparkeerd");
        assertThat(jdbc.queryForObject("SELECT reden FROM parkering WHERE bericht_id = ?", String.class, profiel))
                .isEqualTo("geen-toestemming");
        Rust.wachtTotRustig(jdbc, WACHT);
        assertThat(GEMEENTE.ontvangen()).isEmpty();
    }

    private UUID post(String pad, byte[] body) throws Exception {
        HttpResponse<String> response = HubClient.partner(DATA_DIR, "coa", port).post(pad, "k-" + UUID.randomUUID(), body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return UUID.fromString(JSON.readTree(response.body()).path("berichtId").asText());
    }

    private Map<String, Object> bezorging(UUID berichtId) {
        return jdbc.queryForMap("SELECT id, status, pogingen, laatste_fout FROM bezorging WHERE bericht_id = ? AND abonnement_id = ?",
                berichtId, ABONNEMENT);
    }

    private void wachtOpStatus(UUID id, String verwacht) {
        await().atMost(WACHT).untilAsserted(() -> assertThat(jdbc.queryForObject("SELECT status FROM bericht WHERE id = ?",
                String.class, id)).as(() -> jdbc.queryForList("SELECT soort, toelichting FROM bericht_gebeurtenis WHERE bericht_id = ?"
                + " ORDER BY tijdstip, id", id) + " " + jdbc.queryForList("SELECT abonnement_id, status, reden, pogingen, laatste_fout"
                + " FROM bezorging WHERE bericht_id = ?", id) + " fouten bij de gemeente: " + GEMEENTE.fouten()).isEqualTo(verwacht));
    }

    private static Path partners() {
        try {
            Path dir = Files.createDirectories(DATA_DIR.resolve("partners"));
            for (String naam : List.of("coa", "beheer", "gemeente-utrecht")) {
                try (var in = SoapBezorgingTest.class.getResourceAsStream("/soap-partners/" + naam + ".yaml")) {
                    Files.copy(in, dir.resolve(naam + ".yaml"));
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SoapGemeente gemeente() {
        Path pki = DATA_DIR.resolve("pki");
        DevelopmentPki.ensure(pki, List.of(), List.of("localhost"));
        return new SoapGemeente(pki.resolve("server.crt"), pki.resolve("server.key"), pki.resolve("ca.crt"));
    }
}
