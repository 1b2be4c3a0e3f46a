package nl.koppelpunt.connectors.pki;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** PEM reading (BouncyCastle's parser) and writing, shared by {@link DevelopmentPki} and {@link PemSslContexts}. */
final class PemFiles {

    private static final Logger LOG = LoggerFactory.getLogger(PemFiles.class);

    private PemFiles() {
    }

    /** Every certificate in the file, in order: a leaf followed by its chain, or a bundle of CAs. */
    static List<X509Certificate> readCertificates(Path pem) throws IOException {
        List<X509Certificate> certificates = new ArrayList<>();
        try (PEMParser parser = new PEMParser(Files.newBufferedReader(pem, US_ASCII))) {
            for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
                if (object instanceof X509CertificateHolder holder) {
                    certificates.add(new JcaX509CertificateConverter().getCertificate(holder));
                }
            }
        } catch (CertificateException e) {
            throw new IOException("Unreadable certificate in " + pem, e);
        }
        if (certificates.isEmpty()) {
            throw new IOException("No certificate in " + pem);
        }
        return certificates;
    }

    static PrivateKey readPrivateKey(Path pem) throws IOException {
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        try (PEMParser parser = new PEMParser(Files.newBufferedReader(pem, US_ASCII))) {
            for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
                // PKCS#8 is what we write; PKCS#1 ("RSA PRIVATE KEY") is accepted because keys handed to us
                // for outbound deliveries, or made with older openssl versions, often come that way.
                if (object instanceof PrivateKeyInfo info) {
                    return converter.getPrivateKey(info);
                }
                if (object instanceof PEMKeyPair pair) {
                    return converter.getKeyPair(pair).getPrivate();
                }
                if (object instanceof PKCS8EncryptedPrivateKeyInfo || object instanceof PEMEncryptedKeyPair) {
                    throw new IOException(pem + " holds an encrypted private key; only unencrypted keys are supported");
                }
            }
        }
        throw new IOException("No private key in " + pem);
    }

    // The *OrNull readers treat a missing or unparsable file (half-written by an older tool, hand-edited) as
    // "make a new one". A permission problem is thrown instead: silently replacing a CA someone protected is worse.

    static X509Certificate readCertificateOrNull(Path file) throws IOException {
        if (!Files.exists(file)) {
            return null;
        }
        try {
            return readCertificates(file).get(0);
        } catch (AccessDeniedException e) {
            throw e;
        } catch (IOException e) {
            LOG.warn("{} is unreadable ({}); replacing it", file, e.getMessage());
            return null;
        }
    }

    /** The RSA key pair in the file; the public half is derived from the private CRT key. */
    static KeyPair readRsaKeyPairOrNull(Path file) throws IOException, GeneralSecurityException {
        if (!Files.exists(file)) {
            return null;
        }
        try {
            if (readPrivateKey(file) instanceof RSAPrivateCrtKey rsa) {
                PublicKey pub = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
                return new KeyPair(pub, rsa);
            }
            LOG.warn("{} is not an RSA key; replacing it", file);
        } catch (AccessDeniedException e) {
            throw e;
        } catch (IOException e) {
            LOG.warn("{} is unreadable ({}); replacing it", file, e.getMessage());
        }
        return null;
    }

    static void writeCertificate(Path file, X509Certificate certificate) throws IOException {
        AtomicFiles.write(file, pem(certificate), AtomicFiles.PUBLIC);
    }

    /** Unencrypted PKCS#8 ("BEGIN PRIVATE KEY"): the form curl, openssl and Spring Boot PEM bundles all read. */
    static void writePrivateKey(Path file, PrivateKey key) throws IOException {
        // JcaPEMWriter given the key itself would write PKCS#1 ("BEGIN RSA PRIVATE KEY") for RSA.
        AtomicFiles.write(file, pem(new JcaPKCS8Generator(key, null)), AtomicFiles.OWNER_ONLY);
    }

    private static byte[] pem(Object object) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        }
        return out.toString().getBytes(US_ASCII);
    }
}
