package nl.koppelpunt.hub.beveiliging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;

import nl.koppelpunt.connectors.pki.PemSslContexts;
import nl.koppelpunt.hub.support.HubClient;
import nl.koppelpunt.hub.support.HubIntegrationTest;
import nl.koppelpunt.hub.support.Voorbeelden;

/** Every response of the API port carries the security headers: successes, and errors from every layer. */
class SecurityHeadersTest extends HubIntegrationTest {

    static final Map<String, String> HEADERS = Map.of(
            "Strict-Transport-Security", "max-age=31536000; includeSubDomains",
            "X-Content-Type-Options", "nosniff",
            "Cache-Control", "no-store",
            "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer");

    @Test
    void onAnAccepted202() {
        HttpResponse<String> response = client("coa").post("/api/v1/klantprofielen", uniqueKey(),
                Voorbeelden.seedKlantprofiel());
        assertSecure(response, 202);
    }

    @Test
    void onA200FromAnotherController() {
        assertSecure(client("coa").get("/api/v1/openapi.json"), 200);
    }

    @Test
    void onA400ProblemFromTheIntakeFlow() {
        assertProblem(client("coa").post("/api/v1/klantprofielen", uniqueKey(), Voorbeelden.utf8("{\"profielversie\": 1,")),
                400);
    }

    @Test
    void onA401FromTheCertificateFilter() {
        HubClient anonymous = new HubClient(PemSslContexts.trustOnly(DATA_DIR.resolve("pki/ca.crt")), port);
        assertProblem(anonymous.get("/api/v1/openapi.json"), 401);
    }

    @Test
    void onA404ForAnUnknownPathAndAnUnknownMessage() {
        assertProblem(client("coa").get("/api/v1/bestaat-niet"), 404);
        assertProblem(client("coa").get("/api/v1/berichten/00000000-0000-0000-0000-000000000000"), 404);
    }

    @Test
    void onA405() {
        HubClient coa = client("coa");
        assertProblem(coa.send(HttpRequest.newBuilder(coa.uri("/api/v1/klantprofielen")).DELETE().build()), 405);
    }

    @Test
    void onA413() {
        byte[] big = new byte[1024 * 1024 + 1];
        Arrays.fill(big, (byte) ' ');
        assertProblem(client("coa").post("/api/v1/klantprofielen", uniqueKey(), big), 413);
    }

    @Test
    void onA415() {
        assertProblem(client("coa").post("/api/v1/klantprofielen", uniqueKey(), Voorbeelden.seedKlantprofiel(),
                "text/plain"), 415);
    }

    /** The public signing keys are the one response that may be cached; every other header is there. */
    @Test
    void onThePublicSigningKeysWhichMayBeCached() {
        HubClient anonymous = new HubClient(PemSslContexts.trustOnly(DATA_DIR.resolve("pki/ca.crt")), port);
        HttpResponse<String> response = anonymous.get("/.well-known/jwks.json");

        assertThat(response.statusCode()).isEqualTo(200);
        HEADERS.forEach((name, value) -> {
            if (!name.equals("Cache-Control")) {
                assertThat(response.headers().allValues(name)).as(name).containsExactly(value);
            }
        });
        assertThat(response.headers().allValues("Cache-Control")).singleElement().asString().contains("max-age=");
    }

    static void assertProblem(HttpResponse<String> response, int status) {
        assertSecure(response, status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    static void assertSecure(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        HEADERS.forEach((name, value) ->
                assertThat(response.headers().allValues(name)).as("%s on a %d", name, status).containsExactly(value));
    }
}
