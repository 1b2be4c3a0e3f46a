package nl.koppelpunt.hub.beveiliging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

import nl.koppelpunt.hub.support.HubClient;
import nl.koppelpunt.hub.support.Voorbeelden;

/**
 * Per-partner limits from the partner files: COA may do 1 request per second with a burst of 5, TVS may send bodies
 * of at most 2048 bytes, COA Emmen has no limieten and gets this context's defaults (8192 bytes).
 */
class PartnerLimietenTest extends BeveiligdeGatewayTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KOPPELINGEN = "/api/v1/koppelingen";
    private static final int COA_BURST = 5;

    @Test
    void aBurstThenA429WithRetryAfterOnlyForThatPartnerUntilItsBucketRefills() throws Exception {
        HubClient coa = client("coa");
        String onbekend = "/api/v1/berichten/" + UUID.randomUUID();

        // At 1 request per second, the burst goes through and then the bucket is empty long before a second passes.
        List<Integer> doorgelaten = new ArrayList<>();
        HttpResponse<String> geweigerd = null;
        for (int i = 0; i < 30 && geweigerd == null; i++) {
            HttpResponse<String> response = coa.get(onbekend);
            if (response.statusCode() == 429) {
                geweigerd = response;
            } else {
                doorgelaten.add(response.statusCode());
            }
        }
        assertThat(geweigerd).as("a 429 within 30 requests").isNotNull();
        assertThat(doorgelaten).hasSizeBetween(COA_BURST, 3 * COA_BURST).containsOnly(404);
        SecurityHeadersTest.assertProblem(geweigerd, 429);
        // One token per second: the next one is at most a second away.
        assertThat(geweigerd.headers().firstValue("Retry-After")).hasValue("1");
        JsonNode problem = JSON.readTree(geweigerd.body());
        assertThat(problem.path("type").asText()).isEqualTo("urn:koppelpunt:probleem:te-veel-verzoeken");
        assertThat(problem.path("detail").asText()).contains("1 verzoeken per seconde");

        // Another partner is not held up by COA's empty bucket.
        for (int i = 0; i < 2 * COA_BURST; i++) {
            assertThat(client("tvs").get(onbekend).statusCode()).isEqualTo(404);
        }

        // After waiting, COA's requests pass again.
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(250))
                .until(() -> coa.get(onbekend).statusCode(), status -> status == 404);
    }

    @Test
    void aBodyOverThePartnersOwnLimitIs413() throws Exception {
        HubClient tvs = client("tvs");

        assertThat(tvs.post(KOPPELINGEN, key(), koppeling(2000)).statusCode()).isEqualTo(202);
        HttpResponse<String> teGroot = tvs.post(KOPPELINGEN, key(), koppeling(2049));
        SecurityHeadersTest.assertProblem(teGroot, 413);
        assertThat(JSON.readTree(teGroot.body()).path("detail").asText()).contains("2048 bytes");
        // Without Content-Length (chunked) the body is cut off while it is read.
        SecurityHeadersTest.assertProblem(tvs.send(chunked(tvs, koppeling(2049))), 413);
    }

    @Test
    void aPartnerWithoutLimietenHasTheGlobalDefault() throws Exception {
        HubClient emmen = client("coa-emmen");

        // 2049 bytes is too much for TVS, not for a partner on the default of this context.
        assertThat(emmen.post(KOPPELINGEN, key(), koppeling(2049)).statusCode()).isEqualTo(202);
        HttpResponse<String> teGroot = emmen.post(KOPPELINGEN, key(), koppeling(STANDAARD_MAX_BODY + 1));
        SecurityHeadersTest.assertProblem(teGroot, 413);
        assertThat(JSON.readTree(teGroot.body()).path("detail").asText()).contains(STANDAARD_MAX_BODY + " bytes");
        SecurityHeadersTest.assertProblem(emmen.send(chunked(emmen, koppeling(STANDAARD_MAX_BODY + 1))), 413);
    }

    @Test
    void theLimitHoldsForEveryEndpointAlsoWhenSpringReadsTheBody() throws Exception {
        HubClient beheer = client("beheer");
        // Whitespace inside the object, so the JSON parser must read past the limit to reach the end of it.
        byte[] opdracht = Voorbeelden.utf8("{\"soort\":" + " ".repeat(STANDAARD_MAX_BODY) + "\"mislukt\"}");
        HttpRequest request = HttpRequest.newBuilder(beheer.uri("/api/v1/beheer/herhalen"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(opdracht))).build();

        // Chunked, so only the reading stops it: Jackson reads the body for the controller (@RequestBody).
        SecurityHeadersTest.assertProblem(beheer.send(request), 413);
    }

    /** A valid koppeling, padded with trailing whitespace (still the same JSON) to exactly {@code size} bytes. */
    private static byte[] koppeling(int size) {
        byte[] json = Voorbeelden.bytes("koppelpunt/contracts/v1/examples/koppeling/valid/koppeling-utrecht.json");
        assertThat(json.length).isLessThan(size);
        byte[] padded = Arrays.copyOf(json, size);
        Arrays.fill(padded, json.length, size, (byte) ' ');
        return padded;
    }

    private static HttpRequest chunked(HubClient client, byte[] body) {
        // An InputStream publisher has no known length, so the client sends it chunked, without Content-Length.
        return HttpRequest.newBuilder(client.uri(KOPPELINGEN))
                .header("Content-Type", "application/json").header("Idempotency-Key", key())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();
    }

    private static String key() {
        return "limiet-" + UUID.randomUUID();
    }
}
