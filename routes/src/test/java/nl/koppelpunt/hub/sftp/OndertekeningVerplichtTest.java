package nl.koppelpunt.hub.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import nl.koppelpunt.connectors.partner.Partner;
import nl.koppelpunt.connectors.partner.PartnerRegister;
import nl.koppelpunt.connectors.partner.PgpInstellingen;
import nl.koppelpunt.connectors.pgp.PgpSleutels;
import nl.koppelpunt.connectors.pgp.PgpVersleuteling;
import nl.koppelpunt.hub.support.Berichten;

/**
 * A partner whose file says {@code pgp.ondertekening-verplicht: true}: only encrypted and signed files are read.
 * The demo partners do not require it, so this runs the batch verwerker directly on a copy of COA with that
 * setting (the SFTP transport is the same as in the other tests), in a folder of its own.
 */
class OndertekeningVerplichtTest extends SftpInboxBasis {

    @Autowired
    BatchVerwerker verwerker;

    @Autowired
    PartnerRegister partners;

    @TempDir
    Path map;

    private Partner coaDieOndertekeningEist() {
        Partner coa = partners.huidig().byId("coa").orElseThrow();
        PGPPublicKeyRing sleutel = coaPgp().publiekeSleutelring();
        return new Partner(coa.id(), coa.naam(), coa.oin(), coa.rol(), coa.gemeentecode(), coa.berichttypen(),
                coa.abonnementen(), coa.limieten(), coa.sftpSleutel(), new PgpInstellingen(PgpSleutels.armored(sleutel), true));
    }

    @Test
    void eenOnversleuteldBestandWordtGeheelGeweigerd() throws Exception {
        String prefix = "plat-" + UUID.randomUUID() + "-";
        Path bestand = Files.writeString(map.resolve("screening.plat.ndjson"), regel(prefix + "1", Berichten.screening("123456782")) + "\n");

        verwerker.verwerk(bestand, coaDieOndertekeningEist());

        assertGeweigerd(bestand, prefix);
    }

    @Test
    void eenVersleuteldMaarNietOndertekendBestandWordtGeheelGeweigerd() throws Exception {
        String prefix = "onondertekend-" + UUID.randomUUID() + "-";
        Path bestand = map.resolve("screening.onondertekend.ndjson.pgp");
        try (var uit = Files.newOutputStream(bestand);
             var pgp = PgpVersleuteling.versleutel(uit, koppelpunt.versleutelSleutel(), "batch")) {
            pgp.write((regel(prefix + "1", Berichten.screening("123456782")) + "\n").getBytes(StandardCharsets.UTF_8));
        }

        verwerker.verwerk(bestand, coaDieOndertekeningEist());

        assertGeweigerd(bestand, prefix);
    }

    @Test
    void eenOndertekendBestandWordtVerwerkt() throws Exception {
        String prefix = "ondertekend-" + UUID.randomUUID() + "-";
        Path bestand = Files.write(map.resolve("screening.ondertekend.ndjson.pgp"),
                versleutelEnOnderteken(regel(prefix + "1", Berichten.screening("123456782")) + "\n", koppelpunt, coaPgp()));

        BatchVerwerker.Resultaat resultaat = verwerker.verwerk(bestand, coaDieOndertekeningEist());

        assertThat(resultaat.geaccepteerd()).isEqualTo(1);
        assertThat(opgeslagen(prefix)).isEqualTo(1);
    }

    @Test
    void zonderDieEisWordtEenVersleuteldMaarNietOndertekendBestandVerwerkt() throws Exception {
        String prefix = "vrij-" + UUID.randomUUID() + "-";
        Path bestand = map.resolve("screening.vrij.ndjson.pgp");
        try (var uit = Files.newOutputStream(bestand);
             var pgp = PgpVersleuteling.versleutel(uit, koppelpunt.versleutelSleutel(), "batch")) {
            pgp.write((regel(prefix + "1", Berichten.screening("123456782")) + "\n").getBytes(StandardCharsets.UTF_8));
        }

        BatchVerwerker.Resultaat resultaat = verwerker.verwerk(bestand, partners.huidig().byId("coa").orElseThrow());

        assertThat(resultaat.geaccepteerd()).isEqualTo(1);
        assertThat(opgeslagen(prefix)).isEqualTo(1);
    }

    private void assertGeweigerd(Path bestand, String prefix) throws Exception {
        JsonNode fouten = JSON.readTree(bestand.resolveSibling(bestand.getFileName() + ".fouten.json").toFile()).path("fouten");
        assertThat(fouten).hasSize(1);
        assertThat(fouten.get(0).path("type").asText()).isEqualTo("urn:koppelpunt:probleem:ondertekening-verplicht");
        assertThat(bestand.resolveSibling(bestand.getFileName() + ".ack")).doesNotExist();
        assertThat(opgeslagen(prefix)).isZero();
    }
}
