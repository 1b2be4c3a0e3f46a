package nl.koppelpunt.hub.duo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.citrusframework.actions.ReceiveMessageAction.Builder.receive;
import static org.citrusframework.actions.SendMessageAction.Builder.send;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.commons.net.ftp.FTPReply;
import org.apache.ftpserver.ftplet.DataType;
import org.citrusframework.TestCaseRunner;
import org.citrusframework.annotations.CitrusResource;
import org.citrusframework.ftp.client.SftpClient;
import org.citrusframework.ftp.client.SftpClientBuilder;
import org.citrusframework.ftp.message.FtpMessage;
import org.citrusframework.ftp.message.FtpMessageHeaders;
import org.citrusframework.junit.jupiter.CitrusSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import nl.koppelpunt.connectors.pki.DevelopmentSshKeys;
import nl.koppelpunt.hub.KoppelpuntApplication;
import nl.koppelpunt.hub.sftp.SftpServer;
import nl.koppelpunt.hub.support.HubClient;
import nl.koppelpunt.hub.support.Ontvanger;

/**
 * DUO's quarterly file end to end: Citrus plays DUO as an SFTP client (citrus-ftp, with the development key
 * {@code data/pki/duo-ssh}), uploads {@code inburgeringsresultaten.<kwartaal>.csv} and reads back the {@code .ack} or
 * {@code .fouten.json}. Citrus has no rename command, so it writes the file in place: the inbox's read lock (the file
 * must be unchanged for a while) is what makes that safe. The gateway
 * checks it whole, stores it and delivers each onboarded gemeente only its own rows over signed webhooks; a real HTTP
 * receiver plays the gemeenten. Amsterdam and Utrecht (werk-en-inkomen) subscribe to the type, Utrecht's huisvesting
 * does not, Rotterdam (GM0599) is a known gemeente that is not onboarded. Quarters here (2091) are this class's own.
 */
