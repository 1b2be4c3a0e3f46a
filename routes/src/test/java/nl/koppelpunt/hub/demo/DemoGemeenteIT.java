package nl.koppelpunt.hub.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
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

import nl.koppelpunt.hub.support.Berichten;
import nl.koppelpunt.hub.support.GatewayProces;
import nl.koppelpunt.hub.support.HubClient;
import nl.koppelpunt.hub.support.PgpControle;

/**
 * README's first command and its "Receiving over SFTP" walk-through, for real: the packaged jar
 * ({@code routes/target/koppelpunt.jar}, built by {@code package} before the integration tests) in a JVM of its own on
 * its embedded defaults, with the demo partner files and the demo gemeente's SFTP server inside it. COA links a
 * person to Groningen, gives consent and sends a klantprofiel; the file that lands in the demo folder opens with the
 * gemeente's generated demo key and carries Koppelpunt's valid signature — what {@code gpg -d} shows there.
 *
 * <p>Against the jar, not the test class path: a dependency only the tests had (JSch, once, at test scope) made every
 * test pass while the packaged gateway could not push a single file.
 */
class DemoGemeenteIT {

    static final String BSN = "123456782";
    static final String GRONINGEN = "GM0014";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theJarDeliversAProfileWithConsentToTheDemoGemeenteOverSftpEncryptedAndSigned() throws Exception {
        Path jar = Path.of("target", "koppelpunt.jar");
        assertThat(jar).as("the packaged gateway (mvn package runs before the integration tests)").exists();
        Path data = HubClient.tijdelijkeMap("koppelpunt-demo-jar-");
        List<String> argumenten = List.of("--koppelpunt.data-dir=" + data,
                "--koppelpunt.sftp.port=" + GatewayProces.vrijePoort(),
                "--koppelpunt.demo.sftp-gemeente.poort=" + GatewayProces.vrijePoort());
        try (GatewayProces gateway = GatewayProces.startJar(jar, Path.of("target", "demo-gemeente-jar.log"), argumenten)) {
            HubClient coa = HubClient.partner(data, "coa", gateway.port());
            post(coa, "/api/v1/koppelingen", Berichten.koppeling(BSN, GRONINGEN));
            post(coa, "/api/v1/toestemmingen", Berichten.toestemming(BSN, GRONINGEN, true));
            UUID berichtId = post(coa, "/api/v1/klantprofielen", Berichten.klantprofiel(BSN, 1));

            Path map = data.resolve("demo-gemeente-sftp/werk-en-inkomen");
            await().atMost(Duration.ofSeconds(60)).until(() -> profielen(map).size() == 1);
            Path bestand = profielen(map).get(0);
            PgpControle.Geopend geopend = PgpControle.open(Files.readAllBytes(bestand),
                    Files.readString(data.resolve("pki/gemeente-groningen-pgp-geheim.asc")),
                    Files.readString(data.resolve("pki/koppelpunt-pgp.asc")));
            assertThat(geopend.handtekeningGeldig()).as("Koppelpunt's signature").isTrue();
            JsonNode envelop = JSON.readTree(geopend.tekst());
            assertThat(envelop.path("berichtId").asText()).isEqualTo(berichtId.toString());
            assertThat(envelop.path("berichttype").asText()).isEqualTo("klantprofiel");
            assertThat(bestand.getFileName().toString())
                    .isEqualTo("klantprofiel." + envelop.path("bezorgingId").asText() + ".json.gpg");
            assertThat(envelop.path("bericht").path("persoonsgegevens").path("burgerservicenummer").asText()).isEqualTo(BSN);
            // Uploaded under a hidden temporary name and renamed: nothing else is left in the folder.
            try (Stream<Path> alles = Files.list(map)) {
                assertThat(alles).containsExactly(bestand);
            }
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

    private static UUID post(HubClient client, String pad, byte[] body) throws IOException {
        HttpResponse<String> response = client.post(pad, "demo-" + UUID.randomUUID(), body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return UUID.fromString(JSON.readTree(response.body()).path("berichtId").asText());
    }
}
