package nl.koppelpunt.hub.support;

import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.Dispatch;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.soap.AddressingFeature;
import java.net.URL;
import java.security.KeyStore;
import java.util.HashMap;
import java.util.Map;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import nl.koppelpunt.connectors.pki.PemKeyStores;
import org.apache.cxf.ws.security.wss4j.WSS4JOutInterceptor;
import org.apache.wss4j.common.ConfigurationConstants;
import org.apache.wss4j.common.crypto.Crypto;
import org.apache.wss4j.common.crypto.Merlin;
import org.apache.wss4j.common.ext.WSPasswordCallback;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;
import javax.xml.namespace.QName;
import javax.xml.transform.Source;
import javax.xml.transform.dom.DOMSource;
import nl.koppelpunt.connectors.pki.PemSslContexts;
import org.apache.cxf.configuration.jsse.TLSClientParameters;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.jaxws.DispatchImpl;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.ws.addressing.AddressingProperties;
import org.apache.cxf.ws.addressing.AttributedURIType;
import org.apache.cxf.ws.addressing.JAXWSAConstants;
import org.w3c.dom.Document;

/**
 * A partner's side of the SOAP intake: a real CXF JAX-WS client (Dispatch, payload mode) built from the published
 * WSDL, over mutual TLS with the partner's certificate, sending WS-Addressing MessageID and Action.
 */
public final class SoapClient {

    private static final String NS = "https://koppelpunt.nl/contracten/v1/soap/intake";
    private static final URL WSDL = SoapClient.class.getClassLoader()
            .getResource("koppelpunt/contracts/v1/soap/koppelpunt-intake-v1.wsdl");

    private static final char[] PASSWORD = "in-memory".toCharArray();

    private final SSLContext ssl;
    private final String address;
    private final KeyStore signing;
    private boolean signAddressing = true;
    private String signatureAlgorithm = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    private String digestAlgorithm = "http://www.w3.org/2001/04/xmlenc#sha256";
    private boolean timestamp = true;
    private KeyStore trust;
    private java.security.cert.X509Certificate answerSigner;

    /**
     * @param signing the key store (alias {@code key}) whose key signs each request (WS-Security), or null to send
     *                unsigned requests
     */
    public SoapClient(SSLContext ssl, String address, KeyStore signing) {
        this.ssl = ssl;
        this.address = address;
        this.signing = signing;
    }

    /** For tests of the server's coverage check: sign only Timestamp and Body, not the WS-Addressing headers. */
    public SoapClient withoutSignedAddressing() {
        signAddressing = false;
        return this;
    }

    /** For tests of the WUS algorithm policy: sign with these (weak) algorithms. */
    public SoapClient withAlgorithms(String signature, String digest) {
        signatureAlgorithm = signature;
        digestAlgorithm = digest;
        return this;
    }

    /** For tests of the WUS profile: a signature without a wsu:Timestamp. */
    public SoapClient withoutTimestamp() {
        timestamp = false;
        return this;
    }

    /** The certificate that signed the last answer (WUS 2W-be-S), verified against the CA; null if unsigned. */
    public java.security.cert.X509Certificate answerSigner() {
        return answerSigner;
    }

    /** A demo partner's client that signs with its own key: the PEM files the gateway generated in {@code <dataDir>/pki}. */
    public static SoapClient partner(Path dataDir, String partnerId, int port) {
        return partner(dataDir, partnerId, partnerId, port);
    }

    /** Connects with one partner's TLS certificate and signs with another's ({@code signer} null: not at all). */
    public static SoapClient partner(Path dataDir, String partnerId, String signer, int port) {
        Path pki = dataDir.resolve("pki");
        KeyStore signing = signer == null ? null
                : PemKeyStores.keyStore(pki.resolve(signer + ".crt"), pki.resolve(signer + ".key"), "key", PASSWORD);
        SoapClient client = new SoapClient(PemSslContexts.client(pki.resolve(partnerId + ".crt"), pki.resolve(partnerId + ".key"),
                pki.resolve("ca.crt")), "https://localhost:" + port + "/services/koppelpunt", signing);
        client.trust = trustStore(pki.resolve("ca.crt"));
        return client;
    }

