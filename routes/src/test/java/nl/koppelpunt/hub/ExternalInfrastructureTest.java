package nl.koppelpunt.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.koppelpunt.hub.support.HubClient;
import nl.koppelpunt.hub.support.Voorbeelden;

/**
 * External by configuration: with {@code spring.datasource.url} and {@code spring.artemis.broker-url} set, the gateway
 * starts neither its embedded database nor its embedded broker, and works against the ones it is given — here a
 * separate PostgreSQL server and a separate Artemis broker listening on TCP.
 */
class ExternalInfrastructureTest {

    @TempDir
    Path dataDir;
    @TempDir
    Path brokerDir;

    @Test
    void usesTheConfiguredDatabaseAndBrokerInsteadOfEmbeddedOnes() throws Exception {
        int brokerPort = freePort();
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ().setConfiguration(new ConfigurationImpl()
                .setPersistenceEnabled(true).setSecurityEnabled(false)
                .setJournalDirectory(brokerDir.resolve("journal").toString())
                .setBindingsDirectory(brokerDir.resolve("bindings").toString())
                .setLargeMessagesDirectory(brokerDir.resolve("large").toString())
                .setPagingDirectory(brokerDir.resolve("paging").toString())
                .addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + brokerPort));
        broker.start();
        try (EmbeddedPostgres database = EmbeddedPostgres.builder().start();
             ConfigurableApplicationContext app = new SpringApplicationBuilder(KoppelpuntApplication.class).run(
                     "--koppelpunt.data-dir=" + dataDir,
                     "--server.port=0",
                     "--management.server.port=0",
                     "--spring.datasource.url=" + database.getJdbcUrl("postgres", "postgres"),
                     "--spring.datasource.username=postgres",
                     "--spring.artemis.broker-url=tcp://127.0.0.1:" + brokerPort)) {

            assertThat(app.containsBean("embeddedPostgres")).isFalse();
            assertThat(Files.exists(dataDir.resolve("postgres"))).isFalse();
            assertThat(Files.exists(dataDir.resolve("artemis"))).isFalse();

            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            HubClient coa = HubClient.partner(dataDir, "coa", port);
            HttpResponse<String> accepted = coa.post("/api/v1/klantprofielen", "extern-1", Voorbeelden.seedKlantprofiel());
            assertThat(accepted.statusCode()).isEqualTo(202);
            UUID id = UUID.fromString(new ObjectMapper().readTree(accepted.body()).path("berichtId").asText());

            JdbcTemplate external = new JdbcTemplate(database.getPostgresDatabase());
            await().atMost(Duration.ofSeconds(30)).until(() -> external.queryForObject(
                    "SELECT count(*) FROM bericht_gebeurtenis WHERE bericht_id = ? AND soort = 'verwerkt'", Integer.class, id) == 1);
            // The message went through the external broker: its queue exists there and has seen the message.
            assertThat(broker.getActiveMQServer().locateQueue("koppelpunt.ontvangen").getMessagesAdded()).isEqualTo(1);
        } finally {
            broker.stop();
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
