package nl.koppelpunt.connectors.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import nl.koppelpunt.connectors.pgp.PgpSleutelGenerator;
import nl.koppelpunt.connectors.pgp.PgpSleutelpaar;
import nl.koppelpunt.connectors.pgp.PgpSleutels;

/** {@code kanaal: sftp}: every setting is checked when the partner files are read, with the field in the message. */
class SftpAbonnementTest {

    private static String hostSleutel;
    private static String pgpPubliek;
    private static String pgpGeheim;
    private final PartnerCatalogLoader loader = new PartnerCatalogLoader();

    @BeforeAll
    static void sleutels() throws Exception {
        hostSleutel = PublicKeyEntry.toString(KeyUtils.generateKeyPair("ecdsa-sha2-nistp256", 256).getPublic());
        PgpSleutelpaar pgp = PgpSleutelGenerator.genereer("Gemeente X <x@example.org>", null);
        pgpPubliek = pgp.publiekeSleutelArmored();
        pgpGeheim = PgpSleutels.armored(pgp.geheimeSleutelring());
    }

    @Test
    void keysAreReadInlineOrFromFilesAndTheServerIsPinnedByItsKnownHostsLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("server.pub"), "# the server\n" + hostSleutel + " root@sftp.gemeente-x\n");
        Files.writeString(dir.resolve("gemeente.asc"), pgpPubliek);
        schrijf(dir, """
                    sftp:
                      host: sftp.gemeente-x.example
                      poort: 2022
                      gebruiker: koppelpunt
                      map: /inkomend/werk
                      host-sleutel: %s
                      pgp-sleutel: file:%s
                """.formatted(dir.resolve("server.pub"), dir.resolve("gemeente.asc")));

        Abonnement abonnement = laad(dir);
        assertThat(abonnement.kanaal()).isEqualTo("sftp");
        assertThat(abonnement.url()).isNull();
        SftpBestemming sftp = abonnement.sftp();
        assertThat(sftp.knownHostsRegel()).isEqualTo("[sftp.gemeente-x.example]:2022 " + hostSleutel);
        assertThat(sftp.pgpSleutel()).isEqualTo(pgpPubliek.strip());
        assertThat(sftp.adres()).isEqualTo("sftp://koppelpunt@sftp.gemeente-x.example:2022/inkomend/werk");

        schrijf(dir, """
                    sftp:
                      host: sftp.gemeente-x.example
                      gebruiker: koppelpunt
                      host-sleutel: "%s"
                      pgp-sleutel: |
                %s
                """.formatted(hostSleutel, pgpPubliek.strip().indent(8).stripTrailing()));
        SftpBestemming inline = laad(dir).sftp();
        assertThat(inline.poort()).isEqualTo(22);
        assertThat(inline.map()).isEqualTo(".");
        assertThat(inline.knownHostsRegel()).isEqualTo("sftp.gemeente-x.example " + hostSleutel);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "host-sleutel                         | sftp.host-sleutel is required",
            "host-sleutel: ssh-ed25519 AAAAbm9wZQ== | sftp.host-sleutel: not a",
            "host-sleutel: /bestaat/niet.pub      | sftp.host-sleutel: neither a key nor a readable file",
            "pgp-sleutel                          | sftp.pgp-sleutel is required",
            "pgp-sleutel: GEHEIM                  | sftp.pgp-sleutel: een geheime sleutel waar een publieke sleutel hoort",
            "host                                 | sftp.host must be a host name",
            "host: evil.example/pad?x=1           | sftp.host must be a host name",
            "poort: 70000                         | sftp.poort must be between 1 and 65535",
            "poort: twintig                       | sftp.poort must be a number",
            "gebruiker: root@x                    | sftp.gebruiker must be a user name",
            "map: ../andere-gemeente              | sftp.map must be a folder path",
            "url: https://example.org/x           | an sftp abonnement has no url",
            "kanaal: rest                         | an sftp block belongs to kanaal sftp"})
    void aBadSettingIsRefusedWithItsField(String wijziging, String melding, @TempDir Path dir) throws Exception {
        String[] deel = wijziging.split(":", 2);
        String veld = deel[0].strip();
        String waarde = deel.length > 1 ? deel[1].strip() : null;
        if ("GEHEIM".equals(waarde)) {
            waarde = dir.resolve("geheim.asc").toString();
            Files.writeString(dir.resolve("geheim.asc"), pgpGeheim);
        }
        Files.writeString(dir.resolve("gemeente.asc"), pgpPubliek);
        StringBuilder blok = new StringBuilder();
        java.util.Map<String, String> velden = new java.util.LinkedHashMap<>();
        velden.put("host", "sftp.gemeente-x.example");
        velden.put("gebruiker", "koppelpunt");
        velden.put("host-sleutel", "\"" + hostSleutel + "\"");
        velden.put("pgp-sleutel", dir.resolve("gemeente.asc").toString());
        String kanaal = "sftp";
        String url = null;
        if ("kanaal".equals(veld)) {
            kanaal = waarde;
            url = "https://example.org/x";
        } else if ("url".equals(veld)) {
            url = waarde;
        } else if (waarde == null) {
            velden.remove(veld);
        } else {
            velden.put(veld, waarde);
        }
        blok.append("    sftp:\n");
        velden.forEach((k, v) -> blok.append("      ").append(k).append(": ").append(v).append('\n'));
        Files.writeString(dir.resolve("x.yaml"), kop(kanaal) + (url == null ? "" : "    url: " + url + "\n") + blok);

        assertThatThrownBy(() -> loader.load("file:" + dir + "/*.yaml"))
                .hasMessageStartingWith("partner configuration x.yaml: ")
                .hasMessageContaining(melding);
    }

    private Abonnement laad(Path dir) {
        return loader.load("file:" + dir + "/*.yaml").abonnement("gemeente-x.werk-en-inkomen").orElseThrow();
    }

    private static void schrijf(Path dir, String sftpBlok) throws Exception {
        Files.writeString(dir.resolve("x.yaml"), kop("sftp") + sftpBlok);
    }

    private static String kop(String kanaal) {
        return """
                id: gemeente-x
                naam: X
                oin: "00000099000000000777"
                rol: gemeente
                gemeentecode: GM0777
                abonnementen:
                  - afdeling: werk-en-inkomen
                    berichttypen: [screening, klantprofiel]
                    kanaal: %s
                """.formatted(kanaal);
    }
}
