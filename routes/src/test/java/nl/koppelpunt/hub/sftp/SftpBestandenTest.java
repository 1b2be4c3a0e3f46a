package nl.koppelpunt.hub.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import nl.koppelpunt.hub.support.Berichten;
import nl.koppelpunt.hub.support.HubIntegrationTest;
import nl.koppelpunt.hub.support.SftpPartner;

/**
 * What a partner's SFTP client can do to the inbox besides a clean upload, against the real server with MINA's SFTP
 * client: write a batch in place slowly (no rename), and use odd paths and names.
 */
class SftpBestandenTest extends HubIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] BSNS = {"123456782", "111222333", "999996708"};
    private static final List<String> TEKENS = List.of("\n", "\r", "\t", "\u0007", "\u001b[31m", "\u202e");

    @Autowired
    SftpServer server;

    @Value("${koppelpunt.sftp.stil-ms}")
    long stilMs;

    /**
     * A client that writes the final name in place (no rename), in small pieces with lines cut anywhere, and stops
     * half-way for longer than {@code stil-ms} with the file still open (a slow link, a stalled job). The clock alone
     * cannot tell that from a finished file; the server can: a file is not taken while a client holds it open for
     * writing. No pause is timed: each piece waits until the server holds it, and the stop lasts until the file has
     * been quiet for over twice {@code stil-ms} and the route has since finished two polls of the folder (two later
     * uploads were answered). Also when the client renames the file before it closes it.
     */
    @ParameterizedTest(name = "hernoemd terwijl open: {0}")
    @ValueSource(booleans = {false, true})
    void eenBestandDatNogOpenStaatVoorSchrijvenWordtPasGenomenAlsHetDichtIs(boolean hernoemdTerwijlOpen) throws Exception {
        String uniek = UUID.randomUUID().toString();
        String batch = "screening.in-delen-" + uniek + ".ndjson";
        int aantal = 40;
        StringBuilder ndjson = new StringBuilder();
        for (int i = 0; i < aantal; i++) {
            ndjson.append(regel("delen-" + uniek + "-" + i, Berichten.screening(BSNS[i % 3]))).append('\n');
        }
        byte[] inhoud = ndjson.toString().getBytes(StandardCharsets.UTF_8);
        int helft = inhoud.length / 2 + 3; // mid-line
        Path opServer = inbox().resolve(batch);

        String eerst = hernoemdTerwijlOpen ? "screening.eerst-" + uniek + ".ndjson" : batch;
        try (SftpPartner coa = SftpPartner.login("coa", server.poort(), DATA_DIR.resolve("pki"));
             OutputStream out = coa.sftp().write(eerst)) {
            schrijfInStukken(out, inbox().resolve(eerst), inhoud, 0, helft);
            if (hernoemdTerwijlOpen) {
                coa.sftp().rename(eerst, batch);
            }

            await().atMost(Duration.ofSeconds(10)).until(() ->
                    System.currentTimeMillis() - Files.getLastModifiedTime(opServer).toMillis() > 2 * stilMs);
            for (String later : List.of("screening.later1-" + uniek + ".ndjson", "screening.later2-" + uniek + ".ndjson")) {
                coa.upload(later, (regel(later.substring(10, 16) + "-" + uniek, Berichten.screening(BSNS[0])) + "\n")
                        .getBytes(StandardCharsets.UTF_8));
                assertThat(ack(later)).hasSize(1);
            }
            assertThat(opServer).as("still in the inbox while open for writing").exists();
            assertThat(inbox().resolve(batch + ".ack")).doesNotExist();

            schrijfInStukken(out, opServer, inhoud, helft, inhoud.length);
        }
        List<JsonNode> ack = ack(batch);
        assertThat(ack).hasSize(aantal);
        assertThat(ack).extracting(a -> a.path("regel").asInt()).startsWith(1, 2).endsWith(aantal);
        assertThat(JSON.readTree(inbox().resolve(batch + ".fouten.json").toFile()).path("fouten")).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM bericht WHERE afzender = 'coa' AND idempotentie_sleutel LIKE ?",
                Integer.class, "delen-" + uniek + "-%")).isEqualTo(aantal);
        try (Stream<Path> archief = Files.list(inbox().resolve(SftpMappen.ARCHIEF))) {
            Path gearchiveerd = archief.filter(p -> p.getFileName().toString().endsWith("-" + batch)).findFirst().orElseThrow();
            assertThat(Files.readAllBytes(gearchiveerd)).isEqualTo(inhoud);
        }
    }

    /**
     * A client whose connection drops mid-file never closes it; the server closes its handle when the session ends,
     * and the file is then taken as it is: the complete lines accepted, the cut-off last line reported.
     */
    @Test
    void naEenVerbrokenVerbindingWordtHetBestandGenomenZoalsHetIs() throws Exception {
        String uniek = UUID.randomUUID().toString();
        String batch = "screening.verbroken-" + uniek + ".ndjson";
        String compleet = regel("verbroken-" + uniek + "-1", Berichten.screening(BSNS[0])) + "\n"
                + regel("verbroken-" + uniek + "-2", Berichten.screening(BSNS[1])) + "\n";
        byte[] inhoud = (compleet + regel("verbroken-" + uniek + "-3", Berichten.screening(BSNS[2]))).getBytes(StandardCharsets.UTF_8);
        int tot = compleet.getBytes(StandardCharsets.UTF_8).length + 20;
        SftpPartner coa = SftpPartner.login("coa", server.poort(), DATA_DIR.resolve("pki"));
        OutputStream out = coa.sftp().write(batch);
        schrijfInStukken(out, inbox().resolve(batch), inhoud, 0, tot);
        coa.verbreek();

        assertThat(ack(batch)).extracting(a -> a.path("regel").asInt()).containsExactly(1, 2);
        JsonNode fouten = JSON.readTree(inbox().resolve(batch + ".fouten.json").toFile()).path("fouten");
        assertThat(fouten).singleElement().satisfies(f -> assertThat(f.path("regel").asInt()).isEqualTo(3));
    }

    /** Pieces of 37 bytes (most end mid-line), each sent and then awaited until the server's file holds it. */
    private static void schrijfInStukken(OutputStream out, Path opServer, byte[] inhoud, int van, int tot) throws IOException {
        for (int begin = van; begin < tot; begin += 37) {
            int eind = Math.min(tot, begin + 37);
            out.write(inhoud, begin, eind - begin);
            out.flush();
            await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1)).atMost(Duration.ofSeconds(10))
                    .until(() -> Files.size(opServer) == eind);
        }
    }

    /** An absolute path, or one that climbs out of it, ends up in the partner's own folder: its root is a chroot. */
    @Test
    void absolutePadenBlijvenInDeEigenMap() throws Exception {
        String uniek = UUID.randomUUID().toString();
        String absoluut = "screening.absoluut-" + uniek + ".ndjson";
        String klimmend = "screening.klimmend-" + uniek + ".ndjson";
        try (SftpPartner coa = SftpPartner.login("coa", server.poort(), DATA_DIR.resolve("pki"))) {
            schrijf(coa, "/" + absoluut, regel("abs-" + uniek, Berichten.screening(BSNS[0])));
            schrijf(coa, "/../../../" + klimmend, regel("klim-" + uniek, Berichten.screening(BSNS[1])));
            schrijf(coa, "/archief/../../tvs/" + klimmend + ".x", "{}");
            assertThat(coa.sftp().canonicalPath("/../..")).isEqualTo("/");
        }
        assertThat(ack(absoluut)).hasSize(1);
        assertThat(ack(klimmend)).hasSize(1);
        // Nothing landed anywhere else under the data directory: not beside the partner folders, not in another's.
        try (Stream<Path> alles = Files.walk(DATA_DIR)) {
            assertThat(alles.filter(p -> p.getFileName().toString().contains(uniek))).allMatch(p -> p.startsWith(inbox()));
        }
    }

    /**
     * Names with control or format characters (a newline, a carriage return, a tab, a bell, an escape, a right-to-left
     * override) cannot be written, not even under a temporary name: the server answers "invalid file name". A name
     * with a newline would otherwise split a log line or a listing.
     */
    @Test
    void namenMetBesturingstekensKunnenNietWordenGeschreven() throws Exception {
        String uniek = UUID.randomUUID().toString();
        try (SftpPartner coa = SftpPartner.login("coa", server.poort(), DATA_DIR.resolve("pki"))) {
            for (String teken : TEKENS) {
                String naam = "screening.teken" + teken + uniek + ".ndjson";
                assertThatThrownBy(() -> coa.upload(naam, "{}\n".getBytes(StandardCharsets.UTF_8)))
                        .as("a name with %s", Arrays.toString(teken.getBytes(StandardCharsets.UTF_8)))
                        .isInstanceOf(SftpException.class)
                        .satisfies(e -> assertThat(((SftpException) e).getStatus()).isEqualTo(SftpConstants.SSH_FX_INVALID_FILENAME));
            }
            coa.upload("screening.gewoon-" + uniek + ".ndjson", "{}\n".getBytes(StandardCharsets.UTF_8));
            assertThatThrownBy(() -> coa.sftp().rename("screening.gewoon-" + uniek + ".ndjson", "screening.\n" + uniek + ".ndjson"))
                    .isInstanceOf(SftpException.class);
        }
        try (Stream<Path> map = Files.list(inbox())) {
            assertThat(map.map(p -> p.getFileName().toString()).filter(n -> n.contains(uniek)))
                    .allMatch(n -> n.startsWith("screening.gewoon-"));
        }
    }

    /**
     * Should such a name get into a folder anyway (another way in, an older version), the inbox refuses it as a whole: a
     * {@code .fouten.json} under a sanitised name, nothing stored, the file out of the inbox — never left lying there
     * unanswered.
     */
    @Test
    void eenNaamMetBesturingstekensDieTochInDeMapStaatWordtGeweigerd() throws Exception {
        for (String teken : TEKENS) {
            String uniek = UUID.randomUUID().toString();
            String naam = "screening.teken" + teken + uniek + ".ndjson";
            String id = "teken-" + uniek;
            Path tijdelijk = Files.writeString(inbox().resolve(".tijdelijk-" + uniek), regel(id, Berichten.screening(BSNS[2])) + "\n");
            Files.move(tijdelijk, inbox().resolve(naam));
            String veilig = Batchnaam.veilig(naam);
            assertThat(veilig).matches("[A-Za-z0-9._-]+");
            Path foutbestand = inbox().resolve(veilig + ".fouten.json");
            await().atMost(Duration.ofSeconds(20)).alias("refusal of a name with " + Arrays.toString(teken.getBytes(StandardCharsets.UTF_8)))
                    .until(() -> Files.exists(foutbestand) && !Files.exists(inbox().resolve(naam)));
            assertThat(JSON.readTree(foutbestand.toFile()).path("fouten").get(0).path("title").asText()).isEqualTo("Ongeldige bestandsnaam");
            assertThat(jdbc.queryForObject("SELECT count(*) FROM bericht WHERE idempotentie_sleutel = ?", Integer.class, id)).isZero();
        }
    }

    /**
     * A symbolic link would be a way to make the gateway read a file the partner cannot reach: the inbox route follows
     * links with the gateway's own file system, outside the chroot. A link that points out of the folder, relatively
     * or by the gateway's absolute path, must either be refused or stay inside the folder.
     */
    @Test
    void eenSymbolischeLinkWijstNooitBuitenDeMap() throws Exception {
        String uniek = UUID.randomUUID().toString();
        Path buiten = Files.writeString(DATA_DIR.resolve("sftp").resolve("screening.buiten-" + uniek + ".ndjson"),
                regel("buiten-" + uniek, Berichten.screening(BSNS[0])) + "\n");
        List<String> doelen = List.of("../" + buiten.getFileName(), "../../sftp/" + buiten.getFileName(), buiten.toString());
        String sentinel = "screening.na-de-links-" + uniek + ".ndjson";
        try (SftpPartner coa = SftpPartner.login("coa", server.poort(), DATA_DIR.resolve("pki"))) {
            for (int i = 0; i < doelen.size(); i++) {
                try {
                    coa.sftp().symLink("screening.link" + i + "-" + uniek + ".ndjson", doelen.get(i));
                } catch (IOException geweigerd) {
                    // Refused by the server: the best outcome.
                }
            }
            coa.upload(sentinel, (regel("na-links-" + uniek, Berichten.screening(BSNS[1])) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        for (int i = 0; i < doelen.size(); i++) {
            Path link = inbox().resolve("screening.link" + i + "-" + uniek + ".ndjson");
            if (Files.isSymbolicLink(link)) {
                assertThat(link.getParent().resolve(Files.readSymbolicLink(link)).normalize()).as(doelen.get(i)).startsWithRaw(inbox());
            }
        }
        // The folder was polled after the links were made, and that poll finished (a second upload was processed after
        // the first): the file outside was not read through any of the links.
        assertThat(ack(sentinel)).hasSize(1);
        try (SftpPartner coa = SftpPartner.login("coa", server.poort(), DATA_DIR.resolve("pki"))) {
            coa.upload("screening.daarna-" + uniek + ".ndjson",
                    (regel("daarna-" + uniek, Berichten.screening(BSNS[2])) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        assertThat(ack("screening.daarna-" + uniek + ".ndjson")).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM bericht WHERE idempotentie_sleutel = ?", Integer.class,
                "buiten-" + uniek)).isZero();
        assertThat(buiten).exists();
    }

    private static void schrijf(SftpPartner partner, String pad, String inhoud) throws IOException {
        try (OutputStream out = partner.sftp().write(pad)) {
            out.write((inhoud + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException geweigerd) {
            // A path the server refuses is as good as one it keeps inside the folder.
        }
    }

    private static String regel(String id, byte[] bericht) {
        return "{\"id\": \"" + id + "\", \"bericht\": " + new String(bericht, StandardCharsets.UTF_8) + "}";
    }

    private List<JsonNode> ack(String naam) throws Exception {
        Path ack = inbox().resolve(naam + ".ack");
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(ack));
        List<JsonNode> regels = new java.util.ArrayList<>();
        for (String r : Files.readAllLines(ack)) {
            if (!r.isBlank()) {
                regels.add(JSON.readTree(r));
            }
        }
        return regels;
    }

    private static Path inbox() {
        return DATA_DIR.resolve("sftp").resolve("coa");
    }
}