@CitrusSupport
@SpringBootTest(classes = KoppelpuntApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DuoKwartaalSftpTest {

    private static final Path DATA_DIR = HubClient.tijdelijkeMap("koppelpunt-duo-");
    private static final Ontvanger ONTVANGER = new Ontvanger();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WACHT = Duration.ofSeconds(60);
    private static final String KOP = "gemeentecode,cohortjaar,inburgeringsplichtigen,voldaan,ontheven,nogInburgeringsplichtig,"
            + "termijnVerstreken,leningToegekend\n";
    private static final String AMSTERDAM = "/gemeente-amsterdam/werk-en-inkomen";
    private static final String UTRECHT = "/gemeente-utrecht/werk-en-inkomen";
    private static final String UTRECHT_HUISVESTING = "/gemeente-utrecht/huisvesting";
    private static final String TYPE = "inburgeringsresultaten-gemeente";
    private static final Path LOKAAL = HubClient.tijdelijkeMap("koppelpunt-duo-lokaal-");
    private static SftpClient duo;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("koppelpunt.data-dir", DATA_DIR::toString);
        registry.add("koppelpunt.partners.location", () -> "classpath*:duo-partners/*.yaml");
        registry.add("test.ontvanger.port", ONTVANGER::port);
        registry.add("koppelpunt.duo.bekende-gemeenten", () -> "GM0599");
        registry.add("koppelpunt.bezorging.herhalingen", () -> "3");
        registry.add("koppelpunt.bezorging.wachttijd-ms", () -> "100");
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SftpServer server;
    @CitrusResource
    TestCaseRunner runner;

    @BeforeEach
    void duo() {
        if (duo == null) {
            duo = new SftpClientBuilder().host("localhost").port(server.poort()).username("duo")
                    .privateKeyPath(DevelopmentSshKeys.privateKey(DATA_DIR.resolve("pki"), "duo").toString())
                    .strictHostChecking(false).autoReadFiles(false).timeout(10_000).build();
            duo.initialize();
        }
    }

    @AfterAll
    static void stop() {
        if (duo != null) {
            duo.destroy();
        }
        ONTVANGER.close();
    }

    @Test
    void eenGeldigBestandVoorDrieGemeentenBrengtElkeAangeslotenGemeenteAlleenHaarEigenRijen() throws Exception {
        String bestand = "inburgeringsresultaten.2091-Q1.csv";
        upload(bestand, KOP
                + "GM0363,2089,200,50,10,140,7,90\n"
                + "GM0344,2089,3,1,0,2,,\n"
                + "GM0599,2089,40,20,0,20,,\n"
                + "GM0363,2090,10,0,0,10,,\n");

        JsonNode ack = lees(bestand + ".ack");
        assertThat(ack.path("kwartaal").asText()).isEqualTo("2091-Q1");
        assertThat(ack.path("versie").asInt()).isEqualTo(1);
        assertThat(ack.path("rijen").asInt()).isEqualTo(4);
        assertThat(ack.path("berichten")).extracting(b -> b.path("gemeentecode").asText() + "=" + b.path("soort").asText())
                .containsExactly("GM0344=eerste", "GM0363=eerste");
        assertThat(ack.path("nietVerzonden")).extracting(b -> b.path("gemeentecode").asText() + "=" + b.path("reden").asText())
                .containsExactly("GM0599=gemeente-niet-aangesloten");
        assertThat(inbox().resolve(bestand)).doesNotExist(); // archived
        assertThat(inbox().resolve(bestand + ".fouten.json")).doesNotExist();

        JsonNode amsterdam = ontvangen(AMSTERDAM, "2091-Q1", "eerste");
        assertThat(amsterdam.path("gemeentecode").asText()).isEqualTo("GM0363");
        assertThat(amsterdam.path("versie").asInt()).isEqualTo(1);
        assertThat(amsterdam.path("rijen")).extracting(r -> r.path("cohortjaar").asInt()).containsExactly(2089, 2090);
        JsonNode rij = amsterdam.path("rijen").get(0);
        assertThat(rij.path("inburgeringsplichtigen").asInt()).isEqualTo(200);
        assertThat(rij.path("leningToegekend").asInt()).isEqualTo(90);
        assertThat(rij.path("percentages").path("voldaan").decimalValue()).isEqualByComparingTo("25.0");
        assertThat(rij.path("percentages").path("termijnVerstreken").decimalValue()).isEqualByComparingTo("3.5");
        assertThat(amsterdam.toString()).doesNotContain("GM0344").doesNotContain("GM0599");

        JsonNode utrecht = ontvangen(UTRECHT, "2091-Q1", "eerste");
        assertThat(utrecht.path("gemeentecode").asText()).isEqualTo("GM0344");
        assertThat(utrecht.path("rijen")).hasSize(1);
        assertThat(utrecht.path("rijen").get(0).path("percentages").path("voldaan").decimalValue()).isEqualByComparingTo("33.3");
        assertThat(utrecht.toString()).doesNotContain("GM0363").doesNotContain("GM0599");

        // Each message went to exactly the one subscription that takes the type, and it was delivered, signed.
        for (JsonNode b : ack.path("berichten")) {
            UUID berichtId = UUID.fromString(b.path("berichtId").asText());
            await().atMost(WACHT).until(() -> "bezorgd".equals(status(berichtId)));
            assertThat(jdbc.queryForList("SELECT abonnement_id FROM bezorging WHERE bericht_id = ?", String.class, berichtId))
                    .containsExactly(b.path("gemeentecode").asText().equals("GM0363")
                            ? "gemeente-amsterdam.werk-en-inkomen" : "gemeente-utrecht.werk-en-inkomen");
            // Aggregates about no person: not in the processing log of persons.
            assertThat(jdbc.queryForObject("SELECT count(*) FROM verwerkingslog WHERE bericht_id = ?", Integer.class, berichtId)).isZero();
        }
        Ontvanger.Verzoek verzoek = ONTVANGER.aangenomen(AMSTERDAM).stream()
                .filter(v -> TYPE.equals(v.berichttype())).findFirst().orElseThrow();
        assertThat(verzoek.header("Signature")).isNotBlank();
        assertThat(verzoek.header("Koppelpunt-Jws")).isNotBlank();
        assertThat(ONTVANGER.verzoeken()).noneMatch(v -> v.pad().equals(UTRECHT_HUISVESTING));
        assertThat(ONTVANGER.verzoeken()).filteredOn(v -> TYPE.equals(v.berichttype()))
                .noneMatch(v -> v.body().path("gemeentecode").asText().equals("GM0599"));

        // Rotterdam's rows are stored all the same, for DUO and beheer to read.
        HttpResponse<String> rotterdam = HubClient.partner(DATA_DIR, "duo", port)
                .get("/api/v1/gemeenten/GM0599/inburgeringsresultaten?kwartaal=2091-Q1");
        assertThat(rotterdam.statusCode()).as(rotterdam.body()).isEqualTo(200);
        assertThat(JSON.readTree(rotterdam.body()).path("rijen")).hasSize(1);
    }

    @Test
    void eenCorrectieKomtAlsCorrectieEnEenGemeenteZonderRijenKrijgtEenIntrekking() throws Exception {
        // The first version over REST, the correction over SFTP: one code path behind both.
        HttpResponse<String> eerste = put("2091-Q2", KOP + "GM0363,2089,100,10,0,90,,\nGM0344,2089,5,5,0,0,,\n");
        assertThat(eerste.statusCode()).as(eerste.body()).isEqualTo(201);
        assertThat(JSON.readTree(eerste.body()).path("berichten")).hasSize(2);
        ontvangen(AMSTERDAM, "2091-Q2", "eerste");
        ontvangen(UTRECHT, "2091-Q2", "eerste");

        String bestand = "inburgeringsresultaten.2091-Q2.csv";
        upload(bestand, KOP + "GM0363,2089,100,20,0,80,,\n");
        JsonNode ack = lees(bestand + ".ack");
        assertThat(ack.path("versie").asInt()).isEqualTo(2);
        assertThat(ack.path("berichten")).extracting(b -> b.path("gemeentecode").asText() + "=" + b.path("soort").asText())
                .containsExactly("GM0344=ingetrokken", "GM0363=correctie");

        JsonNode correctie = ontvangen(AMSTERDAM, "2091-Q2", "correctie");
        assertThat(correctie.path("versie").asInt()).isEqualTo(2);
        assertThat(correctie.path("rijen")).hasSize(1);
        assertThat(correctie.path("rijen").get(0).path("voldaan").asInt()).isEqualTo(20);
        assertThat(correctie.path("rijen").get(0).path("percentages").path("voldaan").decimalValue()).isEqualByComparingTo("20.0");

        JsonNode ingetrokken = ontvangen(UTRECHT, "2091-Q2", "ingetrokken");
        assertThat(ingetrokken.path("versie").asInt()).isEqualTo(2);
        assertThat(ingetrokken.path("gemeentecode").asText()).isEqualTo("GM0344");
        assertThat(ingetrokken.path("rijen")).isEmpty();
    }

    @Test
    void eenOngeldigBestandWordtHeelGeweigerdMetRegelEnKolomEnNietsWordtOpgeslagen() throws Exception {
        int berichtenVooraf = berichtenVanHetType();
        weigering("inburgeringsresultaten.2091-Q3.csv", "gemeente,cohortjaar\nGM0363,2089\n", 1, 1, "header");
        weigering("inburgeringsresultaten.2091-Q3.csv", KOP + "GM0363,2089,10,5,5,0,,\nGM0363,2090,tien,5,5,0,,\n", 3, 3,
                "whole number");
        weigering("inburgeringsresultaten.2091-Q3.csv", KOP + "GM0363,2089,10,5,5,0,,\nGM0344,2089,10,5,5,1,,\n", 3, 3,
                "do not add up");
        weigering("inburgeringsresultaten.2091-Q3.csv", KOP + "GM0363,2089,10,5,5,0,,\nGM9999,2089,1,1,0,0,,\n", 3, 1,
                "gemeente");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM inburgeringskwartaal WHERE kwartaal = '2091-Q3'", Integer.class))
                .as("nothing stored").isZero();
        assertThat(berichtenVanHetType()).as("and nothing sent").isEqualTo(berichtenVooraf);

        // A quarterly file in another partner's folder (COA may send messages, not DUO's figures): refused whole.
        Path coa = DATA_DIR.resolve("sftp").resolve("coa");
        Files.writeString(coa.resolve("inburgeringsresultaten.2091-Q3.csv"), KOP + "GM0363,2089,10,5,5,0,,\n");
        await().atMost(WACHT).until(() -> Files.exists(coa.resolve("inburgeringsresultaten.2091-Q3.csv.fouten.json")));
        assertThat(JSON.readTree(coa.resolve("inburgeringsresultaten.2091-Q3.csv.fouten.json").toFile()).path("type").asText())
                .isEqualTo("urn:koppelpunt:probleem:niet-toegestaan");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM inburgeringskwartaal WHERE kwartaal = '2091-Q3'", Integer.class)).isZero();

        upload("inburgeringsresultaten-2091-Q3.csv", KOP + "GM0363,2089,10,5,5,0,,\n");
        JsonNode naam = lees("inburgeringsresultaten-2091-Q3.csv.fouten.json");
        assertThat(naam.path("title").asText()).isNotBlank();
        assertThat(naam.path("fouten").get(0).path("reason").asText()).contains("inburgeringsresultaten.<kwartaal>.csv");
    }

    @Test
    void eenGeweigerdeBezorgingWordtOpnieuwGeprobeerdBelandtInDeDeadLetterEnKomtNaHerhalenAlsnogAan() throws Exception {
        // Down once (retried), then a refusal (dead-lettered at once): the same machinery as for any message.
        ONTVANGER.antwoord(AMSTERDAM, 503, 400);
        String bestand = "inburgeringsresultaten.2091-Q4.csv";
        upload(bestand, KOP + "GM0363,2089,8,4,0,4,,\n");
        UUID berichtId = UUID.fromString(lees(bestand + ".ack").path("berichten").get(0).path("berichtId").asText());
        await().atMost(WACHT).until(() -> "mislukt".equals(status(berichtId)));
        assertThat(jdbc.queryForObject("SELECT pogingen FROM bezorging WHERE bericht_id = ?", Integer.class, berichtId)).isEqualTo(2);

        HubClient beheer = HubClient.partner(DATA_DIR, "beheer", port);
        HttpResponse<String> mislukt = beheer.get("/api/v1/beheer/mislukt?berichttype=" + TYPE + "&gemeentecode=GM0363");
        assertThat(mislukt.statusCode()).as(mislukt.body()).isEqualTo(200);
        assertThat(mislukt.body()).contains(berichtId.toString());
        HttpResponse<String> herhaald = beheer.post("/api/v1/beheer/berichten/" + berichtId + "/herhalen", null, new byte[0]);
        assertThat(herhaald.statusCode()).as(herhaald.body()).isEqualTo(202);

        await().atMost(WACHT).until(() -> "bezorgd".equals(status(berichtId)));
        JsonNode aangekomen = ontvangen(AMSTERDAM, "2091-Q4", "eerste");
        assertThat(aangekomen.path("rijen").get(0).path("voldaan").asInt()).isEqualTo(4);
        // Every attempt carried the same Idempotency-Key (the delivery id), so the gemeente can de-duplicate.
        assertThat(ONTVANGER.verzoeken()).filteredOn(v -> v.pad().equals(AMSTERDAM) && berichtId.toString().equals(v.header("Koppelpunt-Bericht-Id")))
                .extracting(Ontvanger.Verzoek::idempotencyKey).hasSizeGreaterThanOrEqualTo(3).containsOnly(
                        jdbc.queryForObject("SELECT id::text FROM bezorging WHERE bericht_id = ?", String.class, berichtId));
    }

    private void weigering(String bestand, String inhoud, int regel, int kolom, String reden) throws Exception {
        Files.deleteIfExists(inbox().resolve(bestand + ".fouten.json"));
        upload(bestand, inhoud);
        JsonNode fouten = lees(bestand + ".fouten.json");
        assertThat(fouten.path("type").asText()).isEqualTo("urn:koppelpunt:probleem:ongeldig-bericht");
        JsonNode fout = fouten.path("fouten").get(0);
        assertThat(fout.path("regel").asInt()).as(fouten.toString()).isEqualTo(regel);
        assertThat(fout.path("kolom").asInt()).as(fouten.toString()).isEqualTo(kolom);
        assertThat(fout.path("name").asText()).isEqualTo("/regel/" + regel + "/kolom/" + kolom);
        assertThat(fout.path("reason").asText()).contains("line " + regel + ", column " + kolom).contains(reden);
        assertThat(inbox().resolve(bestand + ".ack")).doesNotExist();
        await().atMost(WACHT).until(() -> Files.notExists(inbox().resolve(bestand))); // archived, so a retry is a new upload
    }

    /** The one delivery of the type for this quarter and soort on this path (waits for it). */
    private static JsonNode ontvangen(String pad, String kwartaal, String soort) {
        return await().atMost(WACHT).until(() -> ONTVANGER.aangenomen(pad).stream()
                        .filter(v -> TYPE.equals(v.berichttype()))
                        .map(Ontvanger.Verzoek::body)
                        .filter(b -> kwartaal.equals(b.path("kwartaal").asText()) && soort.equals(b.path("soort").asText()))
                        .toList(), l -> l.size() == 1).get(0);
    }

    private int berichtenVanHetType() {
        return jdbc.queryForObject("SELECT count(*) FROM bericht WHERE berichttype = ?", Integer.class, TYPE);
    }

    private String status(UUID berichtId) {
        return jdbc.queryForObject("SELECT status FROM bericht WHERE id = ?", String.class, berichtId);
    }

    private HttpResponse<String> put(String kwartaal, String csv) {
        HubClient client = HubClient.partner(DATA_DIR, "duo", port);
        return client.send(HttpRequest.newBuilder(client.uri("/api/v1/inburgeringsresultaten/" + kwartaal))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "text/csv")
                .PUT(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)).build());
    }

    /** DUO puts the file; the SFTP reply must say the transfer completed. */
    private void upload(String naam, String inhoud) throws IOException {
        Path lokaal = LOKAAL.resolve(UUID.randomUUID() + "-" + naam);
        Files.writeString(lokaal, inhoud, StandardCharsets.UTF_8);
        runner.$(send(duo).message(FtpMessage.put(lokaal.toString(), naam, DataType.BINARY)));
        runner.$(receive(duo).message().header(FtpMessageHeaders.FTP_REPLY_CODE, String.valueOf(FTPReply.CLOSING_DATA_CONNECTION)));
    }

    /** DUO gets the report over SFTP once the gateway has put it there. */
    private JsonNode lees(String naam) throws IOException {
        await().atMost(WACHT).until(() -> Files.exists(inbox().resolve(naam)));
        Path lokaal = LOKAAL.resolve(UUID.randomUUID() + "-" + naam);
        runner.$(send(duo).message(FtpMessage.get(naam, lokaal.toString(), DataType.BINARY)));
        runner.$(receive(duo).message().header(FtpMessageHeaders.FTP_REPLY_CODE, String.valueOf(FTPReply.CLOSING_DATA_CONNECTION)));
        return JSON.readTree(lokaal.toFile());
    }

    private static Path inbox() {
        return DATA_DIR.resolve("sftp").resolve("duo");
    }
}
