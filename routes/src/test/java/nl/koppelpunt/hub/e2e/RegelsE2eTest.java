package nl.koppelpunt.hub.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import nl.koppelpunt.connectors.beheer.Beheer;

/**
 * The rules end to end with Citrus (the same scenarios as {@code regels.RegelsEndToEndTest}): COA posts screenings,
 * klantprofielen and toestemmingen and TVS posts koppelingen, over mutual TLS; gemeente Utrecht (GM0344) and Amsterdam
 * (GM0363), each with the departments werk-en-inkomen and huisvesting, receive the deliveries on Citrus HTTP servers,
 * validate body and headers and answer with the status the scenario needs. Each test starts from an empty gateway, so
 * the order does not matter, and ends with everything it sent settled.
 */
class RegelsE2eTest extends E2eTest {

    static final String BSN = "123456782";
    static final String BSN_2 = "111222333";
    static final String BSN_3 = "999996708";

    static final String GM_UTRECHT = "GM0344";
    static final String GM_AMSTERDAM = "GM0363";
    static final String GM_ROTTERDAM = "GM0599";

    static final String UTRECHT = GemeenteServers.UTRECHT;
    static final String AMSTERDAM = GemeenteServers.AMSTERDAM;
    static final String ROTTERDAM = GemeenteServers.ROTTERDAM;
    static final String WERK = "werk-en-inkomen";
    static final String HUIS = "huisvesting";

    static final String KLANTPROFIEL = "e2e/berichten/klantprofiel.json";
    /** The klantprofiel as huisvesting gets it: only its default sections (and version, date, BSN). */
    static final String KLANTPROFIEL_HUISVESTING = "e2e/berichten/klantprofiel-huisvesting.json";
    static final String SCREENING = "e2e/berichten/screening.json";
    static final String SCREENING_NIEUW = "e2e/berichten/screening-nieuw.json";

    /** How long "nothing (more) arrives" is watched: the deliveries it rules out would have come with the others. */
    static final Duration STIL = Duration.ofMillis(500);

    static final String ROUTE_UTRECHT_WERK = "bezorging-gemeente-utrecht-werk-en-inkomen";
    static final String ROUTE_UTRECHT_HUIS = "bezorging-gemeente-utrecht-huisvesting";

    static final String WERK_BEZORGING = "$.bezorgingen[?(@.abonnement == 'gemeente-utrecht.werk-en-inkomen')]";
    static final String HUIS_BEZORGING = "$.bezorgingen[?(@.abonnement == 'gemeente-utrecht.huisvesting')]";

    @Autowired
    CamelContext camel;

    @Autowired
    Beheer beheer;

    // ------------------------------------------------------------------------------------------------- scenarios

    /** Scenario 1: with consent the profile reaches both Utrecht departments, each with its own sections. */
    @Test
    void aKlantprofielWithConsentReachesBothUtrechtDepartmentsWithTheirSections() {
        koppeling(BSN, GM_UTRECHT);
        toestemmingGegeven(BSN, GM_UTRECHT);
        String profiel = klantprofiel(BSN, 1);

        // werk-en-inkomen: the whole profile, exactly as COA sent it; huisvesting: only its sections.
        gemeenteReceivesProfiel(UTRECHT, WERK, KLANTPROFIEL, profiel, BSN, 1, 200);
        gemeenteReceivesProfiel(UTRECHT, HUIS, KLANTPROFIEL_HUISVESTING, profiel, BSN, 1, 200);

        partnerAwaitsBericht("coa", profiel, Map.of(
                "$.status", "bezorgd",
                "$.bezorgingen.size()", 2,
                WERK_BEZORGING + ".status", "bezorgd",
                HUIS_BEZORGING + ".status", "bezorgd"));
        gemeenteReceivesNothing(AMSTERDAM, STIL);
        gemeenteReceivesNothing(UTRECHT, Duration.ofMillis(100));
    }

