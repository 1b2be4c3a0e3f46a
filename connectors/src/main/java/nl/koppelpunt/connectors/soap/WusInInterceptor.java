package nl.koppelpunt.connectors.soap;

import jakarta.xml.soap.SOAPException;
import jakarta.xml.soap.SOAPHeader;
import jakarta.xml.soap.SOAPMessage;
import java.util.Map;
import java.util.Set;
import javax.xml.namespace.QName;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.saaj.SAAJInInterceptor;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.ws.security.wss4j.WSS4JInInterceptor;
import org.apache.wss4j.common.crypto.AlgorithmSuite;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.dom.handler.RequestData;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * WSS4J's verification with the WUS profile's demands made explicit, each refused with a fault that says what is
 * wrong: a {@code wsu:Timestamp} must be there, and the signature must use the SHA-2 family ({@link Wus}) — an
 * RSA-SHA1 signature or a SHA-1 digest is refused by name. WSS4J's own algorithm suite enforces the same (and a
 * 2048-bit RSA minimum) as a second line, and checks the Timestamp's expiry.
 */
final class WusInInterceptor extends WSS4JInInterceptor {

    static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    private static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    /** WS-Security 1.1 fault codes (SOAP Message Security §12). */
    static final QName UNSUPPORTED_ALGORITHM = new QName(WSSE, "UnsupportedAlgorithm", "wsse");
    static final QName INVALID_SECURITY = new QName(WSSE, "InvalidSecurity", "wsse");

    WusInInterceptor(Map<String, Object> config) {
        super(config);
    }

    @Override
    public void handleMessage(SoapMessage message) throws Fault {
        if (message.getContent(SOAPMessage.class) == null) {
            SAAJInInterceptor.INSTANCE.handleMessage(message);
        }
        controleer(message.getContent(SOAPMessage.class));
        super.handleMessage(message);
    }

    @Override
    protected void setAlgorithmSuites(SoapMessage message, RequestData data) throws WSSecurityException {
        super.setAlgorithmSuites(message, data);
        AlgorithmSuite suite = new AlgorithmSuite();
        Wus.HANDTEKENINGALGORITMEN.forEach(suite::addSignatureMethod);
        Wus.DIGESTALGORITMEN.forEach(suite::addDigestAlgorithm);
        suite.setMinimumAsymmetricKeyLength(2048);
        data.setAlgorithmSuite(suite);
    }

    static void controleer(SOAPMessage message) {
        Element security = null;
        try {
            SOAPHeader header = message == null ? null : message.getSOAPHeader();
            if (header != null) {
                NodeList lijst = header.getElementsByTagNameNS(WSSE, "Security");
                security = lijst.getLength() == 0 ? null : (Element) lijst.item(0);
            }
        } catch (SOAPException e) {
            throw new SoapFault("Geen leesbare SOAP-header.", INVALID_SECURITY);
        }
        if (security == null) {
            throw new SoapFault("wsse:Security ontbreekt: WUS 2W-be-S vraagt een wsu:Timestamp en een X.509-handtekening"
                    + " over Body, Timestamp en WS-Addressing-headers.", INVALID_SECURITY);
        }
        if (security.getElementsByTagNameNS(Wus.WSU, "Timestamp").getLength() == 0) {
            throw new SoapFault("wsu:Timestamp ontbreekt in wsse:Security (WUS 2W-be-S).", INVALID_SECURITY);
        }
        algoritmen(security, "SignatureMethod", Wus.HANDTEKENINGALGORITMEN, "Handtekeningalgoritme");
        algoritmen(security, "DigestMethod", Wus.DIGESTALGORITMEN, "Digestalgoritme");
    }

    private static void algoritmen(Element security, String element, Set<String> toegestaan, String wat) {
        NodeList methoden = security.getElementsByTagNameNS(DS, element);
        for (int i = 0; i < methoden.getLength(); i++) {
            String algoritme = ((Element) methoden.item(i)).getAttribute("Algorithm");
            if (!toegestaan.contains(algoritme)) {
                // Named in the fault so the sender knows what to change; bounded, it is the sender's own text.
                algoritme = algoritme.length() > 120 ? algoritme.substring(0, 120) + "…" : algoritme;
                throw new SoapFault(wat + " " + algoritme + " is niet toegestaan (Digikoppeling WUS: alleen SHA-2); gebruik "
                        + (element.equals("SignatureMethod") ? Wus.RSA_SHA256 : Wus.SHA256) + ".", UNSUPPORTED_ALGORITHM);
            }
        }
    }
}
