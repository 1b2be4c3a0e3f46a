package nl.koppelpunt.hub.support;

import java.io.IOException;
import java.nio.file.Path;
import java.util.UUID;


import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import nl.koppelpunt.hub.KoppelpuntApplication;

/**
 * The whole gateway on its embedded defaults (real PostgreSQL, real Artemis, HTTPS with client certificates) in a
 * data directory of its own. Subclasses share one application context, so it starts once per test run.
 */
// Observability on: the Prometheus endpoint is part of what is tested (Boot's tests switch exporters off by default).
@AutoConfigureObservability
@SpringBootTest(classes = KoppelpuntApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class HubIntegrationTest {

    protected static final Path DATA_DIR = HubClient.tijdelijkeMap("koppelpunt-it-");

    @LocalServerPort
    protected int port;

    @LocalManagementPort
    protected int managementPort;

    @Autowired
    protected JdbcTemplate jdbc;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("koppelpunt.data-dir", DATA_DIR::toString);
        // These tests are about intake; the demo gemeenten's webhooks do not exist here, so deliveries stay queued.
        registry.add("koppelpunt.bezorging.auto-startup", () -> "false");
    }

    protected HubClient client(String partnerId) {
        return HubClient.partner(DATA_DIR, partnerId, port);
    }


    protected static String uniqueKey() {
        return "test-" + UUID.randomUUID();
    }

    protected int events(UUID berichtId, String soort) {
        return jdbc.queryForObject("SELECT count(*) FROM bericht_gebeurtenis WHERE bericht_id = ? AND soort = ?",
                Integer.class, berichtId, soort);
    }

}
