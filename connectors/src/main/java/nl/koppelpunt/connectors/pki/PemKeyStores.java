package nl.koppelpunt.connectors.pki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;

/** PEM files as in-memory key stores, for APIs that want a KeyStore (WS-Security crypto). */
public final class PemKeyStores {

    private PemKeyStores() {
    }

    /** One entry {@code alias} with the private key of {@code keyPem} and the chain of {@code certPem}. */
    public static KeyStore keyStore(Path certPem, Path keyPem, String alias, char[] password) {
        try {
            List<X509Certificate> chain = PemFiles.readCertificates(certPem);
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(alias, PemFiles.readPrivateKey(keyPem), password, chain.toArray(Certificate[]::new));
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + certPem + " or " + keyPem, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot use " + certPem + " with " + keyPem, e);
        }
    }
}