    /** Scenario 2: without consent the profile is parked, and delivered once the consent arrives. */
    @Test
    void aKlantprofielWithoutConsentIsParkedAndDeliveredWhenTheConsentArrives() {
        koppeling(BSN, GM_UTRECHT);
        String profiel = klantprofiel(BSN, 1);

        partnerAwaitsBericht("coa", profiel, Map.of(
                "$.status", "geparkeerd",
                "$.parkeringen.size()", 1,
                "$.parkeringen[0].reden", "geen-toestemming",
                "$.parkeringen[0].gemeentecode", GM_UTRECHT,
                "$.bezorgingen.size()", 0));
        gemeenteReceivesNothing(UTRECHT, STIL);

        toestemmingGegeven(BSN, GM_UTRECHT);

        gemeenteReceivesProfiel(UTRECHT, WERK, KLANTPROFIEL, profiel, BSN, 1, 200);
        gemeenteReceivesProfiel(UTRECHT, HUIS, KLANTPROFIEL_HUISVESTING, profiel, BSN, 1, 200);
        partnerAwaitsBericht("coa", profiel, Map.of(
                "$.status", "bezorgd",
                "$.parkeringen.size()", 0,
                WERK_BEZORGING + ".status", "bezorgd",
                HUIS_BEZORGING + ".status", "bezorgd"));
        gemeenteReceivesNothing(AMSTERDAM, Duration.ofMillis(100));
    }

    /**
     * Scenario 3: the consent is withdrawn while the profile waits in Utrecht's delivery queues (their routes are
     * stopped). The profile is never delivered; both departments get an intrekking instead.
     */
    @Test
    void aWithdrawalWhileTheProfileIsQueuedWinsAndBothDepartmentsGetAnIntrekking() {
        koppeling(BSN, GM_UTRECHT);
        toestemmingGegeven(BSN, GM_UTRECHT);
        String profiel;
        stopRoutes(ROUTE_UTRECHT_WERK, ROUTE_UTRECHT_HUIS);
        try {
            profiel = klantprofiel(BSN, 1);
            await().atMost(DELIVERY_TIMEOUT).pollInterval(POLL_INTERVAL).until(() -> jdbc.queryForObject(
                    "SELECT count(*) FROM bezorging WHERE bericht_id = ?::uuid AND status = 'gepland'"
                            + " AND in_wachtrij_op IS NOT NULL", Integer.class, profiel) == 2);

            toestemmingIngetrokken(BSN, GM_UTRECHT);

            partnerAwaitsBericht("coa", profiel, Map.of(
                    "$.status", "vervallen",
                    WERK_BEZORGING + ".status", "vervallen",
                    WERK_BEZORGING + ".reden", "toestemming ingetrokken",
                    HUIS_BEZORGING + ".status", "vervallen",
                    HUIS_BEZORGING + ".reden", "toestemming ingetrokken",
                    "$.gebeurtenissen[?(@.soort == 'vervallen')].toelichting", "toestemming ingetrokken"));
        } finally {
            startRoutes(ROUTE_UTRECHT_WERK, ROUTE_UTRECHT_HUIS);
        }

        // The queued profile comes first in each queue (same person); it is dropped, so the intrekking is what arrives.
        String intrekking = """
                {"burgerservicenummer": "%s", "gemeentecode": "%s", "doel": "overdracht-klantprofiel",
                 "datum": "2017-04-12"}""".formatted(BSN, GM_UTRECHT);
        Delivery werk = gemeenteReceives(UTRECHT, WERK, intrekking, kennisgevingHeaders("intrekking"), 200);
        Delivery huis = gemeenteReceives(UTRECHT, HUIS, intrekking, kennisgevingHeaders("intrekking"), 200);
        assertThat(huis.berichtId()).isEqualTo(werk.berichtId());
        assertThat(huis.idempotencyKey()).isNotEqualTo(werk.idempotencyKey());

        partnerAwaitsBericht("beheer", werk.berichtId(), Map.of(
                "$.berichttype", "intrekking",
                "$.status", "bezorgd",
                "$.bezorgingen.size()", 2));
        partnerSeesBericht("coa", profiel, Map.of(
                "$.status", "vervallen",
                WERK_BEZORGING + ".pogingen", 0,
                HUIS_BEZORGING + ".pogingen", 0));
        gemeenteReceivesNothing(UTRECHT, STIL);
        gemeenteReceivesNothing(AMSTERDAM, Duration.ofMillis(100));
    }

