package nl.koppelpunt.hub.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

import nl.koppelpunt.connectors.pki.DevelopmentPki;
import nl.koppelpunt.connectors.pki.PartnerIdentity;
import nl.koppelpunt.connectors.pki.PemSslContexts;
import nl.koppelpunt.hub.support.HubClient;
import nl.koppelpunt.hub.support.HubIntegrationTest;
import nl.koppelpunt.hub.support.Voorbeelden;

/** Mutual TLS identity (401), role × type authorisation (403), own messages only, and open probes. */
class IdentityTest extends HubIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void noClientCertificateIs401() throws Exception {
        HubClient anonymous = new HubClient(PemSslContexts.trustOnly(DATA_DIR.resolve("pki/ca.crt")), port);
        BadInputTest.problem(anonymous.post("/api/v1/klantprofielen", uniqueKey(), Voorbeelden.seedKlantprofiel()),
                401, "niet-geauthenticeerd");
        BadInputTest.problem(anonymous.get("/api/v1/openapi.json"), 401, "niet-geauthenticeerd");
    }

    @Test
    void certificateOfAnUnknownOinIs401() throws Exception {
        Path dir = Files.createTempDirectory("onbekend");
        DevelopmentPki pki = DevelopmentPki.ensure(DATA_DIR.resolve("pki"), List.of(), List.of("localhost"));
        pki.issue(new PartnerIdentity("onbekend", "Onbekende partij", "00000099000000012345"),
                dir.resolve("onbekend.crt"), dir.resolve("onbekend.key"));
        HubClient unknown = new HubClient(PemSslContexts.client(dir.resolve("onbekend.crt"), dir.resolve("onbekend.key"),
                DATA_DIR.resolve("pki/ca.crt")), port);

        BadInputTest.problem(unknown.post("/api/v1/klantprofielen", uniqueKey(), Voorbeelden.seedKlantprofiel()),
                401, "niet-geauthenticeerd");
    }

    @Test
    void certificateFromAnUntrustedCaFailsTheHandshake() throws Exception {
        Path dir = Files.createTempDirectory("vreemd");
        DevelopmentPki foreign = DevelopmentPki.ensure(dir, List.of(new PartnerIdentity("coa", "Nep COA", "00000099000000000001")),
                List.of("localhost"));
        HubClient impostor = new HubClient(PemSslContexts.client(foreign.partnerCertificate("coa"),
                foreign.partnerKey("coa"), DATA_DIR.resolve("pki/ca.crt")), port);

        assertThatThrownBy(() -> impostor.post("/api/v1/klantprofielen", uniqueKey(), Voorbeelden.seedKlantprofiel()))
                .hasRootCauseInstanceOf(javax.net.ssl.SSLException.class);
    }

    @Test
    void aKnownPartnerSendingATypeItMayNotSendIs403() throws Exception {
        byte[] profiel = Voorbeelden.seedKlantprofiel();
        BadInputTest.problem(client("gemeente-utrecht").post("/api/v1/klantprofielen", uniqueKey(), profiel), 403, "niet-toegestaan");
        BadInputTest.problem(client("tvs").post("/api/v1/klantprofielen", uniqueKey(), profiel), 403, "niet-toegestaan");
        BadInputTest.problem(client("duo").post("/api/v1/toestemmingen", uniqueKey(), profiel), 403, "niet-toegestaan");
    }

    @Test
    void aPartnerSeesOnlyItsOwnMessagesAndBeheerSeesAll() throws Exception {
        HttpResponse<String> accepted = client("coa").post("/api/v1/klantprofielen", uniqueKey(), Voorbeelden.seedKlantprofiel());
        String location = accepted.headers().firstValue("Location").orElseThrow();

        assertThat(client("coa").get(location).statusCode()).isEqualTo(200);
        BadInputTest.problem(client("gemeente-utrecht").get(location), 404, "niet-gevonden");
        BadInputTest.problem(client("tvs").get(location), 404, "niet-gevonden");
        HttpResponse<String> beheer = client("beheer").get(location);
        assertThat(beheer.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(beheer.body()).path("afzender").asText()).isEqualTo("coa");
    }

    @Test
    void healthAndMetricsAreOpenOnTheManagementPortWithoutACertificate() throws Exception {
        HttpClient plain = HttpClient.newHttpClient();
        HttpResponse<String> health = plain.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + managementPort + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(health.body()).path("status").asText()).isEqualTo("UP");
        HttpResponse<String> readiness = plain.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + managementPort + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(readiness.statusCode()).isEqualTo(200);
        HttpResponse<String> metrics = plain.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + managementPort + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void theManagementEndpointsAreNotOnThePartnerPort() throws Exception {
        BadInputTest.problem(client("beheer").get("/actuator/health"), 404, "niet-gevonden");
    }
}
