package nl.koppelpunt.hub.autorisatie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import nl.koppelpunt.connectors.autorisatie.Autorisatie;
import nl.koppelpunt.connectors.autorisatie.Eigenaar;
import nl.koppelpunt.connectors.autorisatie.Operatie;
import nl.koppelpunt.connectors.autorisatie.Reikwijdte;
import nl.koppelpunt.connectors.partner.Partner;
import nl.koppelpunt.connectors.partner.PartnerRegister;
import nl.koppelpunt.hub.support.Berichten;
import nl.koppelpunt.hub.support.HubClient;
import nl.koppelpunt.hub.support.HubIntegrationTest;
import nl.koppelpunt.schemas.Berichttype;

/**
 * The authorisation matrix at every REST entry point, with the real gateway and real mutual-TLS clients of all demo
 * partners: each endpoint family × each partner answers 2xx exactly when the matrix allows and 403 when the role may
 * not; another partner's or another gemeente's message is 404 like an unknown one; impersonation is 403 naming the
 * header or field; and no answer carries a payload.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AutorisatieHttpTest extends HubIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> PARTNERS = List.of("coa", "tvs", "duo", "gemeente-utrecht", "beheer", "operator", "auditor");
    /** Onboarded nowhere: what is linked to it parks as gemeente-niet-aangesloten, so it can always be replayed. */
    private static final String GM_ROTTERDAM = "GM0599";
    private static final String BSN_GEPARKEERD = "999996708";
    private static final String BSN_AMSTERDAM = "111222333";
    private static final String TVS_OIN = "00000099000000000002";

    @Autowired
    PartnerRegister partners;

    /** A screening parked for a gemeente that is not onboarded, sent by coa. */
    private UUID geparkeerd;

    @BeforeAll
    void parkAScreening() throws Exception {
        verwerkt(post("coa", "/api/v1/koppelingen", Berichten.koppeling(BSN_GEPARKEERD, GM_ROTTERDAM)));
        geparkeerd = post("coa", "/api/v1/screenings", Berichten.screening(BSN_GEPARKEERD));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM parkering WHERE bericht_id = ?", Integer.class, geparkeerd) > 0);
    }

    // ------------------------------------------------------------------------------------- endpoint families × roles

    /** One call of an endpoint family: its operation, whether it needs the cell alle, and its success status. */
    record Aanroep(String naam, Operatie operatie, boolean alle, int gelukt, BiFunction<AutorisatieHttpTest, HubClient, HttpResponse<String>> doe) {
        @Override
        public String toString() {
            return naam;
        }
    }

    static Stream<Arguments> beheerEnContract() {
        List<Aanroep> aanroepen = List.of(
                new Aanroep("GET /openapi.json", Operatie.CONTRACT_LEZEN, false, 200,
                        (t, c) -> c.get("/api/v1/openapi.json")),
                new Aanroep("GET /beheer/geparkeerd", Operatie.OVERZICHT_LEZEN, true, 200,
                        (t, c) -> c.get("/api/v1/beheer/geparkeerd?gemeentecode=" + GM_ROTTERDAM)),
                new Aanroep("GET /beheer/mislukt", Operatie.OVERZICHT_LEZEN, true, 200,
                        (t, c) -> c.get("/api/v1/beheer/mislukt")),
                new Aanroep("POST /beheer/berichten/{id}/herhalen", Operatie.HERHALEN, true, 202,
                        (t, c) -> send(c, "/api/v1/beheer/berichten/" + t.geparkeerd + "/herhalen", null)),
                new Aanroep("POST /beheer/herhalen", Operatie.HERHALEN, true, 202,
                        (t, c) -> send(c, "/api/v1/beheer/herhalen", "{\"soort\":\"mislukt\",\"gemeentecode\":\"GM9999\"}")),
                new Aanroep("POST /beheer/partners/herladen", Operatie.PARTNERS_HERLADEN, true, 200,
                        (t, c) -> send(c, "/api/v1/beheer/partners/herladen", null)));
        List<Arguments> cellen = new ArrayList<>();
        for (Aanroep aanroep : aanroepen) {
            for (String partner : PARTNERS) {
                cellen.add(Arguments.of(partner, aanroep));
            }
        }
        return cellen.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("beheerEnContract")
    void adminAndContractEndpointsAnswerAsTheMatrixSays(String partnerId, Aanroep aanroep) throws Exception {
        Reikwijdte cel = Autorisatie.reikwijdte(partner(partnerId).rol(), aanroep.operatie());
        boolean mag = aanroep.alle() ? cel == Reikwijdte.ALLE : cel != Reikwijdte.GEEN;

        HttpResponse<String> antwoord = aanroep.doe().apply(this, client(partnerId));

        if (mag) {
            assertThat(antwoord.statusCode()).as(antwoord.body()).isEqualTo(aanroep.gelukt());
        } else {
            problem(antwoord, 403, "niet-toegestaan");
        }
    }

    static Stream<Arguments> intake() {
        List<Arguments> cellen = new ArrayList<>();
        for (Berichttype type : Berichttype.inkomende()) {
            for (String partner : PARTNERS) {
                cellen.add(Arguments.of(partner, type));
            }
        }
        return cellen.stream();
    }

    @ParameterizedTest(name = "{0} sends {1}")
    @MethodSource("intake")
    void intakeAcceptsExactlyWhatTheMatrixLetsTheRoleSend(String partnerId, Berichttype type) throws Exception {
        HttpResponse<String> antwoord = client(partnerId).post("/api/v1/" + collectie(type), uniqueKey(), voorbeeld(type));

        if (Autorisatie.magVersturen(partner(partnerId), type)) {
            assertThat(antwoord.statusCode()).as(antwoord.body()).isEqualTo(202);
        } else {
            problem(antwoord, 403, "niet-toegestaan");
        }
    }

    @ParameterizedTest(name = "{0} reads the status of a message of coa")
    @MethodSource("partners")
    void statusOfAMessageForItsSenderAndAdministratorsOnly(String partnerId) throws Exception {
        Partner partner = partner(partnerId);
        HttpResponse<String> antwoord = client(partnerId).get("/api/v1/berichten/" + geparkeerd);

        if (!Autorisatie.mag(partner.rol(), Operatie.STATUS_LEZEN)) {
            problem(antwoord, 403, "niet-toegestaan");
        } else if (Autorisatie.mag(partner, Operatie.STATUS_LEZEN, Eigenaar.partner("coa"))) {
            assertThat(antwoord.statusCode()).as(antwoord.body()).isEqualTo(200);
            assertThat(JSON.readTree(antwoord.body()).path("status").asText()).isEqualTo("geparkeerd");
        } else {
            zelfdeAlsOnbekend(partnerId, antwoord, geparkeerd);
        }
    }

    static Stream<String> partners() {
        return PARTNERS.stream();
    }

    // -------------------------------------------------------------------------------- other partners' and gemeenten's

    @Test
    void anotherPartnersMessageIdIs404AndItsIdempotencyKeyGivesOnlyANewMessageOfOnesOwn() throws Exception {
        String key = uniqueKey();
        byte[] koppeling = Berichten.koppeling(BSN_GEPARKEERD, GM_ROTTERDAM);
        HttpResponse<String> vanCoa = client("coa").post("/api/v1/koppelingen", key, koppeling);
        UUID coaId = id(vanCoa);

        zelfdeAlsOnbekend("tvs", client("tvs").get("/api/v1/berichten/" + coaId), coaId);
        HttpResponse<String> vanTvs = client("tvs").post("/api/v1/koppelingen", key, koppeling);
        assertThat(vanTvs.statusCode()).isEqualTo(202);
        assertThat(vanTvs.headers().firstValue("Idempotent-Replayed")).hasValue("false");
        UUID tvsId = id(vanTvs);
        assertThat(tvsId).isNotEqualTo(coaId);
        assertThat(client("tvs").get("/api/v1/berichten/" + tvsId).statusCode()).isEqualTo(200);
        zelfdeAlsOnbekend("coa", client("coa").get("/api/v1/berichten/" + tvsId), tvsId);
        // Replaying someone else's message by id is refused by role, the same for any id.
        HttpResponse<String> herhaal = send(client("tvs"), "/api/v1/beheer/berichten/" + coaId + "/herhalen", null);
        HttpResponse<String> herhaalOnbekend = send(client("tvs"), "/api/v1/beheer/berichten/" + UUID.randomUUID() + "/herhalen", null);
        problem(herhaal, 403, "niet-toegestaan");
        assertThat(herhaal.body().replace(coaId.toString(), "ID")).isEqualTo(herhaalOnbekend.body().replaceAll(
                "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "ID"));
    }

    @Test
    void aGemeenteCannotReadWhatWentToAnotherGemeenteNorLearnThatItExists() throws Exception {
        verwerkt(post("coa", "/api/v1/koppelingen", Berichten.koppeling(BSN_AMSTERDAM, "GM0363")));
        UUID screening = post("coa", "/api/v1/screenings", Berichten.screening(BSN_AMSTERDAM));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM bezorging WHERE bericht_id = ? AND gemeentecode = 'GM0363'", Integer.class, screening) > 0);

        zelfdeAlsOnbekend("gemeente-utrecht", client("gemeente-utrecht").get("/api/v1/berichten/" + screening), screening);
        // Deliveries to itself have no lookup endpoint yet (bezorging-lezen): the status endpoint shows senders only.
        zelfdeAlsOnbekend("gemeente-amsterdam", client("gemeente-amsterdam").get("/api/v1/berichten/" + screening), screening);
        assertThat(client("operator").get("/api/v1/berichten/" + screening).body()).contains("GM0363");
    }

    // ------------------------------------------------------------------------------------------------ impersonation

    @Test
    void aHeaderWithAnotherPartnersOinIsRefusedAndNamed() throws Exception {
        HubClient coa = client("coa");
        HttpResponse<String> geweigerd = coa.send(HttpRequest.newBuilder(coa.uri("/api/v1/berichten/" + geparkeerd))
                .header("X-OIN", TVS_OIN).GET().build());
        assertThat(problem(geweigerd, 403, "andere-identiteit").at("/invalidParams/0/name").asText()).isEqualToIgnoringCase("X-OIN");
        assertThat(geweigerd.body()).doesNotContain(TVS_OIN);

        HttpResponse<String> eigen = coa.send(HttpRequest.newBuilder(coa.uri("/api/v1/berichten/" + geparkeerd))
                .header("X-OIN", partner("coa").oin()).GET().build());
        assertThat(eigen.statusCode()).isEqualTo(200);

        // An operator may list parked messages, but not while claiming to be the beheerder.
        HubClient operator = client("operator");
        HttpResponse<String> alsBeheer = operator.send(HttpRequest.newBuilder(operator.uri("/api/v1/beheer/geparkeerd"))
                .header("Afzender-OIN", partner("beheer").oin()).GET().build());
        assertThat(problem(alsBeheer, 403, "andere-identiteit").at("/invalidParams/0/name").asText())
                .isEqualToIgnoringCase("Afzender-OIN");
    }

    @Test
    void aMessageClaimingAnotherSenderOinIsRefusedNamingTheFieldAndNotStored() throws Exception {
        String key = uniqueKey();
        ObjectNode koppeling = (ObjectNode) JSON.readTree(Berichten.koppeling(BSN_GEPARKEERD, GM_ROTTERDAM));
        koppeling.putObject("afzender").put("oin", TVS_OIN);

        HttpResponse<String> antwoord = client("coa").post("/api/v1/koppelingen", key, JSON.writeValueAsBytes(koppeling));

        JsonNode problem = problem(antwoord, 403, "andere-identiteit");
        assertThat(problem.at("/invalidParams/0/name").asText()).isEqualTo("/afzender/oin");
        assertThat(problem.path("invalidParams")).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM bericht WHERE idempotentie_sleutel = ?", Integer.class, key)).isZero();

        ObjectNode profiel = (ObjectNode) JSON.readTree(Berichten.klantprofiel(BSN_GEPARKEERD, 1));
        profiel.put("afzenderOin", TVS_OIN);
        assertThat(problem(client("coa").post("/api/v1/klantprofielen", uniqueKey(), JSON.writeValueAsBytes(profiel)),
                403, "andere-identiteit").at("/invalidParams/0/name").asText()).isEqualTo("/afzenderOin");
    }

    // ------------------------------------------------------------------------------------------------- no payloads

    @Test
    void noStatusOrAdminAnswerCarriesThePayload() throws Exception {
        UUID profiel = post("coa", "/api/v1/klantprofielen", Berichten.klantprofiel(BSN_GEPARKEERD, 7));
        verwerkt(profiel);
        List<String> antwoorden = new ArrayList<>();
        for (String partnerId : List.of("coa", "beheer", "operator")) {
            HttpResponse<String> status = client(partnerId).get("/api/v1/berichten/" + profiel);
            assertThat(status.statusCode()).isEqualTo(200);
            antwoorden.add(status.body());
        }
        for (String partnerId : List.of("beheer", "operator")) {
            antwoorden.add(client(partnerId).get("/api/v1/beheer/geparkeerd").body());
            antwoorden.add(client(partnerId).get("/api/v1/beheer/mislukt").body());
        }
        assertThat(antwoorden).allSatisfy(body -> assertThat(body)
                .doesNotContain(BSN_GEPARKEERD, BSN_AMSTERDAM, "123456782", "Vergunninghouder", "Luttelgeest", "Oosterringweg",
                        "persoonsgegevens", "burgerservicenummer", "Eigen winkel"));
    }

    // ----------------------------------------------------------------------------------------------------- helpers

    private Partner partner(String id) {
        return partners.huidig().byId(id).orElseThrow();
    }

    private UUID post(String partnerId, String path, byte[] body) throws Exception {
        HttpResponse<String> antwoord = client(partnerId).post(path, uniqueKey(), body);
        assertThat(antwoord.statusCode()).as(antwoord.body()).isEqualTo(202);
        return id(antwoord);
    }

    /** Waits until the rules processed the message, so what follows for the same person sees its effect. */
    private void verwerkt(UUID id) {
        await().atMost(Duration.ofSeconds(30)).until(() -> events(id, "verwerkt") == 1);
    }

    private static UUID id(HttpResponse<String> antwoord) throws Exception {
        return UUID.fromString(JSON.readTree(antwoord.body()).path("berichtId").asText());
    }

    private static HttpResponse<String> send(HubClient client, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(client.uri(path)).timeout(Duration.ofSeconds(30));
        if (json == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        }
        return client.send(request.build());
    }

    /** 404, and the very answer an id that never existed gets: nothing tells the two apart. */
    private void zelfdeAlsOnbekend(String partnerId, HttpResponse<String> antwoord, UUID id) throws Exception {
        problem(antwoord, 404, "niet-gevonden");
        UUID onbekend = UUID.randomUUID();
        HttpResponse<String> onbekendAntwoord = client(partnerId).get("/api/v1/berichten/" + onbekend);
        assertThat(antwoord.body().replace(id.toString(), "ID")).isEqualTo(onbekendAntwoord.body().replace(onbekend.toString(), "ID"));
    }

    private static JsonNode problem(HttpResponse<String> antwoord, int status, String slug) throws Exception {
        assertThat(antwoord.statusCode()).as(antwoord.body()).isEqualTo(status);
        assertThat(antwoord.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(antwoord.body());
        assertThat(problem.path("type").asText()).isEqualTo("urn:koppelpunt:probleem:" + slug);
        return problem;
    }

    private static String collectie(Berichttype type) {
        switch (type) {
            case KLANTPROFIEL: return "klantprofielen";
            case SCREENING: return "screenings";
            case KOPPELING: return "koppelingen";
            case TOESTEMMING: return "toestemmingen";
            case DUO_INBURGERINGSSTATUS: return "duo-inburgeringsstatussen";
            default: throw new IllegalArgumentException(type.code() + " is not sent by partners");
        }
    }

    private static byte[] voorbeeld(Berichttype type) {
        switch (type) {
            case KLANTPROFIEL: return Berichten.klantprofiel(BSN_GEPARKEERD, 1);
            case SCREENING: return Berichten.screening(BSN_GEPARKEERD);
            case KOPPELING: return Berichten.koppeling(BSN_GEPARKEERD, GM_ROTTERDAM);
            case TOESTEMMING: return Berichten.toestemming(BSN_GEPARKEERD, GM_ROTTERDAM, true);
            case DUO_INBURGERINGSSTATUS: return Berichten.duoInburgeringsstatus(BSN_GEPARKEERD, 1);
            default: throw new IllegalArgumentException(type.code() + " is not sent by partners");
        }
    }
}
