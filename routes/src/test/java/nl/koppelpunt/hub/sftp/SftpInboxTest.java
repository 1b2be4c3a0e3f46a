package nl.koppelpunt.hub.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Set;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import nl.koppelpunt.connectors.intake.IntakeGateway;
import nl.koppelpunt.connectors.intake.IntakeRequest;
import nl.koppelpunt.connectors.partner.Partner;
import nl.koppelpunt.connectors.partner.PartnerRegister;
import nl.koppelpunt.schemas.Berichttype;
import nl.koppelpunt.hub.support.Berichten;

/**
 * The hosted SFTP inbox against the real server: MINA SSHD on a free port, MINA's SFTP client playing COA with the
 * development key the gateway generated (as a newcomer would use it with {@code sftp -i}).
 */
class SftpInboxTest extends SftpInboxBasis {

    private static final String[] BSNS = {"123456782", "111222333", "999996708"};

    @Autowired
    IntakeGateway intake;

    @Autowired
    PartnerRegister partners;

    @Test
    void drieGeldigeRegelsWordenGeaccepteerdEnVerwerkt() throws Exception {
        String batch = "screening.drie-" + UUID.randomUUID() + ".ndjson";
        StringBuilder ndjson = new StringBuilder();
        List<String> ids = new ArrayList<>();
        for (String bsn : BSNS) {
            String id = "sftp-" + UUID.randomUUID();
            ids.add(id);
            ndjson.append(regel(id, Berichten.screening(bsn))).append('\n');
        }
        upload(batch, ndjson.toString());

        List<JsonNode> ack = ack(batch);
        assertThat(ack).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(ack.get(i).path("regel").asInt()).isEqualTo(i + 1);
            assertThat(ack.get(i).path("id").asText()).isEqualTo(ids.get(i));
            assertThat(ack.get(i).path("herhaald").asBoolean()).isFalse();
        }
        for (JsonNode regel : ack) {
            UUID berichtId = UUID.fromString(regel.path("berichtId").asText());
            await().atMost(Duration.ofSeconds(30)).until(() -> events(berichtId, "verwerkt") == 1);
            assertThat(jdbc.queryForObject("SELECT kanaal FROM bericht WHERE id = ?", String.class, berichtId)).isEqualTo("sftp");
        }
        assertThat(fouten(batch).path("fouten")).isEmpty();
        assertThat(inbox().resolve(batch)).doesNotExist();
        try (Stream<Path> archief = Files.list(inbox().resolve("archief"))) {
            assertThat(archief.map(p -> p.getFileName().toString())).anyMatch(n -> n.endsWith("-" + batch));
        }
    }

    @Test
    void eenKapotteEnEenOngeldigeRegelLatenDeGeldigeRegelsDoor() throws Exception {
        String batch = "screening.gemengd-" + UUID.randomUUID() + ".ndjson";
        String ongeldig = "{\"burgerservicenummer\":\"123456782\",\"datum\":\"geen-datum\",\"sectoren\":[]}";
        String ndjson = regel("ok-1-" + UUID.randomUUID(), Berichten.screening(BSNS[0])) + "\n"
                + "{\"id\": \"kapot-" + UUID.randomUUID() + "\", \"bericht\": {\n"
                + "{\"id\": \"ongeldig-" + UUID.randomUUID() + "\", \"bericht\": " + ongeldig + "}\r\n"
                + regel("ok-2-" + UUID.randomUUID(), Berichten.screening(BSNS[1])) + "\n";
        upload(batch, ndjson);

        List<JsonNode> ack = ack(batch);
        assertThat(ack).extracting(a -> a.path("regel").asInt()).containsExactly(1, 4);
        JsonNode fouten = fouten(batch).path("fouten");
        assertThat(fouten).hasSize(2);
        assertThat(fouten.get(0).path("regel").asInt()).isEqualTo(2);
        assertThat(fouten.get(0).path("type").asText()).isEqualTo("urn:koppelpunt:probleem:ongeldig-verzoek");
        assertThat(fouten.get(1).path("regel").asInt()).isEqualTo(3);
        assertThat(fouten.get(1).path("type").asText()).isEqualTo("urn:koppelpunt:probleem:ongeldig-bericht");
        assertThat(fouten.get(1).path("invalidParams")).extracting(p -> p.path("name").asText()).contains("/datum");
        // Values can be personal data: the error file names fields, never their content.
        assertThat(Files.readString(inbox().resolve(batch + ".fouten.json"))).doesNotContain("123456782");
    }

    @Test
    void hetzelfdeBestandTweeKeerGeeftGeenDubbeleBerichten() throws Exception {
        String batch = "screening.herhaald-" + UUID.randomUUID() + ".ndjson";
        String id = "dubbel-" + UUID.randomUUID();
        String ndjson = regel(id, Berichten.screening(BSNS[2])) + "\n";
        upload(batch, ndjson);
        List<JsonNode> eerste = ack(batch);
        Files.delete(inbox().resolve(batch + ".ack"));

        upload(batch, ndjson);
        List<JsonNode> tweede = ack(batch);
        assertThat(tweede.get(0).path("berichtId")).isEqualTo(eerste.get(0).path("berichtId"));
        assertThat(tweede.get(0).path("herhaald").asBoolean()).isTrue();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM bericht WHERE afzender = 'coa' AND idempotentie_sleutel = ?",
                Integer.class, id)).isEqualTo(1);
    }

    /**
     * What a crash halfway leaves behind: the first lines accepted, the file still in the inbox, no report. The next
     * run starts again from line 1; the ids make every line count exactly once.
     */
    @Test
    void naEenCrashHalverwegeTeltElkeRegelPreciesEenKeer() throws Exception {
        String batch = "screening.crash-" + UUID.randomUUID() + ".ndjson";
        String prefix = "crash-" + UUID.randomUUID() + "-";
        Partner coa = partners.huidig().byId("coa").orElseThrow();
        StringBuilder ndjson = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            byte[] bericht = Berichten.screening(BSNS[i % 3]);
            if (i < 3) {
                intake.accept(new IntakeRequest(coa, Berichttype.SCREENING, prefix + i, "sftp", bericht));
            }
            ndjson.append(regel(prefix + i, bericht)).append('\n');
        }
        upload(batch, ndjson.toString());

        List<JsonNode> ack = ack(batch);
        assertThat(ack).extracting(a -> a.path("herhaald").asBoolean()).containsExactly(true, true, true, false, false, false);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM bericht WHERE afzender = 'coa' AND idempotentie_sleutel LIKE ?",
                Integer.class, prefix + "%")).isEqualTo(6);
    }

    @Test
    void eenVerkeerdeSleutelWordtGeweigerd() throws Exception {
        KeyPair vreemd = KeyUtils.generateKeyPair("ecdsa-sha2-nistp256", 256);
        try (ClientSession session = ssh.connect("coa", "localhost", server.poort()).verify(10, TimeUnit.SECONDS).getSession()) {
            session.addPublicKeyIdentity(vreemd);
            assertThatThrownBy(() -> session.auth().verify(10, TimeUnit.SECONDS)).isInstanceOf(IOException.class);
        }
        try (ClientSession session = ssh.connect("coa", "localhost", server.poort()).verify(10, TimeUnit.SECONDS).getSession()) {
            session.addPasswordIdentity("geheim");
            assertThatThrownBy(() -> session.auth().verify(10, TimeUnit.SECONDS)).isInstanceOf(IOException.class);
        }
    }

    @Test
    void geenShellEnGeenCommando() throws Exception {
        try (ClientSession session = sessie()) {
            // Ask for the server's answer to the exec request: it refuses, and the client closes the channel.
            CoreModuleProperties.REQUEST_EXEC_REPLY.set(session, true);
            ChannelExec exec = session.createExecChannel("id");
            exec.open().await(10, TimeUnit.SECONDS);
            Set<ClientChannelEvent> events = exec.waitFor(EnumSet.of(ClientChannelEvent.CLOSED, ClientChannelEvent.EXIT_STATUS),
                    Duration.ofSeconds(10).toMillis());
            assertThat(events).contains(ClientChannelEvent.CLOSED)
                    .doesNotContain(ClientChannelEvent.EXIT_STATUS, ClientChannelEvent.TIMEOUT);
            assertThat(exec.getExitStatus()).isNull();
        }
    }

    @Test
    void eenPadBuitenDeMapBlijftInDeMapEnEenVreemdeNaamWordtGeweigerd() throws Exception {
        String uniek = UUID.randomUUID().toString();
        String ontsnapping = "screening.ontsnapping-" + uniek + ".ndjson";
        try (ClientSession session = sessie(); SftpClient sftp = SftpClientFactory.instance().createSftpClient(session)) {
            try (OutputStream out = sftp.write("../../" + ontsnapping)) {
                out.write(regel("pad-" + uniek, Berichten.screening(BSNS[0])).getBytes(StandardCharsets.UTF_8));
            }
        }
        // The chroot maps "../.." onto the partner's own root: nothing lands beside it.
        assertThat(DATA_DIR.resolve("sftp").resolve(ontsnapping)).doesNotExist();
        assertThat(DATA_DIR.resolve(ontsnapping)).doesNotExist();
        assertThat(ack(ontsnapping)).hasSize(1);

        String vreemd = "screening.naam met;teken-" + uniek + ".ndjson";
        upload(vreemd, regel("vreemd-" + uniek, Berichten.screening(BSNS[0])) + "\n");
        Path foutbestand = inbox().resolve("screening.naam_met_teken-" + uniek + ".ndjson.fouten.json");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(foutbestand));
        JsonNode fout = JSON.readTree(foutbestand.toFile()).path("fouten").get(0);
        assertThat(fout.path("title").asText()).isEqualTo("Ongeldige bestandsnaam");
        // The report is written before the route moves the upload to the archive: wait for the move.
        await().atMost(Duration.ofSeconds(20)).until(() -> !Files.exists(inbox().resolve(vreemd)));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM bericht WHERE idempotentie_sleutel = ?", Integer.class,
                "vreemd-" + uniek)).isZero();
    }

    @Test
    void tienduizendRegelsWordenAllemaalGeaccepteerd() throws Exception {
        String batch = "screening.groot-" + UUID.randomUUID() + ".ndjson";
        String prefix = "groot-" + UUID.randomUUID() + "-";
        String[] berichten = {regel("%s", Berichten.screening(BSNS[0])), regel("%s", Berichten.screening(BSNS[1]))};
        try (ClientSession session = sessie(); SftpClient sftp = SftpClientFactory.instance().createSftpClient(session);
             OutputStream out = sftp.write(batch + ".part")) {
            for (int i = 0; i < 10_000; i++) {
                out.write((berichten[i % 2].replace("%s", prefix + i) + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        try (ClientSession session = sessie(); SftpClient sftp = SftpClientFactory.instance().createSftpClient(session)) {
            sftp.rename(batch + ".part", batch);
        }
        await().atMost(Duration.ofMinutes(4)).until(() -> Files.exists(inbox().resolve(batch + ".ack")));
        try (Stream<String> regels = Files.lines(inbox().resolve(batch + ".ack"))) {
            assertThat(regels.filter(r -> !r.isBlank()).count()).isEqualTo(10_000);
        }
        assertThat(fouten(batch).path("fouten")).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM bericht WHERE afzender = 'coa' AND idempotentie_sleutel LIKE ?",
                Integer.class, prefix + "%")).isEqualTo(10_000);
    }
}
