package nl.koppelpunt.hub.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import nl.koppelpunt.hub.KoppelpuntApplication;
import nl.koppelpunt.hub.support.Berichten;
import nl.koppelpunt.hub.support.HubClient;
import nl.koppelpunt.hub.support.PgpControle;

/**
 * The README's "Receiving over SFTP" walk-through as a test: the demo partner files of {@code config/partners} and the
 * demo gemeente's SFTP server inside the gateway ({@link DemoSftpGemeente}), as a newcomer starts them. COA links a
 * person to Groningen, gives consent and sends the seed's klantprofiel; the file that lands in the demo folder opens
 * with the gemeente's generated demo key and carries Koppelpunt's valid signature — what {@code gpg -d} shows there.
 */
@SpringBootTest(classes = KoppelpuntApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DemoGemeenteSftpTest {

    static final String BSN = "123456782";
    static final String GRONINGEN = "GM0014";

    private static final Path DATA_DIR = HubClient.tijdelijkeMap("koppelpunt-demo-gemeente-");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Chosen once: Spring asks a dynamic property's supplier again at every lookup. */
    private static final String DEMO_POORT = vrijePoort();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("koppelpunt.data-dir", DATA_DIR::toString);
        // On by default for people trying the gateway, off for tests (application.properties): on again here, on a
        // free port — the demo partner file reads the same property, as it does with the default 2223.
        registry.add("koppelpunt.demo.sftp-gemeente.enabled", () -> "true");
        registry.add("koppelpunt.demo.sftp-gemeente.poort", () -> DEMO_POORT);
    }

    @LocalServerPort
    int port;

    @Autowired
    DemoSftpGemeente demo;

    @Test
    void aProfileWithConsentForGroningenLandsInTheDemoFolderEncryptedToItsKeyAndSignedByKoppelpunt() throws Exception {
        assertThat(demo.isRunning()).isTrue();
        post("/api/v1/koppelingen", Berichten.koppeling(BSN, GRONINGEN));
        post("/api/v1/toestemmingen", Berichten.toestemming(BSN, GRONINGEN, true));
        UUID berichtId = post("/api/v1/klantprofielen", Berichten.klantprofiel(BSN, 1));

        Path map = DATA_DIR.resolve("demo-gemeente-sftp/werk-en-inkomen");
        await().atMost(Duration.ofSeconds(60)).until(() -> profielen(map).size() == 1);
        Path bestand = profielen(map).get(0);

        PgpControle.Geopend geopend = PgpControle.open(Files.readAllBytes(bestand),
                Files.readString(DATA_DIR.resolve("pki/gemeente-groningen-pgp-geheim.asc")),
                Files.readString(DATA_DIR.resolve("pki/koppelpunt-pgp.asc")));
        assertThat(geopend.handtekeningGeldig()).as("Koppelpunt's signature").isTrue();
        JsonNode envelop = JSON.readTree(geopend.tekst());
        assertThat(envelop.path("berichtId").asText()).isEqualTo(berichtId.toString());
        assertThat(envelop.path("berichttype").asText()).isEqualTo("klantprofiel");
        assertThat(bestand.getFileName().toString()).isEqualTo("klantprofiel." + envelop.path("bezorgingId").asText() + ".json.gpg");
        assertThat(envelop.path("bericht").path("persoonsgegevens").path("burgerservicenummer").asText()).isEqualTo(BSN);
        // Uploaded under a hidden temporary name and renamed: nothing else is left in the folder.
        try (Stream<Path> alles = Files.list(map)) {
            assertThat(alles).containsExactly(bestand);
        }
    }

    private static List<Path> profielen(Path map) throws IOException {
        if (!Files.isDirectory(map)) {
            return List.of();
        }
        try (Stream<Path> bestanden = Files.list(map)) {
            return bestanden.filter(p -> p.getFileName().toString().matches("klantprofiel\\..*\\.json\\.gpg")).toList();
        }
    }

    private UUID post(String pad, byte[] body) throws IOException {
        HttpResponse<String> response = HubClient.partner(DATA_DIR, "coa", port).post(pad, "demo-" + UUID.randomUUID(), body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return UUID.fromString(JSON.readTree(response.body()).path("berichtId").asText());
    }

    private static String vrijePoort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return String.valueOf(socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
