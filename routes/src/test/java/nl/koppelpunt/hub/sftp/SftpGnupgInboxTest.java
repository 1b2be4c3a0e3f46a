package nl.koppelpunt.hub.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.koppelpunt.connectors.pki.PemSslContexts;
import nl.koppelpunt.hub.support.Berichten;
import nl.koppelpunt.hub.support.HubClient;

/**
 * The commands of docs/sftp.md, with the real gpg: import COA's development key and Koppelpunt's certificate from
 * {@code /.well-known/koppelpunt-pgp.asc}, {@code gpg --sign --encrypt}, upload. Skipped where gpg is not installed.
 */
class SftpGnupgInboxTest extends SftpInboxBasis {

    @TempDir
    Path map;
    private Path gnupgHome;

    @BeforeEach
    void gnupg() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/gpg")), "gpg is not installed");
        gnupgHome = Files.createDirectories(map.resolve("gnupg"));
        Files.setPosixFilePermissions(gnupgHome, PosixFilePermissions.fromString("rwx------"));
        gpg("--import", DATA_DIR.resolve("pki/coa-pgp-geheim.asc").toString());
        String certificaat = new HubClient(PemSslContexts.trustOnly(DATA_DIR.resolve("pki/ca.crt")), port)
                .get("/.well-known/koppelpunt-pgp.asc").body();
        gpg("--import", Files.writeString(map.resolve("koppelpunt.asc"), certificaat).toString());
    }

    @AfterEach
    void stopAgent() throws Exception {
        if (gnupgHome != null) {
            new ProcessBuilder("gpgconf", "--homedir", gnupgHome.toString(), "--kill", "all").start().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void eenMetGpgVersleuteldEnOndertekendBestandWordtVerwerkt() throws Exception {
        String prefix = "gpg-" + UUID.randomUUID() + "-";
        Path batch = Files.writeString(map.resolve("screening.ochtend.ndjson"),
                regel(prefix + "1", Berichten.screening("999996708")) + "\n");
        String naam = "screening.gpg-" + UUID.randomUUID() + ".ndjson.asc";

        gpg("--trust-model", "always", "--sign", "--encrypt", "--armor", "--local-user", "coa@localhost",
                "--recipient", "koppelpunt@localhost", "--output", map.resolve(naam).toString(), batch.toString());
        upload(naam, Files.readAllBytes(map.resolve(naam)));

        assertThat(ack(naam)).extracting(a -> a.path("id").asText()).containsExactly(prefix + "1");
        assertThat(opgeslagen(prefix)).isEqualTo(1);
    }

    private void gpg(String... argumenten) throws Exception {
        List<String> opdracht = new ArrayList<>(List.of("gpg", "--homedir", gnupgHome.toString(), "--batch", "--yes",
                "--no-tty", "--pinentry-mode", "loopback"));
        opdracht.addAll(List.of(argumenten));
        Process proces = new ProcessBuilder(opdracht).redirectErrorStream(true).start();
        String uitvoer = new String(proces.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(proces.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(proces.exitValue()).as("gpg %s: %s", String.join(" ", argumenten), uitvoer).isZero();
    }
}
