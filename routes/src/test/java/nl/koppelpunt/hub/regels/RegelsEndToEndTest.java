package nl.koppelpunt.hub.regels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import nl.koppelpunt.hub.KoppelpuntApplication;
import nl.koppelpunt.hub.support.Berichten;
import nl.koppelpunt.hub.support.HubClient;
import nl.koppelpunt.hub.support.Ontvanger;
import nl.koppelpunt.hub.support.Rust;

/**
 * The rules end to end over real HTTP: COA posts over mutual TLS, the gateway runs on embedded PostgreSQL and
 * Artemis, and two gemeenten with two departments each receive on a real HTTP server.
 */
@SpringBootTest(classes = KoppelpuntApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RegelsEndToEndTest {


    static final String BSN = "123456782";
    static final String UTRECHT = "GM0344";
    static final String AMSTERDAM = "GM0363";
    static final String U_WERK = "/gemeente-utrecht/werk-en-inkomen";
    static final String U_HUIS = "/gemeente-utrecht/huisvesting";
    static final String A_WERK = "/gemeente-amsterdam/werk-en-inkomen";
    static final Duration WACHT = Duration.ofSeconds(30);

    private static final Path DATA_DIR = HubClient.tijdelijkeMap("koppelpunt-regels-");
    /** A partner folder of its own, so a scenario can onboard a gemeente by adding a file and reloading. */
    private static final Path PARTNERS = partnersKopie();
    static final Ontvanger ONTVANGER = new Ontvanger();
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("koppelpunt.data-dir", DATA_DIR::toString);
        registry.add("koppelpunt.partners.location", () -> "file:" + PARTNERS + "/*.yaml");
        registry.add("test.ontvanger.port", ONTVANGER::port);
        registry.add("koppelpunt.bezorging.herhalingen", () -> "3");
        registry.add("koppelpunt.bezorging.wachttijd-ms", () -> "100");
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.apache.camel.CamelContext camel;
    @Autowired
    nl.koppelpunt.hub.onderhoud.Onderhoud onderhoud;
    @Autowired
    nl.koppelpunt.hub.opslag.BezorgingRepository bezorgingen;

    @BeforeEach
    void schoon() {
        jdbc.execute("TRUNCATE bericht, koppeling, toestemming, parkering, bezorging, bericht_gebeurtenis, camel_messageprocessed CASCADE");
        ONTVANGER.reset();
    }

    /**
     * Each scenario ends only when everything it set in motion has settled (nothing queued, nothing under way), so no
     * late delivery of one scenario can meet the scripted answers of the next.
     */
    @org.junit.jupiter.api.AfterEach
    void wachtTotRustig() {
        Rust.wachtTotRustig(jdbc, WACHT);
    }

    @AfterAll
    static void stop() {
        ONTVANGER.close();
    }

    @Test
    void screeningGoesToTheGekoppeldeGemeenteWithoutConsent() throws Exception {
        post("/api/v1/koppelingen", Berichten.koppeling(BSN, UTRECHT));
        UUID screening = post("/api/v1/screeningen".replace("screeningen", "screenings"), Berichten.screening(BSN));

        await().atMost(WACHT).until(() -> ONTVANGER.aangenomen(U_WERK).size() == 1 && ONTVANGER.aangenomen(U_HUIS).size() == 1);
        Ontvanger.Verzoek ontvangen = ONTVANGER.aangenomen(U_WERK).get(0);
        assertThat(ontvangen.berichttype()).isEqualTo("screening");
        assertThat(ontvangen.body().path("burgerservicenummer").asText()).isEqualTo(BSN);
        assertThat(ONTVANGER.aangenomen(A_WERK)).isEmpty();
        wachtOpStatus(screening, "bezorgd");
    }

    /**
     * The rules read a delivery as planned and drop it (ontkoppeling, withdrawal) while the receiver's 2xx is being
     * recorded in another transaction. The drop must not overwrite "bezorgd": the gemeente has the message.
     */
    @Test
    void aDropDoesNotOverwriteADeliveryRecordedAsDelivered() throws Exception {
        post("/api/v1/koppelingen", Berichten.koppeling(BSN, UTRECHT));
        UUID screening = post("/api/v1/screenings", Berichten.screening(BSN));
        wachtOpStatus(screening, "bezorgd");
        UUID bezorging = jdbc.queryForObject("SELECT id FROM bezorging WHERE bericht_id = ? AND abonnement_id = ?",
                UUID.class, screening, "gemeente-utrecht.werk-en-inkomen");

        bezorgingen.status(bezorging, Bezorging.Status.VERVALLEN, Vervalreden.NIET_MEER_GEKOPPELD);

        assertThat(bezorgingen.van(bezorging).orElseThrow().status()).isEqualTo(Bezorging.Status.BEZORGD);
    }

    @Test
    void aDeliveryContinuesTheMessagesTraceAndIsRecordedInTheProcessingLogUnderItsSpan() throws Exception {
        post("/api/v1/koppelingen", Berichten.koppeling(BSN, UTRECHT));
        UUID screening = post("/api/v1/screenings", Berichten.screening(BSN));
        await().atMost(WACHT).until(() -> ONTVANGER.aangenomen(U_WERK).size() == 1);
        wachtOpStatus(screening, "bezorgd");

        Map<String, Object> bericht = jdbc.queryForMap("SELECT trace_id, span_id FROM bericht WHERE id = ?", screening);
        String traceparent = ONTVANGER.aangenomen(U_WERK).get(0).header("traceparent");
        assertThat(traceparent).matches("^00-[0-9a-f]{32}-[0-9a-f]{16}-01$");
        String[] delen = traceparent.split("-");
        assertThat(delen[1]).as("the message's trace").isEqualTo(bericht.get("trace_id"));
        assertThat(delen[2]).as("a span of its own").isNotEqualTo(bericht.get("span_id"));
        Map<String, Object> record = jdbc.queryForMap("""
                SELECT span_id, parent_span_id, partner, verwerkingsactiviteit, betrokkene FROM verwerkingslog
                WHERE bericht_id = ? AND handeling = 'bezorgd' AND partner = 'gemeente-utrecht.werk-en-inkomen'""", screening);
        assertThat(record.get("span_id")).as("recorded under the span the gemeente received").isEqualTo(delen[2]);
        assertThat(record.get("parent_span_id")).isEqualTo(bericht.get("span_id"));
        assertThat(record.get("verwerkingsactiviteit")).isEqualTo("urn:koppelpunt:verwerkingsactiviteit:overdracht-screening");
        assertThat((String) record.get("betrokkene")).isNotEqualTo(BSN).hasSize(64);
    }

    @Test
    void klantprofielWaitsForConsentThenGoesWithEachDepartmentsSections() throws Exception {
        post("/api/v1/koppelingen", Berichten.koppeling(BSN, UTRECHT));
        UUID profiel = post("/api/v1/klantprofielen", Berichten.klantprofiel(BSN, 1));
        wachtOpStatus(profiel, "geparkeerd");
        assertThat(ONTVANGER.verzoeken()).isEmpty();

        post("/api/v1/toestemmingen", Berichten.toestemming(BSN, UTRECHT, true));

        await().atMost(WACHT).until(() -> ONTVANGER.aangenomen(U_WERK).size() == 1 && ONTVANGER.aangenomen(U_HUIS).size() == 1);
        JsonNode werk = ONTVANGER.aangenomen(U_WERK).get(0).body();
        JsonNode huis = ONTVANGER.aangenomen(U_HUIS).get(0).body();
        assertThat(werk.has("arbeidsgegevens")).isTrue();
        assertThat(huis.has("arbeidsgegevens")).isFalse();
        assertThat(huis.has("educatievegegevens")).isFalse();
        assertThat(huis.path("persoonsgegevens").path("burgerservicenummer").asText()).isEqualTo(BSN);
        assertThat(ONTVANGER.aangenomen(U_WERK).get(0).profielversie()).isEqualTo("1");
        wachtOpStatus(profiel, "bezorgd");
    }


    @Test
    void aWithdrawalWhileTheProfileIsQueuedWinsAndTheGemeenteGetsAnIntrekking() throws Exception {
        post("/api/v1/koppelingen", Berichten.koppeling(BSN, UTRECHT));
        post("/api/v1/toestemmingen", Berichten.toestemming(BSN, UTRECHT, true));
        UUID screening = post("/api/v1/screenings", Berichten.screening(BSN));
        wachtOpStatus(screening, "bezorgd");
        ONTVANGER.reset();
        camel.getRouteController().stopRoute("bezorging-gemeente-utrecht-werk-en-inkomen");
        camel.getRouteController().stopRoute("bezorging-gemeente-utrecht-huisvesting");
        try {
            UUID profiel = post("/api/v1/klantprofielen", Berichten.klantprofiel(BSN, 1));
            await().atMost(WACHT).until(() -> jdbc.queryForObject(
                    "SELECT count(*) FROM bezorging WHERE bericht_id = ? AND in_wachtrij_op IS NOT NULL", Integer.class, profiel) == 2);
            post("/api/v1/toestemmingen", Berichten.toestemming(BSN, UTRECHT, false));
            wachtOpStatus(profiel, "vervallen");
        } finally {
            camel.getRouteController().startRoute("bezorging-gemeente-utrecht-werk-en-inkomen");
            camel.getRouteController().startRoute("bezorging-gemeente-utrecht-huisvesting");
        }
        await().atMost(WACHT).until(() -> ONTVANGER.aangenomen(U_WERK).size() == 1 && ONTVANGER.aangenomen(U_HUIS).size() == 1);
        assertThat(ONTVANGER.verzoeken()).extracting(Ontvanger.Verzoek::berichttype).containsOnly("intrekking");
        assertThat(ONTVANGER.aangenomen(U_WERK).get(0).body().path("burgerservicenummer").asText()).isEqualTo(BSN);
    }

    @Test
    void theConsentCheckAtDeliveryTimeWinsEvenIfTheWithdrawalDidNotDropTheDelivery() throws Exception {
        post("/api/v1/koppelingen", Berichten.koppeling(BSN, UTRECHT));
        post("/api/v1/toestemmingen", Berichten.toestemming(BSN, UTRECHT, true));
        camel.getRouteController().stopRoute("bezorging-gemeente-utrecht-werk-en-inkomen");
        UUID profiel;
        try {
            profiel = post("/api/v1/klantprofielen", Berichten.klantprofiel(BSN, 1));
            await().atMost(WACHT).until(() -> jdbc.queryForObject(
                    "SELECT count(*) FROM bezorging WHERE bericht_id = ? AND in_wachtrij_op IS NOT NULL", Integer.class, profiel) == 2);
            // Only the registry changes, as if the withdrawal arrived on another instance between two checks.
            jdbc.update("UPDATE toestemming SET gegeven = false");
        } finally {
            camel.getRouteController().startRoute("bezorging-gemeente-utrecht-werk-en-inkomen");
        }
        await().atMost(WACHT).until(() -> "vervallen".equals(jdbc.queryForObject(
                "SELECT status FROM bezorging WHERE bericht_id = ? AND abonnement_id = 'gemeente-utrecht.werk-en-inkomen'", String.class, profiel)));
        assertThat(ONTVANGER.aangenomen(U_WERK)).extracting(Ontvanger.Verzoek::berichttype).doesNotContain("klantprofiel");
    }

    @Test
    void herkoppelingSendsOntkoppelingToTheOldAndTheLatestToTheNewGemeente() throws Exception {
        post("/api/v1/koppelingen", Berichten.koppeling(BSN, UTRECHT));
        post("/api/v1/toestemmingen", Berichten.toestemming(BSN, UTRECHT, true));
        post("/api/v1/screenings", Berichten.screening(BSN));
        UUID profiel = post("/api/v1/klantprofielen", Berichten.klantprofiel(BSN, 2));
        wachtOpStatus(profiel, "bezorgd");

        post("/api/v1/koppelingen", Berichten.koppeling(BSN, AMSTERDAM));

        await().atMost(WACHT).until(() -> ONTVANGER.aangenomen(U_WERK).stream().anyMatch(v -> "ontkoppeling".equals(v.berichttype())));
        JsonNode ontkoppeling = ONTVANGER.aangenomen(U_WERK).stream().filter(v -> "ontkoppeling".equals(v.berichttype()))
                .findFirst().orElseThrow().body();
        assertThat(ontkoppeling.path("gemeentecode").asText()).isEqualTo(UTRECHT);
        assertThat(ontkoppeling.has("nieuweGemeentecode")).isFalse();
        // Amsterdam gets the latest screening at once, and the profile only once the person consents for Amsterdam.
        await().atMost(WACHT).until(() -> ONTVANGER.aangenomen(A_WERK).size() == 1);
        assertThat(ONTVANGER.aangenomen(A_WERK).get(0).berichttype()).isEqualTo("screening");
        wachtOpStatus(profiel, "geparkeerd");

        post("/api/v1/toestemmingen", Berichten.toestemming(BSN, AMSTERDAM, true));
        await().atMost(WACHT).until(() -> ONTVANGER.aangenomen(A_WERK).size() == 2);
        assertThat(ONTVANGER.aangenomen(A_WERK).get(1).berichttype()).isEqualTo("klantprofiel");
        assertThat(ONTVANGER.aangenomen(A_WERK).get(1).profielversie()).isEqualTo("2");
    }

    @Test
    void anOlderVersionAfterANewerOneIsDroppedWithItsReason() throws Exception {
        post("/api/v1/koppelingen", Berichten.koppeling(BSN, UTRECHT));
        post("/api/v1/toestemmingen", Berichten.toestemming(BSN, UTRECHT, true));
        UUID nieuw = post("/api/v1/klantprofielen", Berichten.klantprofiel(BSN, 3));
        wachtOpStatus(nieuw, "bezorgd");
        UUID oud = post("/api/v1/klantprofielen", Berichten.klantprofiel(BSN, 2));

        wachtOpStatus(oud, "vervallen");
        JsonNode overzicht = json(client("coa").get("/api/v1/berichten/" + oud));
        assertThat(overzicht.path("bezorgingen").findValuesAsText("reden")).allMatch(r -> r.contains("verouderde profielversie"));
        assertThat(ONTVANGER.aangenomen(U_WERK)).extracting(Ontvanger.Verzoek::profielversie).containsExactly("3");
    }

    @Test
    void aGemeenteThatIsNotOnboardedGetsItsMessagesOnceItIs() throws Exception {
        post("/api/v1/koppelingen", Berichten.koppeling(BSN, "GM0599"));
        UUID screening = post("/api/v1/screenings", Berichten.screening(BSN));
        wachtOpStatus(screening, "geparkeerd");
        JsonNode geparkeerd = json(client("beheer").get("/api/v1/beheer/geparkeerd?reden=gemeente-niet-aangesloten&gemeentecode=GM0599"));
        assertThat(geparkeerd.path("items").findValuesAsText("berichtId")).containsExactly(screening.toString());

        Path rotterdam = partners().resolve("gemeente-rotterdam.yaml");
        Files.writeString(rotterdam, """
                id: gemeente-rotterdam
                naam: Gemeente Rotterdam (test)
                oin: "00000099000000000599"
                rol: gemeente
                gemeentecode: GM0599
                berichttypen: []
                abonnementen:
                  - afdeling: werk-en-inkomen
                    berichttypen: [screening, klantprofiel, intrekking, ontkoppeling]
                    kanaal: rest
                    url: http://localhost:${test.ontvanger.port}/gemeente-rotterdam/werk-en-inkomen
                """);
        try {
            HttpResponse<String> herladen = client("beheer").send(java.net.http.HttpRequest.newBuilder(
                    client("beheer").uri("/api/v1/beheer/partners/herladen")).POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build());
            assertThat(herladen.statusCode()).as(herladen.body()).isEqualTo(200);
            assertThat(json(herladen).path("partners").asInt()).isEqualTo(6);
            await().atMost(WACHT).until(() -> ONTVANGER.aangenomen("/gemeente-rotterdam/werk-en-inkomen").size() == 1);
            wachtOpStatus(screening, "bezorgd");
        } finally {
            Files.delete(rotterdam);
            client("beheer").send(java.net.http.HttpRequest.newBuilder(client("beheer").uri("/api/v1/beheer/partners/herladen"))
                    .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build());
        }
    }

    @Test
    void aReceiverThatIsDownForAWhileGetsEverythingAfterItRecoversInOrder() throws Exception {
        post("/api/v1/koppelingen", Berichten.koppeling(BSN, UTRECHT));
        post("/api/v1/toestemmingen", Berichten.toestemming(BSN, UTRECHT, true));
        ONTVANGER.antwoord(U_WERK, 503, 503, 503);
        UUID screening = post("/api/v1/screenings", Berichten.screening(BSN));
        post("/api/v1/klantprofielen", Berichten.klantprofiel(BSN, 1));
        UUID laatste = post("/api/v1/klantprofielen", Berichten.klantprofiel(BSN, 2));

        await().atMost(WACHT).until(() -> ONTVANGER.aangenomen(U_WERK).size() == 3);
        assertThat(ONTVANGER.aangenomen(U_WERK)).extracting(v -> v.berichttype() + ":" + v.profielversie())
                .containsExactly("screening:null", "klantprofiel:1", "klantprofiel:2");
        wachtOpStatus(laatste, "bezorgd");
        JsonNode werk = java.util.stream.StreamSupport.stream(json(client("coa").get("/api/v1/berichten/" + screening))
                .path("bezorgingen").spliterator(), false)
                .filter(b -> b.path("abonnement").asText().equals("gemeente-utrecht.werk-en-inkomen")).findFirst().orElseThrow();
        assertThat(werk.path("pogingen").asInt()).as(ONTVANGER.verzoeken().toString()).isEqualTo(4);
        assertThat(werk.path("laatsteFout").asText()).isEqualTo("HTTP 503");
        assertThat(werk.path("status").asText()).isEqualTo("bezorgd");
    }

    @Test
    void aRefusalIsDeadLetteredAtOnceAndCanBeReplayed() throws Exception {
        post("/api/v1/koppelingen", Berichten.koppeling(BSN, UTRECHT));
        ONTVANGER.antwoord(U_WERK, 400);
        UUID screening = post("/api/v1/screenings", Berichten.screening(BSN));
        wachtOpStatus(screening, "mislukt");
        assertThat(ONTVANGER.verzoeken().stream().filter(v -> v.pad().equals(U_WERK)).count()).isEqualTo(1);

        JsonNode bericht = json(client("coa").get("/api/v1/berichten/" + screening));
        JsonNode mislukt = java.util.stream.StreamSupport.stream(bericht.path("bezorgingen").spliterator(), false)
                .filter(b -> b.path("abonnement").asText().equals("gemeente-utrecht.werk-en-inkomen")).findFirst().orElseThrow();
        assertThat(mislukt.path("status").asText()).isEqualTo("mislukt");
        assertThat(mislukt.path("pogingen").asInt()).isEqualTo(1);
        assertThat(mislukt.path("laatsteFout").asText()).isEqualTo("HTTP 400");
        JsonNode lijst = json(client("beheer").get("/api/v1/beheer/mislukt?abonnement=gemeente-utrecht.werk-en-inkomen"));
        assertThat(lijst.path("items").findValuesAsText("berichtId")).containsExactly(screening.toString());
        assertThat(client("coa").send(java.net.http.HttpRequest.newBuilder(client("coa").uri("/api/v1/beheer/berichten/" + screening + "/herhalen"))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build()).statusCode()).isEqualTo(403);

        HttpResponse<String> herhaald = client("beheer").send(java.net.http.HttpRequest.newBuilder(
                client("beheer").uri("/api/v1/beheer/berichten/" + screening + "/herhalen")).POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build());
        assertThat(herhaald.statusCode()).as(herhaald.body()).isEqualTo(202);
        wachtOpStatus(screening, "bezorgd");
        assertThat(ONTVANGER.aangenomen(U_WERK)).hasSize(1);
        // The replay used the same delivery id: a receiver that saw the first attempt recognises it.
        assertThat(ONTVANGER.verzoeken().stream().filter(v -> v.pad().equals(U_WERK)).map(Ontvanger.Verzoek::idempotencyKey).distinct()).hasSize(1);
    }


    @Test
    void parkedMessagesPastTheirRetentionAreDroppedWithTheReason() throws Exception {
        UUID profiel = post("/api/v1/klantprofielen", Berichten.klantprofiel(BSN, 1));
        wachtOpStatus(profiel, "geparkeerd");
        JsonNode parkering = json(client("coa").get("/api/v1/berichten/" + profiel)).path("parkeringen").path(0);
        assertThat(parkering.path("reden").asText()).isEqualTo("geen-koppeling");
        assertThat(java.time.OffsetDateTime.parse(parkering.path("verlooptOp").asText()))
                .isAfter(java.time.OffsetDateTime.now().plusDays(89));

        jdbc.update("UPDATE parkering SET verloopt_op = now() - interval '1 minute' WHERE bericht_id = ?", profiel);
        onderhoud.ruimParkeerplaatsOp(null);

        wachtOpStatus(profiel, "vervallen");
        assertThat(jdbc.queryForObject("SELECT toelichting FROM bericht_gebeurtenis WHERE bericht_id = ? AND soort = 'vervallen' LIMIT 1",
                String.class, profiel)).contains("bewaartermijn");
        // A koppeling now releases nothing: the expired message is gone for good, not even "the latest profile".
        UUID koppeling = post("/api/v1/koppelingen", Berichten.koppeling(BSN, UTRECHT));
        wachtOpStatus(koppeling, "bezorgd");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM parkering", Integer.class)).isZero();
        assertThat(status(profiel)).isEqualTo("vervallen");
    }

    @Test
    void anInvalidPartnerConfigurationIsRefusedAndTheOldOneStays() throws Exception {
        Path kapot = partners().resolve("kapot.yaml");
        Files.writeString(kapot, "id: kapot\nnaam: Kapot\noin: \"123\"\nrol: gemeente\n");
        try {
            HttpResponse<String> herladen = client("beheer").send(java.net.http.HttpRequest.newBuilder(
                    client("beheer").uri("/api/v1/beheer/partners/herladen")).POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build());
            assertThat(herladen.statusCode()).isEqualTo(422);
            assertThat(json(herladen).path("detail").asText()).contains("oin");
            // Still in force: COA can post.
            post("/api/v1/screenings", Berichten.screening(BSN));
        } finally {
            Files.delete(kapot);
        }
    }

    @Test
    void onlyBeheerMayUseTheAdminApiAndBadFiltersAreProblems() throws Exception {
        assertThat(client("coa").get("/api/v1/beheer/geparkeerd").statusCode()).isEqualTo(403);
        assertThat(client("gemeente-utrecht").get("/api/v1/beheer/mislukt").statusCode()).isEqualTo(403);
        HttpResponse<String> fout = client("beheer").get("/api/v1/beheer/geparkeerd?reden=onbekend");
        assertThat(fout.statusCode()).isEqualTo(400);
        assertThat(json(fout).path("invalidParams").path(0).path("name").asText()).isEqualTo("reden");
        assertThat(client("beheer").get("/api/v1/beheer/geparkeerd?vanaf=gisteren").statusCode()).isEqualTo(400);
        UUID screening = post("/api/v1/screenings", Berichten.screening(BSN));
        wachtOpStatus(screening, "geparkeerd");
        HttpResponse<String> niets = client("beheer").send(java.net.http.HttpRequest.newBuilder(
                client("beheer").uri("/api/v1/beheer/berichten/" + UUID.randomUUID() + "/herhalen")).POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build());
        assertThat(niets.statusCode()).isEqualTo(404);
    }


    @Test
    void aGemeenteThatIsDownDoesNotHoldUpTheOthers() throws Exception {
        post("/api/v1/koppelingen", Berichten.koppeling("111222333", AMSTERDAM));
        post("/api/v1/koppelingen", Berichten.koppeling(BSN, UTRECHT));
        Integer[] altijdStoring = new Integer[4];
        java.util.Arrays.fill(altijdStoring, 503);
        ONTVANGER.antwoord(A_WERK, altijdStoring);
        UUID amsterdam = post("/api/v1/screenings", Berichten.screening("111222333"));
        await().atMost(WACHT).until(() -> ONTVANGER.verzoeken().stream().anyMatch(v -> v.pad().equals(A_WERK)));

        UUID utrecht = post("/api/v1/screenings", Berichten.screening(BSN));

        // Utrecht is served while Amsterdam's delivery is still being retried.
        await().atMost(WACHT).until(() -> ONTVANGER.aangenomen(U_WERK).size() == 1);
        assertThat(jdbc.queryForObject("SELECT status FROM bezorging WHERE bericht_id = ? AND abonnement_id = 'gemeente-amsterdam.werk-en-inkomen'",
                String.class, amsterdam)).isEqualTo("gepland");
        wachtOpStatus(utrecht, "bezorgd");
        wachtOpStatus(amsterdam, "mislukt");
    }

    @Test
    void replayAllReplaysEveryFailedDeliveryThatMatchesTheFilter() throws Exception {
        post("/api/v1/koppelingen", Berichten.koppeling(BSN, UTRECHT));
        ONTVANGER.antwoord(U_WERK, 400, 400);
        UUID eerste = post("/api/v1/screenings", Berichten.screening(BSN));
        wachtOpStatus(eerste, "mislukt");
        UUID tweede = post("/api/v1/screenings", Berichten.screening(BSN));
        wachtOpStatus(tweede, "mislukt");

        HttpResponse<String> herhaald = client("beheer").send(java.net.http.HttpRequest.newBuilder(client("beheer").uri("/api/v1/beheer/herhalen"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"soort\": \"mislukt\", \"berichttype\": \"screening\", \"gemeentecode\": \"GM0344\"}"))
                .build());

        assertThat(herhaald.statusCode()).as(herhaald.body()).isEqualTo(202);
        assertThat(json(herhaald).path("herhaald").asInt()).isEqualTo(2);
        wachtOpStatus(eerste, "bezorgd");
        wachtOpStatus(tweede, "bezorgd");
        assertThat(ONTVANGER.aangenomen(U_WERK)).hasSize(2);
    }

    UUID post(String pad, byte[] body) throws Exception {
        HttpResponse<String> response = client("coa").post(pad, "k-" + UUID.randomUUID(), body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return UUID.fromString(JSON.readTree(response.body()).path("berichtId").asText());
    }

    String status(UUID id) {
        return jdbc.queryForObject("SELECT status FROM bericht WHERE id = ?", String.class, id);
    }

    /** Waits for a status and, if it does not come, shows the message's timeline and deliveries. */
    void wachtOpStatus(UUID id, String verwacht) {
        await().atMost(WACHT).untilAsserted(() -> assertThat(status(id)).as(() -> jdbc.queryForList(
                "SELECT soort, toelichting FROM bericht_gebeurtenis WHERE bericht_id = ? ORDER BY tijdstip, id", id)
                + " " + jdbc.queryForList("SELECT abonnement_id, status, reden, pogingen, laatste_fout FROM bezorging WHERE bericht_id = ?", id))
                .isEqualTo(verwacht));
    }

    HubClient client(String partner) {
        return HubClient.partner(DATA_DIR, partner, port);
    }

    JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    static Path partners() {
        return PARTNERS;
    }

    private static Path partnersKopie() {
        try {
            Path dir = Files.createDirectories(DATA_DIR.resolve("partners"));
            for (String naam : List.of("coa", "tvs", "beheer", "gemeente-utrecht", "gemeente-amsterdam")) {
                try (var in = RegelsEndToEndTest.class.getResourceAsStream("/regels-partners/" + naam + ".yaml")) {
                    Files.copy(in, dir.resolve(naam + ".yaml"));
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