    /**
     * Scenario 4: herkoppeling from Utrecht to Amsterdam. Utrecht's departments get an ontkoppeling that does not
     * say where the person went; Amsterdam gets the latest screening at once and the klantprofiel only once the person
     * consents for Amsterdam.
     */
    @Test
    void herkoppelingSendsOntkoppelingToUtrechtAndTheLatestToAmsterdam() {
        koppeling(BSN, GM_UTRECHT);
        toestemmingGegeven(BSN, GM_UTRECHT);
        String screening = screening(BSN, SCREENING);
        String nieuweScreening = screening(BSN, SCREENING_NIEUW);
        String profiel = klantprofiel(BSN, 2);

        // Utrecht, per department in the order sent: both screenings, then the profile.
        for (String afdeling : new String[] {WERK, HUIS}) {
            gemeenteReceives(UTRECHT, afdeling, SCREENING, headers("screening", screening), 200);
            gemeenteReceives(UTRECHT, afdeling, SCREENING_NIEUW, headers("screening", nieuweScreening), 200);
        }
        gemeenteReceivesProfiel(UTRECHT, WERK, KLANTPROFIEL, profiel, BSN, 2, 200);
        gemeenteReceivesProfiel(UTRECHT, HUIS, KLANTPROFIEL_HUISVESTING, profiel, BSN, 2, 200);
        partnerAwaitsBericht("coa", profiel, Map.of("$.status", "bezorgd"));

        koppeling(BSN, GM_AMSTERDAM);

        // Strict JSON: exactly these fields, so no nieuweGemeentecode.
        String ontkoppeling = """
                {"burgerservicenummer": "%s", "gemeentecode": "%s", "datum": "2017-03-20", "reden": "herkoppeld"}"""
                .formatted(BSN, GM_UTRECHT);
        Delivery werk = gemeenteReceives(UTRECHT, WERK, ontkoppeling, kennisgevingHeaders("ontkoppeling"), 200);
        gemeenteReceives(UTRECHT, HUIS, ontkoppeling, kennisgevingHeaders("ontkoppeling"), 200);
        gemeenteReceives(AMSTERDAM, WERK, SCREENING_NIEUW, headers("screening", nieuweScreening), 200);
        gemeenteReceives(AMSTERDAM, HUIS, SCREENING_NIEUW, headers("screening", nieuweScreening), 200);

        partnerAwaitsBericht("coa", profiel, Map.of(
                "$.status", "geparkeerd",
                "$.parkeringen.size()", 1,
                "$.parkeringen[0].reden", "geen-toestemming",
                "$.parkeringen[0].gemeentecode", GM_AMSTERDAM));
        partnerAwaitsBericht("beheer", werk.berichtId(), Map.of(
                "$.berichttype", "ontkoppeling",
                "$.status", "bezorgd"));
        partnerAwaitsBericht("coa", nieuweScreening, Map.of(
                "$.status", "bezorgd",
                "$.bezorgingen.size()", 4,
                "$.bezorgingen[?(@.status == 'bezorgd')].size()", 4,
                "$.bezorgingen[?(@.gemeentecode == 'GM0363')].size()", 2));
        gemeenteReceivesNothing(AMSTERDAM, STIL);

        toestemmingGegeven(BSN, GM_AMSTERDAM);

        gemeenteReceivesProfiel(AMSTERDAM, WERK, KLANTPROFIEL, profiel, BSN, 2, 200);
        gemeenteReceivesProfiel(AMSTERDAM, HUIS, KLANTPROFIEL_HUISVESTING, profiel, BSN, 2, 200);
        partnerAwaitsBericht("coa", profiel, Map.of(
                "$.status", "bezorgd",
                "$.parkeringen.size()", 0,
                "$.bezorgingen.size()", 4,
                "$.bezorgingen[?(@.status == 'bezorgd')].size()", 4,
                "$.bezorgingen[?(@.gemeentecode == 'GM0363')].size()", 2));
        // The first screening was not the latest: Amsterdam never gets it.
        partnerSeesBericht("coa", screening, Map.of("$.bezorgingen.size()", 2));
        gemeenteReceivesNothing(UTRECHT, STIL);
        gemeenteReceivesNothing(AMSTERDAM, Duration.ofMillis(100));
    }

