package nl.koppelpunt.hub.toelating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import nl.koppelpunt.hub.KoppelpuntApplication;
import nl.koppelpunt.hub.support.HubClient;
import nl.koppelpunt.hub.support.Voorbeelden;

/**
 * Admission control against the real broker: while processing is stopped the ontvangen queue fills; above the limit
 * intake holds a request for at most its wait, then answers 503 + Retry-After without storing anything, and accepts the same message again once the backlog is
 * worked off.
 */
@DirtiesContext
@SpringBootTest(classes = KoppelpuntApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ToelatingTest {

    private static final Path DATA_DIR = HubClient.tijdelijkeMap("koppelpunt-toelating-");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAXIMUM = 3;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("koppelpunt.data-dir", DATA_DIR::toString);
        registry.add("koppelpunt.verwerking.auto-startup", () -> "false");
        registry.add("koppelpunt.bezorging.auto-startup", () -> "false");
        registry.add("koppelpunt.intake.toelating.max-werkvoorraad", () -> String.valueOf(MAXIMUM));
        registry.add("koppelpunt.intake.toelating.meet-interval-ms", () -> "50");
        registry.add("koppelpunt.intake.toelating.max-wachttijd-ms", () -> "300");
    }

    @Autowired
    Werkvoorraad werkvoorraad;
    @Autowired
    CamelContext camel;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    @Test
    void aBacklogAboveTheLimitIsRefusedWith503UntilItIsWorkedOff() throws Exception {
        HubClient coa = HubClient.partner(DATA_DIR, "coa", port);
        for (int i = 1; i <= MAXIMUM + 1; i++) {
            assertThat(coa.post("/api/v1/klantprofielen", "vol-" + i, Voorbeelden.seedKlantprofiel()).statusCode())
                    .isEqualTo(202);
        }
        // The broker itself reports the backlog (management query), not a counter of ours.
        await().atMost(Duration.ofSeconds(10)).until(() -> werkvoorraad.diepte() == MAXIMUM + 1);

        String key = "te-veel-" + UUID.randomUUID();
        HttpResponse<String> refused = coa.post("/api/v1/klantprofielen", key, Voorbeelden.seedKlantprofiel());
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(refused.body()).path("type").asText()).isEqualTo("urn:koppelpunt:probleem:hub-overbelast");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM bericht WHERE idempotentie_sleutel = ?", Integer.class, key))
                .as("a refused message is not stored").isZero();

        camel.getRouteController().startRoute("verwerking");
        await().atMost(Duration.ofSeconds(30)).until(() -> werkvoorraad.diepte() == 0);

        HttpResponse<String> retried = coa.post("/api/v1/klantprofielen", key, Voorbeelden.seedKlantprofiel());
        assertThat(retried.statusCode()).isEqualTo(202);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM bericht WHERE idempotentie_sleutel = ?", Integer.class, key))
                .isEqualTo(1);
    }
}
