package nl.koppelpunt.connectors.pki;

import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bouncycastle.asn1.x500.X500Name;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The development CA and the gateway's and partners' certificates, as PEM files in one directory:
 * {@code ca.crt}, {@code server.crt}/{@code .key} and {@code <partner-id>.crt}/{@code .key}.
 * {@link #ensure} runs at every start. It keeps whatever is still right and mints only what is missing or
 * stale, because RSA key generation is the slow part and because curl commands people wrote keep working.
 */
public final class DevelopmentPki {

    /** Koppelpunt's own OIN in development, carried by the server certificate. */
    public static final String KOPPELPUNT_OIN = "00000099000000000000";
    private static final Duration CA_VALIDITY = Duration.ofDays(3650);
    private static final Duration LEAF_VALIDITY = Duration.ofDays(730);
    // Renew ahead of expiry so a long-lived development environment never starts with a dead certificate.
    private static final Duration RENEW_BEFORE = Duration.ofDays(30);
    private static final Set<String> RESERVED_IDS = Set.of("ca", "server");
    private static final Logger LOG = LoggerFactory.getLogger(DevelopmentPki.class);

    private final Path dir;
    private final X509Certificate ca;
    private final PrivateKey caKey;
    private final Set<String> partnerIds;

    private DevelopmentPki(Path dir, X509Certificate ca, PrivateKey caKey, Set<String> partnerIds) {
        this.dir = dir;
        this.ca = ca;
        this.caKey = caKey;
        this.partnerIds = partnerIds;
    }

    public static DevelopmentPki ensure(Path pkiDir, List<PartnerIdentity> partners, List<String> serverHostnames) {
        return ensure(pkiDir, partners, serverHostnames, KOPPELPUNT_OIN);
    }

    public static synchronized DevelopmentPki ensure(Path pkiDir, List<PartnerIdentity> partners,
            List<String> serverHostnames, String serverOin) {
        if (!Oin.isValid(serverOin)) {
            throw new IllegalArgumentException("Server OIN must be exactly 20 digits: '" + serverOin + "'");
        }
        Set<String> ids = checkedIds(partners);
        CertificateProfile server = CertificateProfile.server(serverHostnames, serverOin);
        try {
            Files.createDirectories(pkiDir, AtomicFiles.permissions(pkiDir, AtomicFiles.PRIVATE_DIRECTORY));
            // A file lock besides synchronized: a gateway and a load generator starting together must not
            // each create a CA and leave the other's certificates unverifiable.
            try (FileChannel lockFile = FileChannel.open(pkiDir.resolve(".lock"), CREATE, WRITE);
                    FileLock lock = lockFile.lock()) {
                AtomicFiles.deleteLeftovers(pkiDir);
                DevelopmentPki pki = openCa(pkiDir, ids);
                pki.ensureLeaf(server, pki.serverCertificate(), pki.serverKey());
                for (PartnerIdentity partner : partners) {
                    pki.ensureLeaf(CertificateProfile.partner(partner), pki.partnerCertificate(partner.id()), pki.partnerKey(partner.id()));
                }
                return pki;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot set up the development PKI in " + pkiDir, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot set up the development PKI in " + pkiDir, e);
        }
    }

    /** Mints a client certificate for any partner, configured or not, reusing the key in {@code keyOut} if there is one. */
    public X509Certificate issue(PartnerIdentity partner, Path certOut, Path keyOut) {
        try {
            return issueLeaf(CertificateProfile.partner(partner), certOut, keyOut, PemFiles.readRsaKeyPairOrNull(keyOut));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot issue a certificate for " + partner.id(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot issue a certificate for " + partner.id(), e);
        }
    }

    public Path caCertificate() {
        return dir.resolve("ca.crt");
    }

    public Path serverCertificate() {
        return dir.resolve("server.crt");
    }

    public Path serverKey() {
        return dir.resolve("server.key");
    }

    public Path partnerCertificate(String id) {
        return dir.resolve(known(id) + ".crt");
    }

    public Path partnerKey(String id) {
        return dir.resolve(known(id) + ".key");
    }

    private String known(String id) {
        if (!partnerIds.contains(id)) {
            throw new IllegalArgumentException("Partner '" + id + "' is not configured; known: " + partnerIds);
        }
        return id;
    }

    private static DevelopmentPki openCa(Path dir, Set<String> ids) throws IOException, GeneralSecurityException {
        KeyPair keys = PemFiles.readRsaKeyPairOrNull(dir.resolve("ca.key"));
        if (keys == null) {
            LOG.info("No usable development CA key in {}: creating a new CA (certificates it finds get re-issued)", dir);
            keys = CertificateMinter.newRsaKeyPair();
            PemFiles.writePrivateKey(dir.resolve("ca.key"), keys.getPrivate());
        }
        X509Certificate ca = PemFiles.readCertificateOrNull(dir.resolve("ca.crt"));
        if (ca == null || !belongsTo(ca, keys) || expiresSoon(ca)
                || !CertificateProfile.CA_NAME.equals(X500Name.getInstance(ca.getSubjectX500Principal().getEncoded()))) {
            ca = CertificateMinter.selfSignedCa(CertificateProfile.CA_NAME, keys, CA_VALIDITY);
            PemFiles.writeCertificate(dir.resolve("ca.crt"), ca);
        }
        return new DevelopmentPki(dir, ca, keys.getPrivate(), ids);
    }

    private void ensureLeaf(CertificateProfile profile, Path certFile, Path keyFile) throws IOException, GeneralSecurityException {
        KeyPair keys = PemFiles.readRsaKeyPairOrNull(keyFile);
        X509Certificate existing = keys == null ? null : PemFiles.readCertificateOrNull(certFile);
        if (existing == null || !isCurrent(existing, keys, profile)) {
            issueLeaf(profile, certFile, keyFile, keys);
        }
    }

    private X509Certificate issueLeaf(CertificateProfile profile, Path certFile, Path keyFile, KeyPair existingKeys)
            throws IOException, GeneralSecurityException {
        KeyPair keys = existingKeys;
        if (keys == null) {
            keys = CertificateMinter.newRsaKeyPair();
            // Key before certificate: after a crash in between, the next start finds the key and only re-issues.
            PemFiles.writePrivateKey(keyFile, keys.getPrivate());
        }
        LOG.info("Issuing development certificate {} for {}", certFile.getFileName(), profile.subject());
        X509Certificate certificate = CertificateMinter.leaf(ca, caKey, profile, keys.getPublic(), LEAF_VALIDITY);
        PemFiles.writeCertificate(certFile, certificate);
        return certificate;
    }

    private boolean isCurrent(X509Certificate cert, KeyPair keys, CertificateProfile profile) throws IOException, GeneralSecurityException {
        if (!cert.getIssuerX500Principal().equals(ca.getSubjectX500Principal()) || !belongsTo(cert, keys) || expiresSoon(cert)) {
            return false;
        }
        try {
            cert.verify(ca.getPublicKey());
        } catch (GeneralSecurityException e) {
            return false; // signed by an earlier development CA
        }
        return profile.isSaidBy(cert);
    }

    private static boolean belongsTo(X509Certificate cert, KeyPair keys) {
        return Arrays.equals(cert.getPublicKey().getEncoded(), keys.getPublic().getEncoded());
    }

    private static boolean expiresSoon(X509Certificate cert) {
        return cert.getNotAfter().toInstant().isBefore(Instant.now().plus(RENEW_BEFORE));
    }

    private static Set<String> checkedIds(List<PartnerIdentity> partners) {
        Set<String> ids = new LinkedHashSet<>();
        Map<String, String> idByOin = new HashMap<>();
        for (PartnerIdentity partner : partners) {
            if (RESERVED_IDS.contains(partner.id())) {
                throw new IllegalArgumentException("Partner id '" + partner.id() + "' is reserved for the PKI's own files");
            }
            if (!ids.add(partner.id())) {
                throw new IllegalArgumentException("Partner id '" + partner.id() + "' is configured twice");
            }
            // The OIN is the identity the gateway authorises on: two partners sharing one would be indistinguishable.
            String other = idByOin.putIfAbsent(partner.oin(), partner.id());
            if (other != null) {
                throw new IllegalArgumentException("OIN " + partner.oin() + " is configured for both '" + other + "' and '" + partner.id() + "'");
            }
        }
        return Collections.unmodifiableSet(ids);
    }
}
