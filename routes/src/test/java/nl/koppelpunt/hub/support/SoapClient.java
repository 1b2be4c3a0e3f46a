package nl.koppelpunt.hub.support;

import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.Dispatch;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.soap.AddressingFeature;
import java.net.URL;
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

    private final SSLContext ssl;
    private final String address;

    public SoapClient(SSLContext ssl, String address) {
        this.ssl = ssl;
        this.address = address;
    }

    /** A demo partner's client, with the PEM files the gateway generated in {@code <dataDir>/pki}. */
    public static SoapClient partner(Path dataDir, String partnerId, int port) {
        Path pki = dataDir.resolve("pki");
        return new SoapClient(PemSslContexts.client(pki.resolve(partnerId + ".crt"), pki.resolve(partnerId + ".key"),
                pki.resolve("ca.crt")), "https://localhost:" + port + "/services/koppelpunt");
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
        return dispatch.invoke(new DOMSource(bericht));
    }

    private static AttributedURIType uri(String value) {
        AttributedURIType uri = new AttributedURIType();
        uri.setValue(value);
        return uri;
    }
}
