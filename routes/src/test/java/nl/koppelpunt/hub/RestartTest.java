package nl.koppelpunt.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.koppelpunt.hub.support.HubClient;
import nl.koppelpunt.hub.support.Voorbeelden;

/**
 * Durability across a restart: a message accepted while nothing consumes is in PostgreSQL and in the Artemis journal
 * on disk; the next start on the same data directory consumes it, exactly once.
 */
class RestartTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    @Test
    void anAcceptedMessageIsConsumedOnceAfterARestart() throws Exception {
        UUID id;
        try (ConfigurableApplicationContext first = start(false)) {
            HttpResponse<String> accepted = client(first).post("/api/v1/klantprofielen", "restart-1", Voorbeelden.seedKlantprofiel());
            assertThat(accepted.statusCode()).isEqualTo(202);
            id = UUID.fromString(JSON.readTree(accepted.body()).path("berichtId").asText());
            assertThat(events(first, id, "in-wachtrij")).isEqualTo(1);
            assertThat(events(first, id, "verwerkt")).isZero();
        }

        try (ConfigurableApplicationContext second = start(true)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> events(second, id, "verwerkt") == 1);
            // The same key after the restart is still recognised: the idempotency keys are durable too.
            HttpResponse<String> repeat = client(second).post("/api/v1/klantprofielen", "restart-1", Voorbeelden.seedKlantprofiel());
            assertThat(JSON.readTree(repeat.body()).path("berichtId").asText()).isEqualTo(id.toString());
            assertThat(events(second, id, "verwerkt")).isEqualTo(1);
            assertThat(second.getBean(JdbcTemplate.class).queryForObject("SELECT count(*) FROM bericht", Integer.class)).isEqualTo(1);
        }
    }

    private ConfigurableApplicationContext start(boolean consume) {
        return new SpringApplicationBuilder(KoppelpuntApplication.class).run(
                "--koppelpunt.data-dir=" + dataDir,
                "--server.port=0",
                "--management.server.port=0",
                "--koppelpunt.verwerking.auto-startup=" + consume);
    }

    private HubClient client(ConfigurableApplicationContext context) {
        Path pki = dataDir.resolve("pki");
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        assertThat(Files.exists(pki.resolve("coa.crt"))).isTrue();
        return HubClient.partner(dataDir, "coa", port);
    }

    private static int events(ConfigurableApplicationContext context, UUID id, String soort) {
        return context.getBean(JdbcTemplate.class).queryForObject(
                "SELECT count(*) FROM bericht_gebeurtenis WHERE bericht_id = ? AND soort = ?", Integer.class, id, soort);
    }
}
