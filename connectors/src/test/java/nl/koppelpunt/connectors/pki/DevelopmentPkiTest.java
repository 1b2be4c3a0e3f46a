package nl.koppelpunt.connectors.pki;

import static nl.koppelpunt.connectors.pki.TestCertificates.COA;
import static nl.koppelpunt.connectors.pki.TestCertificates.DUO;
import static nl.koppelpunt.connectors.pki.TestCertificates.UTRECHT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How {@link DevelopmentPki#ensure} treats the files it finds: these tests each start from an empty directory. */
class DevelopmentPkiTest {

    @TempDir
    Path dir;

    @Test
    void createsEveryFileAsPem() throws IOException {
        DevelopmentPki pki = DevelopmentPki.ensure(dir, List.of(COA, UTRECHT), List.of("koppelpunt.test"));

        assertThat(pki.caCertificate()).isEqualTo(dir.resolve("ca.crt"));
        assertThat(pki.partnerKey("gemeente-utrecht")).isEqualTo(dir.resolve("gemeente-utrecht.key"));
        for (Path cert : List.of(pki.caCertificate(), pki.serverCertificate(), pki.partnerCertificate("coa"), pki.partnerCertificate("gemeente-utrecht"))) {
            assertThat(Files.readString(cert)).startsWith("-----BEGIN CERTIFICATE-----").contains("-----END CERTIFICATE-----");
        }
        for (Path key : List.of(dir.resolve("ca.key"), pki.serverKey(), pki.partnerKey("coa"), pki.partnerKey("gemeente-utrecht"))) {
            assertThat(Files.readString(key)).startsWith("-----BEGIN PRIVATE KEY-----").contains("-----END PRIVATE KEY-----");
            if (Files.getFileStore(key).supportsFileAttributeView("posix")) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
            }
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder(".lock", "ca.crt", "ca.key",
                    "server.crt", "server.key", "coa.crt", "coa.key", "gemeente-utrecht.crt", "gemeente-utrecht.key");
        }
    }

    @Test
    void secondCallChangesNothing() throws IOException {
        DevelopmentPki.ensure(dir, List.of(COA, UTRECHT), List.of("koppelpunt.test"));
        Map<String, String> before = snapshot();

        DevelopmentPki.ensure(dir, List.of(COA, UTRECHT), List.of("koppelpunt.test"));

        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void changedOinReissuesOnlyThatPartnersCertificateWithTheSameKey() throws IOException {
        DevelopmentPki.ensure(dir, List.of(COA, UTRECHT), List.of());
        Map<String, String> before = snapshot();
        PartnerIdentity renumbered = new PartnerIdentity(UTRECHT.id(), UTRECHT.naam(), "00000001999999999000");

        DevelopmentPki pki = DevelopmentPki.ensure(dir, List.of(COA, renumbered), List.of());

        assertThat(changedFiles(before, snapshot())).containsExactly("gemeente-utrecht.crt");
        assertThat(Oin.fromCertificate(TestCertificates.read(pki.partnerCertificate(UTRECHT.id())))).contains(renumbered.oin());
    }

    @Test
    void newPartnerGetsFilesAndTheOthersStayAsTheyWere() throws IOException {
        DevelopmentPki.ensure(dir, List.of(COA), List.of());
        Map<String, String> before = snapshot();

        DevelopmentPki.ensure(dir, List.of(COA, DUO), List.of());

        assertThat(changedFiles(before, snapshot())).containsExactlyInAnyOrder("duo.crt", "duo.key");
    }

    @Test
    void changedServerHostnamesReissueOnlyTheServerCertificate() throws IOException {
        DevelopmentPki.ensure(dir, List.of(COA), List.of("koppelpunt.test"));
        Map<String, String> before = snapshot();

        DevelopmentPki.ensure(dir, List.of(COA), List.of("koppelpunt.test", "gateway.koppelpunt.test"));

        assertThat(changedFiles(before, snapshot())).containsExactly("server.crt");
    }

    @Test
    void lostCaKeyMeansANewCaAndEveryCertificateReissuedWithItsOldKey() throws Exception {
        DevelopmentPki.ensure(dir, List.of(COA), List.of());
        Map<String, String> before = snapshot();
        Files.delete(dir.resolve("ca.key"));

        DevelopmentPki pki = DevelopmentPki.ensure(dir, List.of(COA), List.of());

        assertThat(changedFiles(before, snapshot())).containsExactlyInAnyOrder("ca.crt", "ca.key", "server.crt", "coa.crt");
        var ca = TestCertificates.read(pki.caCertificate());
        TestCertificates.read(pki.serverCertificate()).verify(ca.getPublicKey());
        TestCertificates.read(pki.partnerCertificate("coa")).verify(ca.getPublicKey());
    }

    @Test
    void truncatedCertificateIsReplaced() throws IOException {
        DevelopmentPki pki = DevelopmentPki.ensure(dir, List.of(COA), List.of());
        Map<String, String> before = snapshot();
        Files.writeString(pki.partnerCertificate("coa"), "-----BEGIN CERTIFICATE-----\nMIIFazCCA1OgAwIBAgIU");

        DevelopmentPki.ensure(dir, List.of(COA), List.of());

        assertThat(Oin.fromCertificate(TestCertificates.read(pki.partnerCertificate("coa")))).contains(COA.oin());
        assertThat(changedFiles(before, snapshot())).containsExactly("coa.crt");
    }

    @Test
    void leftoverTempFilesFromACrashAreRemoved() throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(".coa.key.123456.pem-tmp"), "-----BEGIN PRIVATE KEY-----\nhalf");

        DevelopmentPki.ensure(dir, List.of(COA), List.of());

        assertThat(dir.resolve(".coa.key.123456.pem-tmp")).doesNotExist();
    }

    @Test
    void createsTheDirectoryIfNeeded() {
        Path nested = dir.resolve("a/b/pki");

        DevelopmentPki pki = DevelopmentPki.ensure(nested, List.of(COA), List.of());

        assertThat(pki.partnerCertificate("coa")).exists();
    }

    @Test
    void rejectsIdsThatWouldClashOrBeAmbiguous() {
        assertThatThrownBy(() -> DevelopmentPki.ensure(dir, List.of(new PartnerIdentity("server", "X", COA.oin())), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reserved");
        assertThatThrownBy(() -> DevelopmentPki.ensure(dir, List.of(COA, new PartnerIdentity("coa", "COA 2", DUO.oin())), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
        assertThatThrownBy(() -> DevelopmentPki.ensure(dir, List.of(COA, new PartnerIdentity("coa-2", "COA 2", COA.oin())), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(COA.oin());
        assertThatThrownBy(() -> DevelopmentPki.ensure(dir, List.of(COA), List.of(), "123"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void partnerIdentityRefusesIdsThatAreNotFileSafe() {
        for (String id : List.of("../etc", "a/b", "Coa", "", "-coa", "coa-", "a--b", "coa.crt")) {
            assertThatThrownBy(() -> new PartnerIdentity(id, "X", COA.oin())).as(id).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> new PartnerIdentity("coa", "X", "123")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PartnerIdentity("coa", " ", COA.oin())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unknownPartnerHasNoFiles() {
        DevelopmentPki pki = DevelopmentPki.ensure(dir, List.of(COA), List.of());

        assertThatThrownBy(() -> pki.partnerCertificate("duo")).isInstanceOf(IllegalArgumentException.class);
    }

    /** File name to content and modification time: "unchanged" must mean not rewritten, not merely equal. */
    private Map<String, String> snapshot() {
        try (Stream<Path> files = Files.list(dir)) {
            Map<String, String> result = new TreeMap<>();
            for (Path file : files.filter(f -> !f.getFileName().toString().equals(".lock")).toList()) {
                FileTime modified = Files.getLastModifiedTime(file);
                result.put(file.getFileName().toString(), modified + "\n" + Files.readString(file));
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> changedFiles(Map<String, String> before, Map<String, String> after) {
        return Stream.concat(before.keySet().stream(), after.keySet().stream()).distinct()
                .filter(name -> !Objects.equals(before.get(name), after.get(name))).toList();
    }
}