    /** Scenario 5: after version 3 was delivered, version 2 is stale: dropped with the reason, never delivered. */
    @Test
    void anOlderProfielversieAfterANewerOneIsDroppedWithItsReason() {
        koppeling(BSN, GM_UTRECHT);
        toestemmingGegeven(BSN, GM_UTRECHT);
        String v3 = klantprofiel(BSN, 3);
        gemeenteReceivesProfiel(UTRECHT, WERK, KLANTPROFIEL, v3, BSN, 3, 200);
        gemeenteReceivesProfiel(UTRECHT, HUIS, KLANTPROFIEL_HUISVESTING, v3, BSN, 3, 200);
        partnerAwaitsBericht("coa", v3, Map.of("$.status", "bezorgd"));

        String v2 = klantprofiel(BSN, 2);

        partnerAwaitsBericht("coa", v2, Map.of(
                "$.status", "vervallen",
                "$.bezorgingen.size()", 2,
                WERK_BEZORGING + ".status", "vervallen",
                WERK_BEZORGING + ".reden", "@contains('verouderde profielversie')@",
                HUIS_BEZORGING + ".status", "vervallen",
                HUIS_BEZORGING + ".reden", "@contains('verouderde profielversie')@",
                "$.gebeurtenissen[?(@.soort == 'vervallen')].toelichting", "@contains('verouderde profielversie')@"));
        gemeenteReceivesNothing(UTRECHT, STIL);
        gemeenteReceivesNothing(AMSTERDAM, Duration.ofMillis(100));
    }

    /**
     * Scenario 6: a screening for a gemeente that is not onboarded (Rotterdam, GM0599) is parked; beheer sees it,
     * onboards Rotterdam by adding its partner file and reloading, and the screening is delivered.
     */
    @Test
    void aGemeenteThatIsNotOnboardedGetsItsParkedScreeningOnceBeheerOnboardsIt() throws IOException {
        koppeling(BSN, GM_ROTTERDAM);
        String screening = screening(BSN, SCREENING);

        partnerAwaitsBericht("coa", screening, Map.of(
                "$.status", "geparkeerd",
                "$.parkeringen[0].reden", "gemeente-niet-aangesloten",
                "$.parkeringen[0].gemeentecode", GM_ROTTERDAM));
        partnerGets("beheer", "/api/v1/beheer/geparkeerd?reden=gemeente-niet-aangesloten&gemeentecode=" + GM_ROTTERDAM,
                Map.of("$.items.size()", 1,
                        "$.items[0].berichtId", screening,
                        "$.items[0].berichttype", "screening",
                        "$.items[0].afzender", "coa",
                        "$.items[0].reden", "gemeente-niet-aangesloten",
                        "$.items[0].gemeentecode", GM_ROTTERDAM));

        Path rotterdam = partnerFolder().resolve("gemeente-rotterdam.yaml");
        Files.writeString(rotterdam, """
                id: gemeente-rotterdam
                naam: Gemeente Rotterdam (e2e)
                oin: "00000099000000000599"
                rol: gemeente
                gemeentecode: GM0599
                berichttypen: []
                abonnementen:
                  - afdeling: werk-en-inkomen
                    berichttypen: [screening, klantprofiel, intrekking, ontkoppeling]
                    kanaal: rest
                    url: http://localhost:${e2e.port.gemeente-rotterdam}/werk-en-inkomen
                """);
        try {
            // coa, tvs, beheer, operator, auditor, Utrecht, Amsterdam and now Rotterdam; 2 + 2 + 1 subscriptions.
            beheerReloadsPartners(8, 5);

            gemeenteReceives(ROTTERDAM, WERK, SCREENING, headers("screening", screening), 200);
            partnerAwaitsBericht("coa", screening, Map.of(
                    "$.status", "bezorgd",
                    "$.parkeringen.size()", 0,
                    "$.bezorgingen.size()", 1,
                    "$.bezorgingen[0].abonnement", "gemeente-rotterdam.werk-en-inkomen",
                    "$.bezorgingen[0].gemeentecode", GM_ROTTERDAM,
                    "$.bezorgingen[0].status", "bezorgd"));
            partnerGets("beheer", "/api/v1/beheer/geparkeerd?gemeentecode=" + GM_ROTTERDAM,
                    Map.of("$.items.size()", 0));
            gemeenteReceivesNothing(UTRECHT, STIL);
            gemeenteReceivesNothing(AMSTERDAM, Duration.ofMillis(100));
        } finally {
            // Back to the partner set the other scenarios expect (directly, so this runs even if Citrus failed).
            Files.deleteIfExists(rotterdam);
            beheer.herlaadPartners();
        }
    }

