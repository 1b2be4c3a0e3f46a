package nl.koppelpunt.hub.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import nl.koppelpunt.hub.KoppelpuntApplication;
import nl.koppelpunt.hub.bericht.BerichtRepository;
import nl.koppelpunt.hub.support.Berichten;
import nl.koppelpunt.hub.support.HubClient;
import nl.koppelpunt.hub.support.Ontvanger;
import nl.koppelpunt.hub.support.PlatteTekst;
import nl.koppelpunt.hub.support.Voorbeelden;

/**
 * Personal data at rest (issue 5, items 2 and 6) through the whole gateway — intake over mutual TLS, the rules,
 * deliveries to a real receiver, embedded PostgreSQL and Artemis on disk: nothing is stored in plaintext, a withdrawal
 * deletes the payloads that waited, and the payloads of delivered messages are deleted after a (here short) retention.
 */
@AutoConfigureObservability
// A context of its own (short retention): closed after the class rather than kept until the JVM exits.
@DirtiesContext
@SpringBootTest(classes = KoppelpuntApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GegevensInRustTest {

    static final String BSN = "123456782";
    static final String BSN_2 = "111222333";
    static final String BSN_3 = "999996708";
    static final String UTRECHT = "GM0344";
    static final String AMSTERDAM = "GM0363";
    static final String U_WERK = "/gemeente-utrecht/werk-en-inkomen";
    static final String U_HUIS = "/gemeente-utrecht/huisvesting";
    static final Duration WACHT = Duration.ofSeconds(30);
    static final String BEWAARTERMIJN = "PT2S";
    /** A payload text that occurs nowhere else, to look for in the database and on disk. */
    static final String KENMERK = "Kenmerk-" + UUID.randomUUID();

    private static final Path DATA_DIR = HubClient.tijdelijkeMap("koppelpunt-rust-");
    private static final Ontvanger ONTVANGER = new Ontvanger();
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("koppelpunt.data-dir", DATA_DIR::toString);
        registry.add("koppelpunt.partners.location", () -> "classpath*:regels-partners/*.yaml");
        registry.add("test.ontvanger.port", ONTVANGER::port);
        registry.add("koppelpunt.bewaartermijn.inhoud", () -> BEWAARTERMIJN);
        registry.add("koppelpunt.bewaartermijn.opschoon-interval-ms", () -> "300");
    }

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    BerichtRepository berichten;
    @Autowired
    CamelContext camel;

    @BeforeEach
    void schoon() {
        jdbc.execute("TRUNCATE bericht, koppeling, toestemming, parkering, bezorging, bericht_gebeurtenis, camel_messageprocessed CASCADE");
        ONTVANGER.reset();
    }

    @AfterEach
    void wachtTotRustig() {
        await().atMost(WACHT).until(this::rustig);
    }

    @AfterAll
    static void stop() {
        ONTVANGER.close();
    }

    @Test
    void noBsnAndNoPayloadTextIsStoredInPlaintextInAnyTableOrFile() throws Exception {
        post("/api/v1/koppelingen", Berichten.koppeling(BSN, UTRECHT));
        UUID profiel = post("/api/v1/klantprofielen", profielMetKenmerk(BSN, 1)); // parked: no consent
        post("/api/v1/screenings", Berichten.screening(BSN));
        post("/api/v1/koppelingen", Berichten.koppeling(BSN_2, AMSTERDAM));
        post("/api/v1/toestemmingen", Berichten.toestemming(BSN_2, AMSTERDAM, true));
        post("/api/v1/klantprofielen", profielMetKenmerk(BSN_2, 1));
        UUID geparkeerd = post("/api/v1/screenings", Berichten.screening(BSN_3)); // parked: no koppeling
        await().atMost(WACHT).until(() -> ONTVANGER.aangenomen("/gemeente-amsterdam/werk-en-inkomen").size() == 1);
        post("/api/v1/toestemmingen", Berichten.toestemming(BSN_2, AMSTERDAM, false)); // an intrekking: Koppelpunt's own notice
        await().atMost(WACHT).until(() -> ONTVANGER.aangenomen("/gemeente-amsterdam/werk-en-inkomen").size() == 2);
        await().atMost(WACHT).until(this::rustig);
        wachtOpStatus(profiel, "geparkeerd");
        wachtOpStatus(geparkeerd, "geparkeerd");

        // The data is there, readable with the key...
        assertThat(new String(berichten.inhoud(profiel), StandardCharsets.UTF_8)).contains(BSN, KENMERK);
        assertThat(new String(berichten.inhoud(geparkeerd), StandardCharsets.UTF_8)).contains(BSN_3);
        // ...and nowhere in plaintext: not in any column of any table, not in any file of the data directory
        // (PostgreSQL's heap and write-ahead log, the Artemis journal).
        List<String> gezocht = List.of(BSN, BSN_2, BSN_3, KENMERK);
        assertThat(PlatteTekst.kolommen(jdbc)).isGreaterThan(10);
        assertThat(PlatteTekst.inDatabase(jdbc, gezocht)).isEmpty();
        jdbc.execute("CHECKPOINT"); // the heap files too, not only the write-ahead log
        assertThat(PlatteTekst.inBestanden(DATA_DIR, gezocht)).isEmpty();

        // Control: the same scans do find a plaintext value that is stored.
        String controle = "Controle-" + KENMERK;
        jdbc.execute("CREATE TABLE scan_controle (tekst text)");
        try {
            jdbc.update("INSERT INTO scan_controle VALUES (?)", controle);
            jdbc.execute("CHECKPOINT");
            assertThat(PlatteTekst.inDatabase(jdbc, List.of(controle))).containsExactly("scan_controle.tekst contains " + controle + " (1 rows)");
            assertThat(PlatteTekst.inBestanden(DATA_DIR, List.of(controle))).isNotEmpty();
        } finally {
            jdbc.execute("DROP TABLE scan_controle");
        }
    }

    @Test
    void aWithdrawalDeletesTheParkedProfilesPayload() throws Exception {
        post("/api/v1/koppelingen", Berichten.koppeling(BSN, UTRECHT));
        UUID profiel = post("/api/v1/klantprofielen", Berichten.klantprofiel(BSN, 1));
        wachtOpStatus(profiel, "geparkeerd");
        assertThat(inhoudAanwezig(profiel)).isTrue();

        post("/api/v1/toestemmingen", Berichten.toestemming(BSN, UTRECHT, false));

        wachtOpStatus(profiel, "vervallen");
        assertThat(inhoudAanwezig(profiel)).as("payload deleted, not just marked").isFalse();
        assertThat(gebeurtenis(profiel, "inhoud-verwijderd")).isEqualTo("toestemming ingetrokken");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM bericht WHERE id = ?", Integer.class, profiel))
                .as("the metadata stays").isOne();
    }

    @Test
    void aWithdrawalWhileTheProfileIsQueuedDeletesItsPayloadAndANewConsentDoesNotResendIt() throws Exception {
        post("/api/v1/koppelingen", Berichten.koppeling(BSN, UTRECHT));
        post("/api/v1/toestemmingen", Berichten.toestemming(BSN, UTRECHT, true));
        List<String> routes = List.of("bezorging-gemeente-utrecht-werk-en-inkomen", "bezorging-gemeente-utrecht-huisvesting");
        for (String route : routes) {
            camel.getRouteController().stopRoute(route);
        }
        UUID profiel;
        try {
            profiel = post("/api/v1/klantprofielen", Berichten.klantprofiel(BSN, 1));
            await().atMost(WACHT).until(() -> jdbc.queryForObject(
                    "SELECT count(*) FROM bezorging WHERE bericht_id = ? AND in_wachtrij_op IS NOT NULL", Integer.class, profiel) == 2);
            post("/api/v1/toestemmingen", Berichten.toestemming(BSN, UTRECHT, false));
            wachtOpStatus(profiel, "vervallen");
            assertThat(inhoudAanwezig(profiel)).isFalse();
        } finally {
            for (String route : routes) {
                camel.getRouteController().startRoute(route);
            }
        }
        // The queued deliveries meet no payload: they are dropped by the rules, neither sent nor failed.
        await().atMost(WACHT).until(() -> ONTVANGER.aangenomen(U_WERK).size() == 1 && ONTVANGER.aangenomen(U_HUIS).size() == 1);
        assertThat(ONTVANGER.verzoeken()).extracting(Ontvanger.Verzoek::berichttype).containsOnly("intrekking");
        assertThat(jdbc.queryForList("SELECT status FROM bezorging WHERE bericht_id = ?", String.class, profiel))
                .containsOnly("vervallen");

        UUID opnieuw = post("/api/v1/toestemmingen", Berichten.toestemming(BSN, UTRECHT, true));
        wachtOpStatus(opnieuw, "bezorgd");
        await().atMost(WACHT).until(this::rustig);
        assertThat(ONTVANGER.verzoeken()).extracting(Ontvanger.Verzoek::berichttype).doesNotContain("klantprofiel");
    }

    @Test
    void payloadsOfDeliveredMessagesAreDeletedAfterTheRetentionAndTheMetadataStays() throws Exception {
        UUID geparkeerd = post("/api/v1/screenings", Berichten.screening(BSN_3)); // parked: not subject to the retention
        wachtOpStatus(geparkeerd, "geparkeerd");
        post("/api/v1/koppelingen", Berichten.koppeling(BSN, UTRECHT));
        UUID screening = post("/api/v1/screenings", Berichten.screening(BSN));
        wachtOpStatus(screening, "bezorgd");

        await().atMost(WACHT).until(() -> !inhoudAanwezig(screening));

        assertThat(gebeurtenis(screening, "inhoud-verwijderd")).isEqualTo("bewaartermijn van de inhoud (" + BEWAARTERMIJN + ") verstreken");
        assertThat(status(screening)).isEqualTo("bezorgd");
        assertThat(jdbc.queryForList("SELECT status FROM bezorging WHERE bericht_id = ?", String.class, screening))
                .containsOnly("bezorgd").hasSize(2);
        assertThat(HubClient.partner(DATA_DIR, "coa", port).get("/api/v1/berichten/" + screening).body())
                .contains("inhoud-verwijderd").doesNotContain(BSN);
        assertThat(inhoudAanwezig(geparkeerd)).as("a parked message older than the deleted one keeps its payload").isTrue();
        assertThat(prometheus()).containsPattern("koppelpunt_inhoud_verwijderd_total\\{[^}]*reden=\"bewaartermijn\"[^}]*} [1-9]")
                .containsPattern("koppelpunt_versleuteling_waarden\\{[^}]*sleutel=\"ontw1\"[^}]*} ");
    }

    private boolean rustig() {
        return jdbc.queryForObject("SELECT (SELECT count(*) FROM bezorging WHERE status = 'gepland') "
                + "+ (SELECT count(*) FROM bericht WHERE status = 'ontvangen')", Integer.class) == 0;
    }

    private boolean inhoudAanwezig(UUID id) {
        return jdbc.queryForObject("SELECT inhoud_versleuteld IS NOT NULL FROM bericht WHERE id = ?", Boolean.class, id);
    }

    private String gebeurtenis(UUID id, String soort) {
        return jdbc.queryForObject("SELECT toelichting FROM bericht_gebeurtenis WHERE bericht_id = ? AND soort = ?", String.class, id, soort);
    }

    private String status(UUID id) {
        return jdbc.queryForObject("SELECT status FROM bericht WHERE id = ?", String.class, id);
    }

    private void wachtOpStatus(UUID id, String verwacht) {
        await().atMost(WACHT).untilAsserted(() -> assertThat(status(id)).as(() -> jdbc.queryForList(
                "SELECT soort, toelichting FROM bericht_gebeurtenis WHERE bericht_id = ? ORDER BY tijdstip, id", id).toString())
                .isEqualTo(verwacht));
    }

    private UUID post(String pad, byte[] body) throws Exception {
        HttpResponse<String> response = HubClient.partner(DATA_DIR, "coa", port).post(pad, "k-" + UUID.randomUUID(), body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return UUID.fromString(JSON.readTree(response.body()).path("berichtId").asText());
    }

    private static byte[] profielMetKenmerk(String bsn, int versie) {
        ObjectNode profiel = Voorbeelden.json(Berichten.klantprofiel(bsn, versie));
        ((ObjectNode) profiel.path("familiegegevens")).put("toelichting", KENMERK);
        return Voorbeelden.bytes(profiel);
    }

    private String prometheus() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + managementPort + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
