package nl.koppelpunt.hub.e2e;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import javax.xml.namespace.QName;

import org.apache.wss4j.common.WSEncryptionPart;
import org.apache.wss4j.common.crypto.Merlin;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.WSDataRef;
import org.apache.wss4j.dom.engine.WSSConfig;
import org.apache.wss4j.dom.engine.WSSecurityEngine;
import org.apache.wss4j.dom.engine.WSSecurityEngineResult;
import org.apache.wss4j.dom.handler.RequestData;
import org.apache.wss4j.dom.handler.WSHandlerResult;
import org.apache.wss4j.dom.message.WSSecHeader;
import org.apache.wss4j.dom.message.WSSecSignature;
import org.apache.wss4j.dom.message.WSSecTimestamp;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import nl.koppelpunt.connectors.pki.PemKeyStores;

/**
 * WS-Security per Digikoppeling WUS 2W-be-S, done with WSS4J on a SOAP envelope as any partner's stack would: sign
 * (a Timestamp, then an RSA-SHA256 X.509 signature with the certificate as BinarySecurityToken over Timestamp, Body
 * and the WS-Addressing headers present) and verify (the signature chains to the development CA; what it covers).
 * The Citrus SOAP partners ({@link SoapPartners}) call it from their Spring WS interceptors.
 */
final class WusHandtekening {

    static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String WSA = "http://www.w3.org/2005/08/addressing";
    static final String WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
    static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    static final String SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256";

    /** Only protects the in-memory key store entry. */
    private static final String PASSWORD = "in-memory";
    private static final List<String> WSA_HEADERS = List.of("To", "From", "ReplyTo", "FaultTo", "MessageID", "Action",
            "RelatesTo");

    /** What a verified signature covered, and by whom. */
    record Geverifieerd(X509Certificate ondertekenaar, String algoritme, Set<QName> ondertekend, Set<String> digests,
                        boolean timestamp) {
    }

    private WusHandtekening() {
    }

    /** A signer with a partner's development key and certificate ({@code <pki>/<partner>.key/.crt}). */
    static Merlin ondertekenaar(Path pki, String partner) {
        Merlin crypto = new Merlin();
        crypto.setKeyStore(PemKeyStores.keyStore(pki.resolve(partner + ".crt"), pki.resolve(partner + ".key"), "key",
                PASSWORD.toCharArray()));
        return crypto;
    }

    /** A verifier that trusts certificates issued by {@code <pki>/ca.crt}. */
    static Merlin vertrouwd(Path pki) {
        try (InputStream in = Files.newInputStream(pki.resolve("ca.crt"))) {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
            Merlin crypto = new Merlin();
            crypto.setTrustStore(trust);
            return crypto;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the CA certificate", e);
        }
    }

    /** Adds a wsse:Security header with a Timestamp and the signature over Timestamp, Body and WS-Addressing. */
    static void onderteken(Document envelope, Merlin ondertekenaar) {
        try {
            WSSecHeader header = new WSSecHeader(envelope);
            header.insertSecurityHeader();
            WSSecTimestamp timestamp = new WSSecTimestamp(header);
            timestamp.setTimeToLive(300);
            timestamp.build();
            WSSecSignature signature = new WSSecSignature(header);
            signature.setUserInfo("key", PASSWORD);
            signature.setKeyIdentifierType(WSConstants.BST_DIRECT_REFERENCE);
            signature.setSignatureAlgorithm(RSA_SHA256);
            signature.setDigestAlgo(SHA256);
            signature.getParts().add(new WSEncryptionPart("Timestamp", WSU, ""));
            signature.getParts().add(new WSEncryptionPart("Body", SOAP11, ""));
            Element soapHeader = soapHeader(envelope);
            for (Node n = soapHeader.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element && WSA.equals(n.getNamespaceURI()) && WSA_HEADERS.contains(n.getLocalName())) {
                    signature.getParts().add(new WSEncryptionPart(n.getLocalName(), WSA, ""));
                }
            }
            signature.build(ondertekenaar);
        } catch (Exception e) {
            throw new IllegalStateException("cannot sign the SOAP message", e);
        }
    }

    /**
     * Verifies the wsse:Security header: the signature must be valid, by a certificate from the CA.
     *
     * @throws IllegalStateException when there is no header or signature, or it does not verify
     */
    static Geverifieerd verifieer(Document envelope, Merlin vertrouwd) {
        try {
            RequestData data = new RequestData();
            data.setWssConfig(WSSConfig.getNewInstance());
            data.setSigVerCrypto(vertrouwd);
            // The signing certificate must chain to the trusted CA (any subject it issued).
            data.setSubjectCertConstraints(List.of(Pattern.compile(".*")));
            WSHandlerResult result = new WSSecurityEngine().processSecurityHeader(envelope, data);
            if (result == null) {
                throw new IllegalStateException("no wsse:Security header");
            }
            List<WSSecurityEngineResult> signatures = result.getActionResults().getOrDefault(WSConstants.SIGN, List.of());
            if (signatures.isEmpty()) {
                throw new IllegalStateException("no signature");
            }
            X509Certificate signer = null;
            String algorithm = null;
            Set<QName> signed = new HashSet<>();
            Set<String> digests = new HashSet<>();
            for (WSSecurityEngineResult action : signatures) {
                signer = (X509Certificate) action.get(WSSecurityEngineResult.TAG_X509_CERTIFICATE);
                algorithm = (String) action.get(WSSecurityEngineResult.TAG_SIGNATURE_METHOD);
                @SuppressWarnings("unchecked")
                List<WSDataRef> refs = (List<WSDataRef>) action.get(WSSecurityEngineResult.TAG_DATA_REF_URIS);
                for (WSDataRef ref : refs) {
                    signed.add(ref.getName());
                    digests.add(ref.getDigestAlgorithm());
                }
            }
            boolean timestamp = !result.getActionResults().getOrDefault(WSConstants.TS, List.of()).isEmpty();
            return new Geverifieerd(signer, algorithm, signed, digests, timestamp);
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("the WS-Security header does not verify: " + e.getMessage(), e);
        }
    }

    private static Element soapHeader(Document envelope) {
        Node header = envelope.getElementsByTagNameNS(SOAP11, "Header").item(0);
        if (header == null) {
            throw new IllegalStateException("no soap:Header");
        }
        return (Element) header;
    }
}