    /**
     * Scenario 7: Utrecht werk-en-inkomen answers the first delivery 503 twice. After it recovers it gets the
     * screening and klantprofiel versions 1 and 2 in exactly that order, and the status shows the three attempts.
     */
    @Test
    void aReceiverThatIsDownForAWhileGetsEverythingAfterItRecoversInOrder() {
        koppeling(BSN_2, GM_UTRECHT);
        toestemmingGegeven(BSN_2, GM_UTRECHT);
        String screening = screening(BSN_2, SCREENING);
        String v1 = klantprofiel(BSN_2, 1);
        String v2 = klantprofiel(BSN_2, 2);

        Delivery eerste = gemeenteReceives(UTRECHT, WERK, SCREENING, headers("screening", screening), 503);
        Delivery tweede = gemeenteReceives(UTRECHT, WERK, SCREENING, headers("screening", screening), 503);
        Delivery derde = gemeenteReceives(UTRECHT, WERK, SCREENING, headers("screening", screening), 200);
        assertThat(tweede.idempotencyKey()).isEqualTo(eerste.idempotencyKey());
        assertThat(derde.idempotencyKey()).isEqualTo(eerste.idempotencyKey());
        gemeenteReceivesProfiel(UTRECHT, WERK, KLANTPROFIEL, v1, BSN_2, 1, 200);
        gemeenteReceivesProfiel(UTRECHT, WERK, KLANTPROFIEL, v2, BSN_2, 2, 200);

        // huisvesting was never down: the same three, in order, at the first attempt.
        gemeenteReceives(UTRECHT, HUIS, SCREENING, headers("screening", screening), 200);
        gemeenteReceivesProfiel(UTRECHT, HUIS, KLANTPROFIEL_HUISVESTING, v1, BSN_2, 1, 200);
        gemeenteReceivesProfiel(UTRECHT, HUIS, KLANTPROFIEL_HUISVESTING, v2, BSN_2, 2, 200);

        partnerAwaitsBericht("coa", v2, Map.of("$.status", "bezorgd"));
        partnerAwaitsBericht("coa", v1, Map.of("$.status", "bezorgd"));
        partnerAwaitsBericht("coa", screening, Map.of(
                "$.status", "bezorgd",
                WERK_BEZORGING + ".status", "bezorgd",
                WERK_BEZORGING + ".bezorgingId", eerste.idempotencyKey(),
                WERK_BEZORGING + ".pogingen", 3,
                WERK_BEZORGING + ".laatsteFout", "HTTP 503",
                HUIS_BEZORGING + ".status", "bezorgd",
                HUIS_BEZORGING + ".pogingen", 1));
        gemeenteReceivesNothing(UTRECHT, STIL);
        gemeenteReceivesNothing(AMSTERDAM, Duration.ofMillis(100));
    }

