package nl.koppelpunt.hub.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.junit.jupiter.api.Test;

import nl.koppelpunt.connectors.pgp.PgpSleutelGenerator;
import nl.koppelpunt.connectors.pgp.PgpSleutelpaar;
import nl.koppelpunt.connectors.pgp.PgpVersleuteling;
import nl.koppelpunt.hub.support.Berichten;

/**
 * PGP-encrypted NDJSON batches through the real SFTP server: a file encrypted to Koppelpunt and signed with COA's
 * key is processed; every file that cannot be trusted is refused whole, before any of its lines is accepted.
 */
class SftpPgpInboxTest extends SftpInboxBasis {

    private static final PgpSleutelpaar VREEMD = PgpSleutelGenerator.genereer("Vreemd <vreemd@test>", null);

    private String batch(String prefix) {
        return regel(prefix + "1", Berichten.screening("123456782")) + "\n"
                + regel(prefix + "2", Berichten.screening("111222333")) + "\n";
    }

    @Test
    void eenVersleuteldEnOndertekendBestandWordtVerwerkt() throws Exception {
        String prefix = "pgp-" + UUID.randomUUID() + "-";
        String naam = "screening.pgp-" + UUID.randomUUID() + ".ndjson.pgp";

        upload(naam, versleutelEnOnderteken(batch(prefix), koppelpunt, coaPgp()));

        List<JsonNode> ack = ack(naam);
        assertThat(ack).extracting(a -> a.path("id").asText()).containsExactly(prefix + "1", prefix + "2");
        assertThat(fouten(naam).path("fouten")).isEmpty();
        assertThat(opgeslagen(prefix)).isEqualTo(2);
        // Archived as uploaded: still encrypted; no plaintext copy anywhere in the partner's folder.
        await().atMost(Duration.ofSeconds(20)).until(() -> !Files.exists(inbox().resolve(naam)));
        try (Stream<java.nio.file.Path> alles = Files.walk(inbox())) {
            assertThat(alles.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                    .noneMatch(n -> n.contains(naam.replace(".pgp", "")) && !n.contains(".pgp"));
        }
    }

    @Test
    void eenGepantserdBestandWordtOokVerwerkt() throws Exception {
        String prefix = "asc-" + UUID.randomUUID() + "-";
        String naam = "screening.asc-" + UUID.randomUUID() + ".ndjson.asc";
        ByteArrayOutputStream uit = new ByteArrayOutputStream();
        try (ArmoredOutputStream armor = new ArmoredOutputStream(uit)) {
            try (OutputStream pgp = PgpVersleuteling.versleutelEnOnderteken(armor, koppelpunt.versleutelSleutel(),
                    coaPgp().ondertekenaar(), "batch")) {
                pgp.write(batch(prefix).getBytes(StandardCharsets.UTF_8));
            }
        }

        upload(naam, uit.toByteArray());

        assertThat(ack(naam)).hasSize(2);
        assertThat(opgeslagen(prefix)).isEqualTo(2);
    }

    @Test
    void eenGewijzigdBestandWordtGeheelGeweigerd() throws Exception {
        String prefix = "gewijzigd-" + UUID.randomUUID() + "-";
        String naam = "screening.gewijzigd-" + UUID.randomUUID() + ".ndjson.gpg";
        byte[] pgp = versleutelEnOnderteken(batch(prefix), koppelpunt, coaPgp());
        pgp[pgp.length - 10] ^= 0x01;

        upload(naam, pgp);

        assertGeweigerd(naam, prefix, "pgp-ongeldig");
    }

    @Test
    void ondertekendMetEenOnbekendeSleutelWordtGeheelGeweigerd() throws Exception {
        String prefix = "onbekend-" + UUID.randomUUID() + "-";
        String naam = "screening.onbekend-" + UUID.randomUUID() + ".ndjson.pgp";

        upload(naam, versleutelEnOnderteken(batch(prefix), koppelpunt, VREEMD));

        JsonNode fout = assertGeweigerd(naam, prefix, "onbekende-ondertekenaar");
        assertThat(fout.path("detail").asText()).contains(String.format("%016X", VREEMD.ondertekenaar().sleutelId()));
    }

    @Test
    void versleuteldNaarEenAndereSleutelWordtGeheelGeweigerd() throws Exception {
        String prefix = "ander-" + UUID.randomUUID() + "-";
        String naam = "screening.ander-" + UUID.randomUUID() + ".ndjson.pgp";

        upload(naam, versleutelEnOnderteken(batch(prefix), VREEMD, coaPgp()));

        JsonNode fout = assertGeweigerd(naam, prefix, "pgp-ongeldig");
        assertThat(fout.path("detail").asText()).contains("niet versleuteld naar de sleutel van Koppelpunt");
    }

    @Test
    void eenHandtekeningDieNietBijDeInhoudHoortWordtGeheelGeweigerd() throws Exception {
        String prefix = "handtekening-" + UUID.randomUUID() + "-";
        String naam = "screening.handtekening-" + UUID.randomUUID() + ".ndjson.pgp";

        upload(naam, VervalsteHandtekening.maak(batch(prefix + "x"), batch(prefix), koppelpunt, coaPgp()));

        JsonNode fout = assertGeweigerd(naam, prefix, "pgp-ongeldig");
        assertThat(fout.path("detail").asText()).contains("handtekening klopt niet");
    }

    private JsonNode assertGeweigerd(String naam, String prefix, String slug) throws Exception {
        JsonNode fouten = fouten(naam).path("fouten");
        assertThat(fouten).hasSize(1);
        assertThat(fouten.get(0).path("type").asText()).isEqualTo("urn:koppelpunt:probleem:" + slug);
        assertThat(inbox().resolve(naam + ".ack")).doesNotExist();
        assertThat(opgeslagen(prefix)).isZero();
        await().atMost(Duration.ofSeconds(20)).until(() -> !Files.exists(inbox().resolve(naam)));
        return fouten.get(0);
    }
}
