package nl.koppelpunt.connectors.soap;

import java.security.Key;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.Certificate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import org.apache.wss4j.common.ConfigurationConstants;
import org.apache.wss4j.common.crypto.Crypto;
import org.apache.wss4j.common.crypto.Merlin;
import org.apache.wss4j.common.ext.WSPasswordCallback;
import org.springframework.boot.ssl.SslBundle;

/**
 * The Digikoppeling WUS 2W-be-S security profile as Koppelpunt applies it, in one place for both directions:
 * which algorithms are acceptable, and how Koppelpunt signs what it sends (deliveries to gemeenten, answers to the
 * intake).
 */
public final class Wus {

    public static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    public static final String SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256";
    /** WUS allows the SHA-2 family only: RSA-SHA1 and SHA-1 digests are refused (SHA-1 collisions are practical). */
    public static final Set<String> HANDTEKENINGALGORITMEN = Set.of(RSA_SHA256,
            "http://www.w3.org/2001/04/xmldsig-more#rsa-sha384", "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512");
    public static final Set<String> DIGESTALGORITMEN = Set.of(SHA256,
            "http://www.w3.org/2001/04/xmldsig-more#sha384", "http://www.w3.org/2001/04/xmlenc#sha512");

    static final String WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
    static final String WSA = "http://www.w3.org/2005/08/addressing";
    static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
    /** The WS-Addressing headers signed when present (the coverage check on the receiving side asks for all of them). */
    static final List<String> WSA_HEADERS = List.of("To", "From", "ReplyTo", "FaultTo", "MessageID", "Action", "RelatesTo");

    private static final String ALIAS = "koppelpunt";
    private static final char[] WACHTWOORD = "in-memory".toCharArray();

    private Wus() {
    }

    /**
     * WSS4J out-configuration for 2W-be-S: a Timestamp, then an RSA-SHA256 signature with SHA-256 digests and
     * exclusive C14N over the Timestamp, the Body and the WS-Addressing headers; the certificate goes along as a
     * BinarySecurityToken so the receiver needs nothing but the CA.
     *
     * @param cryptoRef the message-context key under which the signing {@link Crypto} is found
     */
    public static Map<String, Object> ondertekening(String cryptoRef) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConfigurationConstants.ACTION, ConfigurationConstants.TIMESTAMP + " " + ConfigurationConstants.SIGNATURE);
        config.put(ConfigurationConstants.USER, ALIAS);
        config.put(ConfigurationConstants.SIG_PROP_REF_ID, cryptoRef);
        config.put(ConfigurationConstants.SIG_KEY_ID, "DirectReference");
        config.put(ConfigurationConstants.SIG_ALGO, RSA_SHA256);
        config.put(ConfigurationConstants.SIG_DIGEST_ALGO, SHA256);
        config.put(ConfigurationConstants.SIG_C14N_ALGO, "http://www.w3.org/2001/10/xml-exc-c14n#");
        config.put(ConfigurationConstants.TTL_TIMESTAMP, "300");
        config.put(ConfigurationConstants.SIGNATURE_PARTS, "{Element}{" + WSU + "}Timestamp;{Element}{" + SOAP11 + "}Body");
        StringBuilder wsa = new StringBuilder();
        for (String header : WSA_HEADERS) {
            wsa.append(wsa.length() == 0 ? "" : ";").append("{Element}{").append(WSA).append('}').append(header);
        }
        config.put(ConfigurationConstants.OPTIONAL_SIGNATURE_PARTS, wsa.toString());
        config.put(ConfigurationConstants.PW_CALLBACK_REF, (CallbackHandler) callbacks -> {
            for (Callback callback : callbacks) {
                if (callback instanceof WSPasswordCallback) {
                    ((WSPasswordCallback) callback).setPassword(new String(WACHTWOORD));
                }
            }
        });
        return config;
    }

    /**
     * The signing key of an SSL bundle (its key store's key entry) as a WSS4J {@link Crypto}. The entry is copied into
     * a key store of its own, so that the bundle's key password (often none, for PEM) does not matter to WSS4J.
     */
    public static Crypto ondertekenaar(SslBundle bundle) {
        try {
            KeyStore bron = bundle.getStores().getKeyStore();
            String alias = bundle.getKey().getAlias();
            if (alias == null) {
                alias = bron.aliases().nextElement();
            }
            String wachtwoord = bundle.getKey().getPassword();
            char[] bronWachtwoord = wachtwoord == null ? new char[0] : wachtwoord.toCharArray();
            if (bundle.getStores().getKeyStorePassword() != null && wachtwoord == null) {
                bronWachtwoord = bundle.getStores().getKeyStorePassword().toCharArray();
            }
            Key sleutel = bron.getKey(alias, bronWachtwoord);
            Certificate[] keten = bron.getCertificateChain(alias);
            if (sleutel == null || keten == null) {
                throw new IllegalStateException("the SSL bundle has no key entry to sign with");
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, sleutel, WACHTWOORD, keten);
            Merlin crypto = new Merlin();
            crypto.setKeyStore(store);
            return crypto;
        } catch (KeyStoreException e) {
            throw new IllegalStateException("cannot read the signing key of the SSL bundle", e);
        } catch (java.security.GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot read the signing key of the SSL bundle", e);
        }
    }
}
