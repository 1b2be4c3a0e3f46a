package nl.koppelpunt.connectors.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import nl.koppelpunt.schemas.Berichttype;

class PartnerCatalogLoaderTest {

    private final PartnerCatalogLoader loader = new PartnerCatalogLoader();

    /**
     * The demo partner files as development mode loads them: gemeente-groningen (delivery over SFTP) names keys that
     * development mode generates under the PKI folder before it reads the files.
     */
    static PartnerCatalog demoPartners(PartnerCatalogLoader loader, Path pkiDir) {
        nl.koppelpunt.connectors.pki.DevelopmentSshKeys.ensure(pkiDir, "demo-gemeente-sftp-host");
        nl.koppelpunt.connectors.pki.DevelopmentPgpKeys.ensure(pkiDir.resolve("gemeente-groningen-pgp-geheim.asc"),
                pkiDir.resolve("gemeente-groningen-pgp.asc"), "test");
        org.springframework.util.PropertyPlaceholderHelper helper =
                new org.springframework.util.PropertyPlaceholderHelper("${", "}", ":", null, false);
        java.util.Map<String, String> properties = java.util.Map.of("koppelpunt.pki.dir", pkiDir.toString());
        return loader.load("file:../config/partners/*.yaml", text -> helper.replacePlaceholders(text, properties::get));
    }

    @Test
    void loadsTheDemoPartnersOfTheConfigFolder(@TempDir Path pki) {
        PartnerCatalog catalog = demoPartners(loader, pki);

        assertThat(catalog.all()).extracting(Partner::id)
                .contains("coa", "tvs", "duo", "gemeente-utrecht", "gemeente-amsterdam", "beheer", "operator", "auditor");
        assertThat(catalog.byId("beheer").orElseThrow().rol()).isEqualTo(Rol.BEHEERDER);
        assertThat(catalog.byId("operator").orElseThrow().rol()).isEqualTo(Rol.OPERATOR);
        assertThat(catalog.byId("auditor").orElseThrow().rol()).isEqualTo(Rol.AUDITOR);
        Partner coa = catalog.byOin("00000099000000000001").orElseThrow();
        assertThat(coa.rol()).isEqualTo(Rol.COA);
        assertThat(coa.magVersturen(Berichttype.KLANTPROFIEL)).isTrue();
        Partner utrecht = catalog.byId("gemeente-utrecht").orElseThrow();
        assertThat(utrecht.gemeentecode()).isEqualTo("GM0344");
        assertThat(utrecht.magVersturen(Berichttype.KLANTPROFIEL)).isFalse();
        Abonnement groningen = catalog.abonnement("gemeente-groningen.werk-en-inkomen").orElseThrow();
        assertThat(groningen.kanaal()).isEqualTo("sftp");
        assertThat(groningen.sftp().knownHostsRegel()).startsWith("[localhost]:2223 ecdsa-sha2-nistp256 ");
    }

    @Test
    void aTypoInAFieldStopsTheStart() {
        assertThatThrownBy(() -> loader.load("classpath:partners-fout/onbekend-veld/*.yaml"))
                .hasMessageContaining("abonement");
    }

    @Test
    void anOinUsedTwiceStopsTheStart() {
        assertThatThrownBy(() -> loader.load("classpath:partners-fout/dubbel-oin/*.yaml"))
                .hasMessageContaining("OIN");
    }

    @Test
    void aPartnerCannotBeGivenMoreThanItsRoleAllows() {
        assertThatThrownBy(() -> loader.load("classpath:partners-fout/rol-te-ruim/*.yaml"))
                .hasMessageContaining("may not send klantprofiel");
    }

    @Test
    void badOinAndMissingGemeentecodeAreRefused(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("x.yaml"), "id: x\nnaam: X\noin: \"123\"\nrol: coa\n");
        assertThatThrownBy(() -> loader.load("file:" + dir + "/*.yaml")).hasMessageContaining("oin must be 20 digits");

