package nl.koppelpunt.hub.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.koppelpunt.hub.KoppelpuntApplication;
import nl.koppelpunt.hub.bericht.BerichtRepository;
import nl.koppelpunt.hub.support.Berichten;
import nl.koppelpunt.hub.support.HubClient;

/**
 * Key rotation as an operator does it (docs/security/versleuteling.md), on one data directory across restarts: write
 * with k1; make k2 active next to k1 — everything stays readable, new values use k2; the re-encryption job moves
 * the old values to k2 in resumable batches until the count for k1 is 0; then the gateway starts without k1. Removing
 * k1 too early is refused at start-up, naming the key.
 */
class SleutelRotatieTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String K1 = sleutel();
    private static final String K2 = sleutel();

    @TempDir
    Path dataDir;

    @Test
    void oldValuesStayReadableAreMovedToTheNewKeyAndTheOldKeyCanThenBeRemoved() throws Exception {
        Map<UUID, String> geschreven = new LinkedHashMap<>();
        try (ConfigurableApplicationContext app = start(Map.of("k1", K1), "k1")) {
            for (int i = 0; i < 5; i++) {
                schrijf(app, geschreven, "k1-" + i);
            }
            assertThat(perSleutel(app)).containsExactlyEntriesOf(Map.of("k1", 5L));
        }

        assertThatThrownBy(() -> start(Map.of("k2", K2), "k2").close())
                .satisfies(e -> assertThat(NestedExceptionUtils.getMostSpecificCause(e))
                        .isInstanceOf(SleutelConfiguratieFout.class)
                        .hasMessageContaining("5 stored value(s) are encrypted with key 'k1', which is not configured"));

        try (ConfigurableApplicationContext app = start(Map.of("k1", K1, "k2", K2), "k2")) {
            leesAlles(app, geschreven);
            schrijf(app, geschreven, "k2-0");
            assertThat(perSleutel(app)).containsExactlyInAnyOrderEntriesOf(Map.of("k1", 5L, "k2", 1L));
            assertThat(prometheus(app)).containsPattern("koppelpunt_versleuteling_waarden\\{[^}]*sleutel=\"k1\"[^}]*} 5\\.0");
            CamelContext camel = app.getBean(CamelContext.class);
            assertThat(camel.getRouteController().getRouteStatus("herversleutelen")).isEqualTo(ServiceStatus.Started);

            // One run does one batch of two (max-batches 1), the next run goes on where it stopped.
            Herversleuteling job = app.getBean(Herversleuteling.class);
            assertThat(job.voerUit()).isEqualTo(2);
            assertThat(perSleutel(app)).containsEntry("k1", 3L);
            List<Integer> runs = new ArrayList<>();
            int n;
            while ((n = job.voerUit()) > 0) {
                runs.add(n);
            }
            assertThat(runs).containsExactly(2, 1);
            assertThat(perSleutel(app)).containsExactlyEntriesOf(Map.of("k2", 6L));
            assertThat(prometheus(app)).containsPattern("koppelpunt_versleuteling_waarden\\{[^}]*sleutel=\"k1\"[^}]*} 0\\.0");
            leesAlles(app, geschreven);
        }

        try (ConfigurableApplicationContext app = start(Map.of("k2", K2), "k2")) {
            leesAlles(app, geschreven);
            schrijf(app, geschreven, "k2-1");
            assertThat(perSleutel(app)).containsExactlyEntriesOf(Map.of("k2", 7L));
        }
    }

    private ConfigurableApplicationContext start(Map<String, String> sleutels, String actief) {
        List<String> args = new ArrayList<>(List.of(
                "--koppelpunt.data-dir=" + dataDir,
                "--server.port=0",
                "--management.server.port=0",
                "--koppelpunt.verwerking.auto-startup=false",
                "--koppelpunt.versleuteling.actieve-sleutel=" + actief,
                "--koppelpunt.versleuteling.herversleutelen.batch=2",
                "--koppelpunt.versleuteling.herversleutelen.max-batches=1"));
        sleutels.forEach((id, sleutel) -> args.add("--koppelpunt.versleuteling.sleutels." + id + "=" + sleutel));
        return new SpringApplicationBuilder(KoppelpuntApplication.class).run(args.toArray(String[]::new));
    }

    private void schrijf(ConfigurableApplicationContext app, Map<UUID, String> geschreven, String sleutel) throws Exception {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        byte[] screening = Berichten.screening("123456782");
        HttpResponse<String> antwoord = HubClient.partner(dataDir, "coa", port).post("/api/v1/screenings", sleutel, screening);
        assertThat(antwoord.statusCode()).as(antwoord.body()).isEqualTo(202);
        geschreven.put(UUID.fromString(JSON.readTree(antwoord.body()).path("berichtId").asText()), new String(screening));
    }

    private static void leesAlles(ConfigurableApplicationContext app, Map<UUID, String> geschreven) {
        BerichtRepository berichten = app.getBean(BerichtRepository.class);
        geschreven.forEach((id, inhoud) -> assertThat(new String(berichten.inhoud(id))).isEqualTo(inhoud));
    }

    private static Map<String, Long> perSleutel(ConfigurableApplicationContext app) {
        Map<String, Long> telling = new LinkedHashMap<>();
        app.getBean(JdbcTemplate.class).query("SELECT inhoud_versleuteld FROM bericht",
                rs -> {
                    telling.merge(Versleutelaar.sleutelId(rs.getBytes(1)), 1L, Long::sum);
                });
        return telling;
    }

    private static String prometheus(ConfigurableApplicationContext app) throws Exception {
        String port = app.getEnvironment().getProperty("local.management.port");
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String sleutel() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