    /**
     * Sends one message element and returns the response payload.
     *
     * @throws jakarta.xml.ws.soap.SOAPFaultException when Koppelpunt answers with a fault
     */
    public Source send(Document bericht, String messageId, String action) {
        Service service = Service.create(WSDL, new QName(NS, "KoppelpuntIntake"));
        Dispatch<Source> dispatch = service.createDispatch(new QName(NS, "IntakeSoap11"), Source.class,
                Service.Mode.PAYLOAD, new AddressingFeature(true, true));
        dispatch.getRequestContext().put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, address);
        AddressingProperties maps = new AddressingProperties();
        if (messageId != null) {
            maps.setMessageID(uri(messageId));
        }
        maps.setAction(uri(action));
        dispatch.getRequestContext().put(JAXWSAConstants.CLIENT_ADDRESSING_PROPERTIES, maps);
        Client client = ((DispatchImpl<?>) dispatch).getClient();
        TLSClientParameters tls = new TLSClientParameters();
        tls.setSslContext(ssl);
        ((HTTPConduit) client.getConduit()).setTlsClientParameters(tls);
        if (signing != null) {
            client.getOutInterceptors().add(new WSS4JOutInterceptor(wsSecurity(signAddressing, signatureAlgorithm,
                    digestAlgorithm, timestamp)));
            dispatch.getRequestContext().put(CRYPTO_REF, crypto());
        }
        if (trust != null) {
            // Koppelpunt signs its answers (2W-be-S): verify them as a partner would, against the CA.
            Map<String, Object> verify = new HashMap<>();
            verify.put(ConfigurationConstants.ACTION, ConfigurationConstants.TIMESTAMP + " " + ConfigurationConstants.SIGNATURE);
            verify.put(ConfigurationConstants.SIG_VER_PROP_REF_ID, TRUST_REF);
            verify.put(ConfigurationConstants.SIG_SUBJECT_CERT_CONSTRAINTS, ".*");
            client.getInInterceptors().add(new org.apache.cxf.ws.security.wss4j.WSS4JInInterceptor(verify));
            Merlin verifier = new Merlin();
            verifier.setTrustStore(trust);
            dispatch.getRequestContext().put(TRUST_REF, verifier);
        }
        Source answer = dispatch.invoke(new DOMSource(bericht));
        answerSigner = signer(dispatch.getResponseContext().get(org.apache.wss4j.dom.handler.WSHandlerConstants.RECV_RESULTS));
        return answer;
    }

    private static final String TRUST_REF = "test.trust-crypto";

    @SuppressWarnings("unchecked")
    private static java.security.cert.X509Certificate signer(Object results) {
        if (results instanceof java.util.List) {
            for (org.apache.wss4j.dom.handler.WSHandlerResult result : (java.util.List<org.apache.wss4j.dom.handler.WSHandlerResult>) results) {
                for (org.apache.wss4j.dom.engine.WSSecurityEngineResult action : result.getActionResults()
                        .getOrDefault(org.apache.wss4j.dom.WSConstants.SIGN, java.util.List.of())) {
                    return (java.security.cert.X509Certificate) action.get(org.apache.wss4j.dom.engine.WSSecurityEngineResult.TAG_X509_CERTIFICATE);
                }
            }
        }
        return null;
    }

    private static KeyStore trustStore(Path ca) {
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(ca)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("ca", java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in));
            return store;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static final String CRYPTO_REF = "test.signing-crypto";
    private static final String WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
    private static final String WSA = "http://www.w3.org/2005/08/addressing";

    /** WUS 2W-be-S as a partner sends it: Timestamp, then an X.509 signature over Timestamp, Body and WS-Addressing. */
    private static Map<String, Object> wsSecurity(boolean signAddressing, String signatureAlgorithm, String digestAlgorithm,
                                                  boolean timestamp) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConfigurationConstants.ACTION, timestamp
                ? ConfigurationConstants.TIMESTAMP + " " + ConfigurationConstants.SIGNATURE : ConfigurationConstants.SIGNATURE);
        config.put(ConfigurationConstants.USER, "key");
        config.put(ConfigurationConstants.SIG_PROP_REF_ID, CRYPTO_REF);
        config.put(ConfigurationConstants.SIG_KEY_ID, "DirectReference");
        config.put(ConfigurationConstants.SIG_ALGO, signatureAlgorithm);
        config.put(ConfigurationConstants.SIG_DIGEST_ALGO, digestAlgorithm);
        config.put(ConfigurationConstants.SIGNATURE_PARTS, (timestamp ? "{Element}{" + WSU + "}Timestamp;" : "")
                + "{Element}{http://schemas.xmlsoap.org/soap/envelope/}Body");
        if (signAddressing) {
            config.put(ConfigurationConstants.OPTIONAL_SIGNATURE_PARTS, "{Element}{" + WSA + "}To;{Element}{" + WSA + "}ReplyTo;"
                + "{Element}{" + WSA + "}MessageID;{Element}{" + WSA + "}Action;{Element}{" + WSA + "}FaultTo;"
                + "{Element}{" + WSA + "}RelatesTo");
        }
        config.put(ConfigurationConstants.PW_CALLBACK_REF, (CallbackHandler) callbacks -> {
            for (Callback callback : callbacks) {
                if (callback instanceof WSPasswordCallback) {
                    ((WSPasswordCallback) callback).setPassword(new String(PASSWORD));
                }
            }
        });
        return config;
    }

    private Crypto crypto() {
        Merlin crypto = new Merlin();
        crypto.setKeyStore(signing);
        return crypto;
    }

    private static AttributedURIType uri(String value) {
        AttributedURIType uri = new AttributedURIType();
        uri.setValue(value);
        return uri;
    }
}
