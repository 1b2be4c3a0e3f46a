package nl.koppelpunt.hub.beveiliging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import nl.koppelpunt.connectors.pki.PemSslContexts;
import nl.koppelpunt.hub.support.HubClient;
import nl.koppelpunt.hub.support.Voorbeelden;

/**
 * Secrets stay in configuration: the actuator shows no environment or configuration (where the pseudonym key and
 * passwords live), not on the management port and not on the API port; and no secret appears in any log line of a
 * start and of a run of requests.
 */
class GeheimenTest extends BeveiligdeGatewayTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    private Environment env;

    @AfterAll
    static void laatDeLogsLos() {
        LOGS.ontkoppel();
    }

    @ParameterizedTest
    @ValueSource(strings = {"env", "configprops", "beans", "heapdump", "threaddump", "loggers", "mappings", "metrics"})
    void theActuatorDoesNotExposeEnvironmentOrInternals(String endpoint) throws Exception {
        assertThat(beheerpoort("/actuator/" + endpoint).statusCode()).isEqualTo(404);
        assertThat(client("coa-emmen").get("/actuator/" + endpoint).statusCode()).isEqualTo(404);
    }

    @Test
    void theActuatorListsOnlyProbesMetricsAndInfo() throws Exception {
        JsonNode links = JSON.readTree(beheerpoort("/actuator").body()).path("_links");
        List<String> namen = new ArrayList<>();
        links.fieldNames().forEachRemaining(namen::add);

        assertThat(namen).isSubsetOf("self", "health", "health-path", "prometheus", "info");
        assertThat(beheerpoort("/actuator/info").body()).doesNotContain(pseudoniemSleutel());
    }

    @Test
    void noSecretInAnyLogLineOfTheStartAndOfRequests() throws Exception {
        // Requests through every layer: accepted, refused as bad input, unauthenticated.
        client("coa-emmen").post("/api/v1/koppelingen", "geheim-" + UUID.randomUUID(),
                Voorbeelden.bytes("koppelpunt/contracts/v1/examples/koppeling/valid/koppeling-utrecht.json"));
        client("coa-emmen").post("/api/v1/koppelingen", "geheim-" + UUID.randomUUID(), Voorbeelden.utf8("{"));
        new HubClient(PemSslContexts.trustOnly(DATA_DIR.resolve("pki/ca.crt")), port).get("/api/v1/openapi.json");

        List<String> regels = LOGS.regels();
        // The capture began before the context started, or this test would prove nothing.
        assertThat(regels).anyMatch(regel -> regel.contains("Tomcat started on port"));
        List<String> geheimen = new ArrayList<>();
        geheimen.add(pseudoniemSleutel());
        geheimen.addAll(pemRegels(DATA_DIR.resolve("pki/server.key")));
        geheimen.addAll(pemRegels(DATA_DIR.resolve("pki/coa.key")));
        geheimen.addAll(pemRegels(DATA_DIR.resolve("sleutels/ondertekening.key")));
        for (String geheim : geheimen) {
            assertThat(regels).noneMatch(regel -> regel.contains(geheim));
        }
    }

    private String pseudoniemSleutel() {
        String sleutel = env.getRequiredProperty("koppelpunt.pseudoniem.sleutel");
        assertThat(sleutel).hasSizeGreaterThanOrEqualTo(40);
        return sleutel;
    }

    /** The base64 lines of a PEM private key: any one of them in a log would leak part of the key. */
    private static List<String> pemRegels(Path pem) throws Exception {
        List<String> regels = Files.readAllLines(pem).stream().filter(r -> !r.startsWith("-----") && r.length() >= 16)
                .toList();
        assertThat(regels).isNotEmpty();
        return regels;
    }

    private HttpResponse<String> beheerpoort(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
