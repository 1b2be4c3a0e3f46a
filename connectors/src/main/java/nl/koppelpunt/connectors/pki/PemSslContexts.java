package nl.koppelpunt.connectors.pki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * {@link SSLContext}s straight from PEM files, the format {@link DevelopmentPki} writes and partners hand over,
 * so callers need no keytool step and no keystore passwords. For tests, the load generator and outbound deliveries.
 */
public final class PemSslContexts {

    // Only protects the in-memory keystore entry, which never leaves this JVM.
    private static final char[] IN_MEMORY = "in-memory".toCharArray();

    private PemSslContexts() {
    }

    /** Presents {@code certPem} (with any chain after it) and trusts only the CAs in {@code caPem}. */
    public static SSLContext client(Path certPem, Path keyPem, Path caPem) {
        return context(keyManagers(certPem, keyPem), trustManagers(caPem));
    }

    /** The same for a server that asks for client certificates; only clients the CAs in {@code clientCaPem} issued pass. */
    public static SSLContext server(Path certPem, Path keyPem, Path clientCaPem) {
        return context(keyManagers(certPem, keyPem), trustManagers(clientCaPem));
    }

    /** Presents no certificate; trusts only the CAs in {@code caPem}, not the JDK's public roots. */
    public static SSLContext trustOnly(Path caPem) {
        return context(null, trustManagers(caPem));
    }

    private static KeyManager[] keyManagers(Path certPem, Path keyPem) {
        try {
            List<X509Certificate> chain = PemFiles.readCertificates(certPem);
            PrivateKey key = PemFiles.readPrivateKey(keyPem);
            // The handshake would fail on the peer with an unhelpful message; say which files disagree.
            if (key instanceof RSAPrivateCrtKey rsa && chain.get(0).getPublicKey() instanceof RSAPublicKey pub
                    && !rsa.getModulus().equals(pub.getModulus())) {
                throw new IllegalArgumentException(keyPem + " is not the key of the certificate in " + certPem);
            }
            KeyStore store = emptyStore();
            store.setKeyEntry("key", key, IN_MEMORY, chain.toArray(Certificate[]::new));
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, IN_MEMORY);
            return factory.getKeyManagers();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + certPem + " or " + keyPem, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot use " + certPem + " with " + keyPem, e);
        }
    }

    private static TrustManager[] trustManagers(Path caPem) {
        try {
            KeyStore store = emptyStore();
            List<X509Certificate> cas = PemFiles.readCertificates(caPem);
            for (int i = 0; i < cas.size(); i++) {
                store.setCertificateEntry("ca-" + i, cas.get(i));
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return factory.getTrustManagers();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + caPem, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot trust " + caPem, e);
        }
    }

    private static KeyStore emptyStore() throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        return store;
    }

    private static SSLContext context(KeyManager[] keyManagers, TrustManager[] trustManagers) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers, trustManagers, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot create a TLS context", e);
        }
    }
}
