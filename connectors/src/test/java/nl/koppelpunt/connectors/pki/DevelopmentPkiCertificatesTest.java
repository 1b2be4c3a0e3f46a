package nl.koppelpunt.connectors.pki;

import static nl.koppelpunt.connectors.pki.TestCertificates.COA;
import static nl.koppelpunt.connectors.pki.TestCertificates.DUO;
import static nl.koppelpunt.connectors.pki.TestCertificates.UTRECHT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SignatureException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.security.auth.x500.X500Principal;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the certificates say; one PKI shared by all tests, since none of them changes it. */
class DevelopmentPkiCertificatesTest {

    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    private static final int DNS = 2;
    private static final int IP = 7;

    @TempDir
    static Path dir;
    static DevelopmentPki pki;
    static X509Certificate ca;

    @BeforeAll
    static void createPki() {
        pki = DevelopmentPki.ensure(dir.resolve("pki"), List.of(COA, UTRECHT), List.of("koppelpunt.test", "127.0.0.2"));
        ca = TestCertificates.read(pki.caCertificate());
    }

    @Test
    void caIsASelfSignedTenYearCa() throws Exception {
        ca.verify(ca.getPublicKey());
        assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(ca.getKeyUsage()[5]).as("keyCertSign").isTrue();
        assertThat(ca.getSubjectX500Principal().getName()).isEqualTo("CN=Koppelpunt Development CA,O=Koppelpunt (ontwikkeling),C=NL");
        assertThat(ca.getNotAfter().toInstant()).isAfter(Instant.now().plus(Duration.ofDays(3640)));
    }

    @Test
    void partnerCertificateChainsToTheCaAndCarriesTheOin() throws Exception {
        X509Certificate cert = TestCertificates.read(pki.partnerCertificate("gemeente-utrecht"));

        cert.verify(ca.getPublicKey());
        assertThat(cert.getIssuerX500Principal()).isEqualTo(ca.getSubjectX500Principal());
        assertThat(cert.getBasicConstraints()).as("not a CA").isEqualTo(-1);
        assertThat(cert.getExtendedKeyUsage()).containsExactly(CLIENT_AUTH);
        assertThat(cert.getPublicKey().getAlgorithm()).isEqualTo("RSA");
        assertThat(((java.security.interfaces.RSAPublicKey) cert.getPublicKey()).getModulus().bitLength()).isEqualTo(2048);
        assertThat(Oin.fromCertificate(cert)).contains(UTRECHT.oin());
        assertThat(cert.getSubjectX500Principal().getName(X500Principal.RFC2253, Map.of("2.5.4.5", "serialNumber")))
                .isEqualTo("CN=Gemeente Utrecht,serialNumber=00000001002220647000,O=Gemeente Utrecht,C=NL");
        assertThat(cert.getNotAfter().toInstant()).isBetween(Instant.now().plus(Duration.ofDays(720)), Instant.now().plus(Duration.ofDays(731)));
    }

    @Test
    void serverCertificateNamesEveryWayToReachTheGateway() throws Exception {
        X509Certificate cert = TestCertificates.read(pki.serverCertificate());

        cert.verify(ca.getPublicKey());
        assertThat(cert.getExtendedKeyUsage()).contains(SERVER_AUTH);
        assertThat(Oin.fromCertificate(cert)).contains(DevelopmentPki.KOPPELPUNT_OIN);
        assertThat(cert.getSubjectAlternativeNames()).containsExactlyInAnyOrder(
                List.of(DNS, "koppelpunt.test"), List.of(IP, "127.0.0.2"), List.of(DNS, "localhost"),
                List.of(IP, "127.0.0.1"), List.of(IP, "0:0:0:0:0:0:0:1"));
    }

    @Test
    void issueMintsACertificateForAPartnerThatIsNotConfigured() throws Exception {
        X509Certificate cert = pki.issue(DUO, dir.resolve("duo.crt"), dir.resolve("duo.key"));

        cert.verify(ca.getPublicKey());
        assertThat(TestCertificates.read(dir.resolve("duo.crt"))).isEqualTo(cert);
        assertThat(Oin.fromCertificate(cert)).contains(DUO.oin());
        assertThatThrownBy(() -> pki.partnerCertificate("duo")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void certificateFromTheUntrustedCaDoesNotVerify() {
        DevelopmentPki other = TestCertificates.untrustedCa(dir.resolve("other"));
        X509Certificate rogue = other.issue(UTRECHT, dir.resolve("rogue.crt"), dir.resolve("rogue.key"));

        assertThat(rogue.getIssuerX500Principal()).as("same name, different key").isEqualTo(ca.getSubjectX500Principal());
        assertThatThrownBy(() -> rogue.verify(ca.getPublicKey())).isInstanceOf(SignatureException.class);
    }

    @Test
    void opensslReadsTheFiles() throws Exception {
        Optional<Path> openssl = onPath("openssl");
        assumeThat(openssl).as("openssl on the PATH").isPresent();
        String crt = pki.partnerCertificate("coa").toString();

        assertThat(run(openssl.get(), "x509", "-in", crt, "-noout", "-subject")).contains("serialNumber").contains(COA.oin());
        assertThat(run(openssl.get(), "verify", "-CAfile", pki.caCertificate().toString(), "-purpose", "sslclient", crt)).contains("OK");
        assertThat(run(openssl.get(), "verify", "-CAfile", pki.caCertificate().toString(), "-purpose", "sslserver",
                pki.serverCertificate().toString())).contains("OK");
        run(openssl.get(), "pkey", "-in", pki.partnerKey("coa").toString(), "-noout");
    }

    private static Optional<Path> onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(entry -> Path.of(entry, program))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static String run(Path program, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(program.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File(File.separatorChar == '/' ? "/dev/null" : "NUL"))).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("openssl finished").isTrue();
        assertThat(process.exitValue()).as(command + " said: " + output).isZero();
        return output;
    }
}
