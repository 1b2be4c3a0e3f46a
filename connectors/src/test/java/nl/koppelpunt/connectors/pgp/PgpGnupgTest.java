package nl.koppelpunt.connectors.pgp;

import static nl.koppelpunt.connectors.pgp.PgpRondreisTest.COA;
import static nl.koppelpunt.connectors.pgp.PgpRondreisTest.KOPPELPUNT;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.openpgp.PGPPublicKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interoperability with GnuPG, the tool partners use (docs/sftp.md): gpg reads what Koppelpunt writes and Koppelpunt
 * reads what gpg writes, with the keys Koppelpunt generates. Skipped where gpg is not installed.
 */
class PgpGnupgTest {

    @TempDir
    Path map;
    private Path gnupgHome;

    @BeforeEach
    void gnupg() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/gpg")), "gpg is not installed");
        gnupgHome = Files.createDirectories(map.resolve("gnupg"));
        Files.setPosixFilePermissions(gnupgHome, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        // What a partner holds: its own secret key and Koppelpunt's certificate.
        Path coaGeheim = schrijf("coa.asc", PgpSleutels.armored(COA.geheimeSleutelring()));
        Path koppelpuntPubliek = schrijf("koppelpunt.asc", KOPPELPUNT.publiekeSleutelArmored());
        gpg("--import", coaGeheim.toString());
        gpg("--import", koppelpuntPubliek.toString());
    }

    @AfterEach
    void stopAgent() throws Exception {
        if (gnupgHome != null) {
            new ProcessBuilder("gpgconf", "--homedir", gnupgHome.toString(), "--kill", "all").start().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void koppelpuntLeestWatGpgVersleuteltEnOndertekent() throws Exception {
        Path batch = schrijf("coa.batch.ndjson", "{\"id\":\"1\"}\n");
        String koppelpunt = PgpSleutels.vingerafdruk(KOPPELPUNT.publiekeSleutelring().getPublicKey());
        String coa = PgpSleutels.vingerafdruk(COA.publiekeSleutelring().getPublicKey());
        gpg("--trust-model", "always", "--sign", "--encrypt", "--local-user", coa, "--recipient", koppelpunt,
                "--armor", "--output", batch + ".asc", batch.toString());

        try (PgpLeesstroom stroom = PgpOntsleuteling.ontsleutelEnVerifieer(Files.newInputStream(Path.of(batch + ".asc")),
                KOPPELPUNT, List.of(COA.publiekeSleutelring()))) {
            assertThat(new String(stroom.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":\"1\"}\n");
            assertThat(stroom.resultaat().ondertekening()).isEqualTo(PgpOndertekening.GELDIG);
            assertThat(stroom.resultaat().ondertekenaarSleutel()).isEqualTo(COA.ondertekenaar().sleutelId());
        }
    }

    @Test
    void gpgLeestWatKoppelpuntVersleuteltEnOndertekent() throws Exception {
        // The other direction: a file pushed to a gemeente, which decrypts it with gpg and checks Koppelpunt's signature.
        Path pgp = map.resolve("levering.ndjson.pgp");
        try (OutputStream bestand = new FileOutputStream(pgp.toFile());
             OutputStream uit = PgpVersleuteling.versleutelEnOnderteken(bestand, COA.versleutelSleutel(),
                     KOPPELPUNT.ondertekenaar(), "levering.ndjson")) {
            uit.write("{\"id\":\"2\"}\n".getBytes(StandardCharsets.UTF_8));
        }
        Path uitvoer = map.resolve("levering.ndjson");
        String status = gpg("--trust-model", "always", "--status-fd", "1", "--output", uitvoer.toString(),
                "--decrypt", pgp.toString());

        assertThat(Files.readString(uitvoer)).isEqualTo("{\"id\":\"2\"}\n");
        assertThat(status).contains("[GNUPG:] GOODSIG " + PgpResultaat.sleutelHex(KOPPELPUNT.ondertekenaar().sleutelId()))
                .contains("[GNUPG:] DECRYPTION_OKAY");
    }

    @Test
    void naarEenMetGpgGemaakteSleutelVersleutelen() throws Exception {
        // A gemeente makes its key with gpg's defaults and hands Koppelpunt the output of gpg --armor --export.
        gpg("--passphrase", "", "--quick-generate-key", "Gemeente <gemeente@test>", "default", "default", "never");
        PGPPublicKey gemeente = PgpSleutels.versleutelSleutel(
                PgpSleutels.publiekeSleutelring(gpg("--armor", "--export", "gemeente@test")));
        Path pgp = map.resolve("levering.ndjson.pgp");
        try (OutputStream bestand = new FileOutputStream(pgp.toFile());
             OutputStream uit = PgpVersleuteling.versleutelEnOnderteken(bestand, gemeente, KOPPELPUNT.ondertekenaar(),
                     "levering.ndjson")) {
            uit.write("{\"id\":\"3\"}\n".getBytes(StandardCharsets.UTF_8));
        }

        String status = gpg("--trust-model", "always", "--status-fd", "1", "--output",
                map.resolve("levering.ndjson").toString(), "--decrypt", pgp.toString());

        assertThat(status).contains("[GNUPG:] GOODSIG").contains("[GNUPG:] DECRYPTION_OKAY");
        assertThat(Files.readString(map.resolve("levering.ndjson"))).isEqualTo("{\"id\":\"3\"}\n");
    }

    private Path schrijf(String naam, String inhoud) throws IOException {
        return Files.writeString(map.resolve(naam), inhoud);
    }

    private String gpg(String... argumenten) throws Exception {
        List<String> opdracht = new ArrayList<>(List.of("gpg", "--homedir", gnupgHome.toString(), "--batch",
                "--yes", "--no-tty", "--pinentry-mode", "loopback"));
        opdracht.addAll(List.of(argumenten));
        Process proces = new ProcessBuilder(opdracht).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String uit = new String(proces.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(proces.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(proces.exitValue()).as("gpg %s", String.join(" ", argumenten)).isZero();
        return uit;
    }
}