        Files.writeString(dir.resolve("x.yaml"), "id: x\nnaam: X\noin: \"00000099000000000777\"\nrol: gemeente\n");
        assertThatThrownBy(() -> loader.load("file:" + dir + "/*.yaml")).hasMessageContaining("gemeentecode");
    }

    @Test
    void anAdminRoleCannotBeGivenMessageTypesToSend(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("x.yaml"), "id: x\nnaam: X\noin: \"00000099000000000777\"\nrol: auditor\n"
                + "berichttypen: [klantprofiel]\n");
        assertThatThrownBy(() -> loader.load("file:" + dir + "/*.yaml")).hasMessageContaining("role auditor may not send klantprofiel");
    }

    @Test
    void aGemeenteCannotSubscribeToWhatTheMatrixDoesNotLetItRead(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("x.yaml"), """
                id: gemeente-x
                naam: X
                oin: "00000099000000000777"
                rol: gemeente
                gemeentecode: GM0777
                abonnementen:
                  - afdeling: werk-en-inkomen
                    berichttypen: [screening, toestemming]
                    kanaal: rest
                    url: http://localhost/x
                """);
        assertThatThrownBy(() -> loader.load("file:" + dir + "/*.yaml")).hasMessageContaining("does not receive toestemming");
    }

    @Test
    void aPartnerFileWithTheOldRoleBeheerStillLoadsAsBeheerder(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("x.yaml"), "id: oud\nnaam: Oud\noin: \"00000099000000000777\"\nrol: beheer\n");
        assertThat(loader.load("file:" + dir + "/*.yaml").byId("oud").orElseThrow().rol()).isEqualTo(Rol.BEHEERDER);
    }

    @Test
    void limitsAreReadPerPartnerAndWhatIsLeftOutIsTheDefault(@TempDir Path pki) {
        PartnerCatalog catalog = demoPartners(loader, pki);

        assertThat(catalog.byId("coa").orElseThrow().limieten()).isEqualTo(new Limieten(500L, 1000L, 1048576));
        Limieten tvs = catalog.byId("tvs").orElseThrow().limieten();
        assertThat(tvs).isEqualTo(new Limieten(null, null, 65536));
        assertThat(tvs.aangevuldMet(new Limieten(100L, 200L, 1048576))).isEqualTo(new Limieten(100L, 200L, 65536));
        assertThat(catalog.byId("beheer").orElseThrow().limieten()).isEqualTo(Limieten.STANDAARD);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "verzoeken-per-seconde: 0          | limieten.verzoeken-per-seconde must be a whole number from 1 to 100000, not 0",
            "verzoeken-per-seconde: -5         | limieten.verzoeken-per-seconde must be a whole number from 1 to 100000, not -5",
            "verzoeken-per-seconde: 0.5        | limieten.verzoeken-per-seconde: Cannot coerce Floating-point value",
            "verzoeken-per-seconde: veel       | limieten.verzoeken-per-seconde: Cannot deserialize value of type `java.lang.Long` from String \"veel\"",
            "burst: 0                          | limieten.burst must be a whole number from 1 to 1000000, not 0",
            "max-body-bytes: 0                 | limieten.max-body-bytes must be a whole number from 1 to 67108864, not 0",
            "max-body-bytes: 67108865          | limieten.max-body-bytes must be a whole number from 1 to 67108864, not 67108865",
            "max-body-bytes: 99999999999       | limieten.max-body-bytes: Numeric value (99999999999) out of range of int",
            "verzoeken-per-sec: 5              | limieten.verzoeken-per-sec: Unrecognized field \"verzoeken-per-sec\""})
    void invalidLimitsAreRefusedWithTheFieldAndWhy(String limiet, String message, @TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("x.yaml"),
                "id: x\nnaam: X\noin: \"00000099000000000777\"\nrol: coa\nlimieten:\n  " + limiet + "\n");

        assertThatThrownBy(() -> loader.load("file:" + dir + "/*.yaml"))
                .hasMessageStartingWith("partner configuration x.yaml: ")
                .hasMessageContaining(message);
    }

    @Test
    void aWebhookUrlWithCredentialsIsRefused(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("g.yaml"), """
                id: g
                naam: G
                oin: "00000099000000000777"
                rol: gemeente
                gemeentecode: GM0777
                abonnementen:
                  - afdeling: huisvesting
                    berichttypen: [screening]
                    kanaal: rest
                    url: https://gemeente:geheim@example.org/webhook
                """);

        assertThatThrownBy(() -> loader.load("file:" + dir + "/*.yaml"))
                .hasMessageContaining("url must not contain credentials")
                .hasMessageNotContaining("geheim");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "soap | https://gemeente.example/koppelpunt | ",
            "soap | http://gemeente.example/koppelpunt  | a soap abonnement needs an https url",
            "fax  | https://gemeente.example/koppelpunt | kanaal must be one of [rest, soap, sftp]"})
    void aSoapSubscriptionNeedsHttpsAndAnUnknownChannelIsRefused(String kanaal, String url, String fout, @TempDir Path dir)
            throws Exception {
        Files.writeString(dir.resolve("g.yaml"), """
                id: g
                naam: G
                oin: "00000099000000000777"
                rol: gemeente
                gemeentecode: GM0777
                abonnementen:
                  - afdeling: huisvesting
                    berichttypen: [klantprofiel]
                    kanaal: %s
                    url: %s
                """.formatted(kanaal, url));
        if (fout == null) {
            assertThat(loader.load("file:" + dir + "/*.yaml").alleAbonnementen())
                    .extracting(Abonnement::kanaal).containsExactly("soap");
        } else {
            assertThatThrownBy(() -> loader.load("file:" + dir + "/*.yaml")).hasMessageContaining(fout);
        }
    }

    @Test
    void anSftpKeyIsCheckedOnLoad(@TempDir Path dir) throws Exception {
        java.security.KeyPair keys = org.apache.sshd.common.config.keys.KeyUtils.generateKeyPair("ecdsa-sha2-nistp256", 256);
        String line = org.apache.sshd.common.config.keys.PublicKeyEntry.toString(keys.getPublic()) + " coa@laptop";
        Files.writeString(dir.resolve("x.yaml"), "id: x\nnaam: X\noin: \"00000099000000000777\"\nrol: coa\n"
                + "berichttypen: [screening]\nsftp:\n  publieke-sleutel: \"" + line + "\"\n");
        Partner partner = loader.load("file:" + dir + "/*.yaml").byId("x").orElseThrow();
        assertThat(SshSleutels.publiekeSleutel(partner.sftpSleutel())).isEqualTo(keys.getPublic());

        Files.writeString(dir.resolve("x.yaml"), "id: x\nnaam: X\noin: \"00000099000000000777\"\nrol: coa\n"
                + "sftp:\n  publieke-sleutel: \"ssh-ed25519 bmlldC1lZW4tc2xldXRlbA== x\"\n");
        assertThatThrownBy(() -> loader.load("file:" + dir + "/*.yaml"))
                .hasMessageContaining("x.yaml: sftp.publieke-sleutel: not a");
    }

    @Test
    void tvsSubscribesForEveryOnboardedGemeenteWithoutAfdelingAndSeesTheWholeProfile(@TempDir Path pki) {
        PartnerCatalog catalog = demoPartners(loader, pki);

        Abonnement tvs = catalog.abonnement("tvs.schermen").orElseThrow();
        assertThat(tvs.voorElkeGemeente()).isTrue();
        assertThat(tvs.gemeentecode()).isNull();
        assertThat(tvs.afdeling()).isNull();
        assertThat(tvs.secties()).isEqualTo(AbonnementFactory.SECTIES);
        assertThat(catalog.abonnementen("GM0344", Berichttype.KLANTPROFIEL)).extracting(Abonnement::id)
                .containsExactlyInAnyOrder("gemeente-utrecht.werk-en-inkomen", "gemeente-utrecht.huisvesting", "tvs.schermen");
        assertThat(catalog.abonnementen("GM0344", Berichttype.DUO_INBURGERINGSSTATUS)).extracting(Abonnement::id)
                .containsExactlyInAnyOrder("gemeente-utrecht.werk-en-inkomen", "tvs.schermen");
        assertThat(catalog.abonnementen("GM0599", Berichttype.KLANTPROFIEL))
                .as("nothing for a gemeente that is not onboarded, not even to TVS").isEmpty();
        assertThat(catalog.byId("duo").orElseThrow().magVersturen(Berichttype.DUO_INBURGERINGSSTATUS)).isTrue();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "tvs      | afdeling: werk-en-inkomen                      | a TVS abonnement has no afdeling",
            "tvs      | berichttypen: [toestemming]                    | role tvs does not receive toestemming",
            "tvs      | naam: Schermen                                 | naam must be a lower-case slug",
            "coa      | berichttypen: [screening]                      | only a gemeente or TVS has abonnementen",
            "gemeente | afdeling: huisvesting\\n    berichttypen: [duo-inburgeringsstatus] | must see the klantprofiel section inburgeringsgegevens",
            "gemeente | naam: x\\n    afdeling: huisvesting            | named by its afdeling, not by naam"})
    void subscriptionsAreCheckedPerRole(String rol, String regel, String fout, @TempDir Path dir) throws Exception {
        String gemeente = "gemeente".equals(rol) ? "gemeentecode: GM0777\n" : "";
        String velden = regel.replace("\\n", "\n");
        if (!velden.contains("berichttypen")) {
            velden += "\n    berichttypen: [screening]";
        }
        Files.writeString(dir.resolve("x.yaml"), "id: x\nnaam: X\noin: \"00000099000000000777\"\nrol: " + rol + "\n"
                + gemeente + "abonnementen:\n  - " + velden + "\n    kanaal: rest\n    url: http://localhost/x\n");

        assertThatThrownBy(() -> loader.load("file:" + dir + "/*.yaml")).hasMessageContaining(fout);
    }

    @Test
    void aPgpKeyInlineOrAsAPathIsCheckedOnLoad(@TempDir Path dir) throws Exception {
        nl.koppelpunt.connectors.pgp.PgpSleutelpaar sleutel = nl.koppelpunt.connectors.pgp.PgpSleutelGenerator.genereer("X <x@test>", null);
        String publiek = sleutel.publiekeSleutelArmored();
        Files.writeString(dir.resolve("x.pub.asc"), publiek);
        Files.writeString(dir.resolve("x.yaml"), "id: x\nnaam: X\noin: \"00000099000000000777\"\nrol: coa\n"
                + "berichttypen: [screening]\npgp:\n  publieke-sleutel: " + dir.resolve("x.pub.asc")
                + "\n  ondertekening-verplicht: true\n");
        Partner partner = loader.load("file:" + dir + "/*.yaml").byId("x").orElseThrow();
        assertThat(partner.pgp().ondertekeningVerplicht()).isTrue();
        assertThat(partner.pgp().sleutelring().getPublicKey().getKeyID())
                .isEqualTo(sleutel.publiekeSleutelring().getPublicKey().getKeyID());

        Files.writeString(dir.resolve("x.yaml"), "id: x\nnaam: X\noin: \"00000099000000000777\"\nrol: coa\n"
                + "pgp:\n  publieke-sleutel: |\n" + publiek.strip().indent(4));
        assertThat(loader.load("file:" + dir + "/*.yaml").byId("x").orElseThrow().pgp().sleutelring()).isNotNull();

        Files.writeString(dir.resolve("x.yaml"), "id: x\nnaam: X\noin: \"00000099000000000777\"\nrol: coa\n"
                + "pgp:\n  publieke-sleutel: " + dir.resolve("bestaat-niet.asc") + "\n");
        assertThatThrownBy(() -> loader.load("file:" + dir + "/*.yaml"))
                .hasMessageContaining("x.yaml: pgp.publieke-sleutel: ");
    }

    @Test
    void withoutPgpNothingIsRequired(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("x.yaml"), "id: x\nnaam: X\noin: \"00000099000000000777\"\nrol: coa\n");
        Partner partner = loader.load("file:" + dir + "/*.yaml").byId("x").orElseThrow();
        assertThat(partner.pgp()).isEqualTo(nl.koppelpunt.connectors.partner.PgpInstellingen.GEEN);
    }
}