    /**
     * Scenario 8: Utrecht werk-en-inkomen refuses a screening with 400: dead-lettered after that one attempt. Beheer
     * lists and replays it, and it is delivered with the Idempotency-Key of the refused attempt.
     */
    @Test
    void aRefusalIsDeadLetteredAtOnceAndBeheerReplaysItWithTheSameIdempotencyKey() {
        koppeling(BSN_3, GM_UTRECHT);
        String screening = screening(BSN_3, SCREENING);

        Delivery geweigerd = gemeenteReceives(UTRECHT, WERK, SCREENING, headers("screening", screening), 400,
                "{\"type\": \"about:blank\", \"title\": \"Onverwerkbaar\", \"status\": 400}");
        gemeenteReceives(UTRECHT, HUIS, SCREENING, headers("screening", screening), 200);
        assertThat(geweigerd.berichttype()).isEqualTo("screening");
        assertThat(geweigerd.profielversie()).as("Koppelpunt-Profielversie only comes with a klantprofiel").isNull();

        partnerAwaitsBericht("coa", screening, Map.of(
                "$.status", "mislukt",
                WERK_BEZORGING + ".status", "mislukt",
                WERK_BEZORGING + ".bezorgingId", geweigerd.idempotencyKey(),
                WERK_BEZORGING + ".pogingen", 1,
                WERK_BEZORGING + ".laatsteFout", "HTTP 400",
                HUIS_BEZORGING + ".status", "bezorgd"));
        // Not retried: the one attempt was all.
        gemeenteReceivesNothing(UTRECHT, WERK, STIL);
        partnerGets("beheer", "/api/v1/beheer/mislukt?abonnement=gemeente-utrecht.werk-en-inkomen", Map.of(
                "$.items.size()", 1,
                "$.items[0].berichtId", screening,
                "$.items[0].bezorgingId", geweigerd.idempotencyKey(),
                "$.items[0].berichttype", "screening",
                "$.items[0].gemeentecode", GM_UTRECHT,
                "$.items[0].pogingen", 1,
                "$.items[0].laatsteFout", "HTTP 400"));

        partnerPostsCommand("beheer", "/api/v1/beheer/berichten/" + screening + "/herhalen", 202, Map.of(
                "$.berichtId", screening,
                "$.herhaald", 1));

        Map<String, Object> dezelfdeSleutel = new LinkedHashMap<>(headers("screening", screening));
        dezelfdeSleutel.put("Idempotency-Key", geweigerd.idempotencyKey());
        gemeenteReceives(UTRECHT, WERK, SCREENING, dezelfdeSleutel, 200);

        partnerAwaitsBericht("coa", screening, Map.of(
                "$.status", "bezorgd",
                WERK_BEZORGING + ".status", "bezorgd",
                WERK_BEZORGING + ".bezorgingId", geweigerd.idempotencyKey(),
                WERK_BEZORGING + ".pogingen", 1,
                "$.gebeurtenissen[?(@.soort == 'herhaald')].toelichting", "door beheer"));
        partnerGets("beheer", "/api/v1/beheer/mislukt?abonnement=gemeente-utrecht.werk-en-inkomen",
                Map.of("$.items.size()", 0));
        gemeenteReceivesNothing(UTRECHT, STIL);
        gemeenteReceivesNothing(AMSTERDAM, Duration.ofMillis(100));
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    /** TVS links the person to the gemeente. */
    String koppeling(String bsn, String gemeentecode) {
        return tvsPosts("/api/v1/koppelingen", uniqueKey(), "e2e/berichten/koppeling.json",
                Map.of("bsn", bsn, "gemeentecode", gemeentecode));
    }

    String toestemmingGegeven(String bsn, String gemeentecode) {
        return coaPosts("/api/v1/toestemmingen", uniqueKey(), "e2e/berichten/toestemming-gegeven.json",
                Map.of("bsn", bsn, "gemeentecode", gemeentecode));
    }

    String toestemmingIngetrokken(String bsn, String gemeentecode) {
        return coaPosts("/api/v1/toestemmingen", uniqueKey(), "e2e/berichten/toestemming-ingetrokken.json",
                Map.of("bsn", bsn, "gemeentecode", gemeentecode));
    }

    String screening(String bsn, String resource) {
        return coaPosts("/api/v1/screenings", uniqueKey(), resource, Map.of("bsn", bsn));
    }

    String klantprofiel(String bsn, int versie) {
        return coaPosts("/api/v1/klantprofielen", uniqueKey(), KLANTPROFIEL, Map.of("bsn", bsn, "profielversie", versie));
    }

    /**
     * The department receives this version of the klantprofiel: the body must equal {@code expectedResource} (the
     * whole profile, or huisvesting's sections) for this person and version, with the klantprofiel headers.
     */
    Delivery gemeenteReceivesProfiel(String gemeente, String afdeling, String expectedResource, String berichtId,
                                     String bsn, int versie, int answerStatus) {
        context.setVariable("bsn", bsn);
        context.setVariable("profielversie", versie);
        Map<String, Object> expected = new LinkedHashMap<>(headers("klantprofiel", berichtId));
        expected.put("Koppelpunt-Profielversie", String.valueOf(versie));
        return gemeenteReceives(gemeente, afdeling, expectedResource, expected, answerStatus);
    }

    /** The headers of a delivery of the message {@code berichtId}. */
    static Map<String, Object> headers(String berichttype, String berichtId) {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("Idempotency-Key", "@matches('" + UUID_PATTERN + "')@");
        headers.put("Koppelpunt-Berichttype", berichttype);
        headers.put("Koppelpunt-Bericht-Id", berichtId);
        headers.put("Content-Type", "@startsWith('application/json')@");
        return headers;
    }

    /** The headers of one of Koppelpunt's own notices, whose message id the test does not know beforehand. */
    static Map<String, Object> kennisgevingHeaders(String berichttype) {
        return headers(berichttype, "@matches('" + UUID_PATTERN + "')@");
    }

    void stopRoutes(String... routeIds) {
        try {
            for (String routeId : routeIds) {
                camel.getRouteController().stopRoute(routeId);
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not stop " + String.join(", ", routeIds), e);
        }
    }

    void startRoutes(String... routeIds) {
        try {
            for (String routeId : routeIds) {
                camel.getRouteController().startRoute(routeId);
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not start " + String.join(", ", routeIds), e);
        }
    }
}
