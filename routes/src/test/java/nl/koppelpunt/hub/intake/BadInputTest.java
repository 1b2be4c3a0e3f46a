package nl.koppelpunt.hub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;

import nl.koppelpunt.hub.support.HubClient;
import nl.koppelpunt.hub.support.HubIntegrationTest;
import nl.koppelpunt.hub.support.Voorbeelden;

/** Bad input is a clear problem+json with the failing field, never a 500, and never stores anything. */
class BadInputTest extends HubIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KLANTPROFIELEN = "/api/v1/klantprofielen";

    @Test
    void malformedJsonIs400WithPosition() throws Exception {
        JsonNode problem = problem(post(Voorbeelden.utf8("{\"profielversie\": 1,")), 400, "ongeldig-bericht");
        assertThat(param(problem, 0).path("name").asText()).isEqualTo("");
        assertThat(param(problem, 0).path("reason").asText()).contains("geen geldige JSON").contains("regel 1");
    }

    @Test
    void trailingGarbageAndDuplicateKeysAre400() throws Exception {
        problem(post(Voorbeelden.utf8("{\"profielversie\": 1} {}")), 400, "ongeldig-bericht");
        problem(post(Voorbeelden.utf8("{\"profielversie\": 1, \"profielversie\": 2}")), 400, "ongeldig-bericht");
    }

    @Test
    void schemaViolationNamesTheFieldAsJsonPointer() throws Exception {
        ObjectNode profiel = Voorbeelden.seedKlantprofielJson();
        profiel.remove("profielversie");
        JsonNode problem = problem(post(Voorbeelden.bytes(profiel)), 400, "ongeldig-bericht");
        assertThat(problem.path("invalidParams").findValuesAsText("name")).contains("/profielversie");
    }

    @Test
    void badBsnIs400AndTheBsnIsNotEchoed() throws Exception {
        ObjectNode profiel = Voorbeelden.seedKlantprofielJson();
        ((ObjectNode) profiel.path("persoonsgegevens")).put("burgerservicenummer", "123456789");
        HttpResponse<String> response = post(Voorbeelden.bytes(profiel));
        JsonNode problem = problem(response, 400, "ongeldig-bericht");
        assertThat(problem.path("invalidParams").findValuesAsText("name")).containsExactly("/persoonsgegevens/burgerservicenummer");
        assertThat(response.body()).doesNotContain("123456789");
    }

    @Test
    void bodyOverTheLimitIs413() throws Exception {
        byte[] big = new byte[1024 * 1024 + 1];
        Arrays.fill(big, (byte) ' ');
        problem(post(big), 413, "bericht-te-groot");
    }

    @Test
    void chunkedBodyOverTheLimitIs413() throws Exception {
        byte[] big = new byte[1024 * 1024 + 1];
        Arrays.fill(big, (byte) ' ');
        // An InputStream publisher has no known length, so the client sends it chunked, without Content-Length.
        HttpRequest request = HttpRequest.newBuilder(client("coa").uri(KLANTPROFIELEN))
                .header("Content-Type", "application/json").header("Idempotency-Key", uniqueKey())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big))).build();
        problem(client("coa").send(request), 413, "bericht-te-groot");
    }

    @Test
    void wrongContentTypeIs415() throws Exception {
        problem(client("coa").post(KLANTPROFIELEN, uniqueKey(), Voorbeelden.seedKlantprofiel(), "text/plain"), 415,
                "mediatype-niet-ondersteund");
        problem(client("coa").post(KLANTPROFIELEN, uniqueKey(), Voorbeelden.seedKlantprofiel(), null), 415,
                "mediatype-niet-ondersteund");
    }

    @Test
    void nestingDeeperThanTheLimitIs400() throws Exception {
        String deep = "{\"profielversie\": 1, \"x\": " + "[".repeat(200) + "]".repeat(200) + "}";
        JsonNode problem = problem(post(deep.getBytes(StandardCharsets.UTF_8)), 400, "ongeldig-bericht");
        assertThat(param(problem, 0).path("reason").asText()).contains("dieper genest");
    }

    @Test
    void missingIdempotencyKeyIs400NamingTheHeader() throws Exception {
        JsonNode problem = problem(client("coa").post(KLANTPROFIELEN, null, Voorbeelden.seedKlantprofiel()), 400,
                "ongeldig-verzoek");
        assertThat(param(problem, 0).path("name").asText()).isEqualTo("Idempotency-Key");
        problem(client("coa").post(KLANTPROFIELEN, "spaties zijn niet toegestaan", Voorbeelden.seedKlantprofiel()), 400,
                "ongeldig-verzoek");
    }

    @Test
    void unknownPathsMethodsAndIdsAreProblemsToo() throws Exception {
        HubClient coa = client("coa");
        problem(coa.post("/api/v1/onbekend", uniqueKey(), Voorbeelden.seedKlantprofiel()), 404, "niet-gevonden");
        problem(coa.get(KLANTPROFIELEN), 405, "methode-niet-toegestaan");
        problem(coa.get("/api/v1/berichten/geen-uuid"), 400, "ongeldig-verzoek");
        problem(coa.get("/api/v1/berichten/" + java.util.UUID.randomUUID()), 404, "niet-gevonden");
    }

    @Test
    void refusedMessagesStoreNothing() {
        String key = uniqueKey();
        post(Voorbeelden.utf8("{}"), key);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM bericht WHERE idempotentie_sleutel = ?", Integer.class, key))
                .isZero();
    }

    private HttpResponse<String> post(byte[] body) {
        return post(body, uniqueKey());
    }

    private HttpResponse<String> post(byte[] body, String key) {
        return client("coa").post(KLANTPROFIELEN, key, body);
    }

    static JsonNode problem(HttpResponse<String> response, int status, String slug) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("API-Version")).hasValue("1.0.0");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("type").asText()).isEqualTo("urn:koppelpunt:probleem:" + slug);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).isNotBlank();
        return problem;
    }

    private static JsonNode param(JsonNode problem, int index) {
        return problem.path("invalidParams").path(index);
    }
}
