package nl.koppelpunt.connectors.pki;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;

/** Test-only helpers; everything they make lives in the test's temp directory. */
final class TestCertificates {

    static final PartnerIdentity COA = new PartnerIdentity("coa", "Centraal Orgaan opvang asielzoekers", "00000001003214345000");
    static final PartnerIdentity UTRECHT = new PartnerIdentity("gemeente-utrecht", "Gemeente Utrecht", "00000001002220647000");
    static final PartnerIdentity DUO = new PartnerIdentity("duo", "Dienst Uitvoering Onderwijs", "00000001804770694000");

    private static KeyPair sharedKeys;

    private TestCertificates() {
    }

    /** A second development CA in {@code dir}: same CA name as the real one, different key, so the gateway must not trust it. */
    static DevelopmentPki untrustedCa(Path dir) {
        return DevelopmentPki.ensure(dir, List.of(), List.of());
    }

    /** A self-signed certificate with exactly this subject, for testing what {@link Oin} makes of odd subjects. */
    static synchronized X509Certificate withSubject(X500Name subject) throws GeneralSecurityException {
        if (sharedKeys == null) {
            sharedKeys = CertificateMinter.newRsaKeyPair();
        }
        return CertificateMinter.selfSignedCa(subject, sharedKeys, Duration.ofDays(1));
    }

    /** Reads with the JDK rather than BouncyCastle, so tests cross-check what {@link PemFiles} wrote. */
    static X509Certificate read(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
