package nl.koppelpunt.connectors.soap;

import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.Dispatch;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.handler.MessageContext;
import jakarta.xml.ws.soap.AddressingFeature;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import javax.xml.namespace.QName;
import javax.xml.transform.Source;
import javax.xml.transform.dom.DOMSource;
import nl.koppelpunt.connectors.bezorging.BezorgFout;
import nl.koppelpunt.schemas.Berichttype;
import org.apache.cxf.configuration.jsse.TLSClientParameters;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.jaxws.DispatchImpl;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transport.http.HTTPException;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;
import org.apache.cxf.ws.addressing.AddressingProperties;
import org.apache.cxf.ws.addressing.AttributedURIType;
import org.apache.cxf.ws.addressing.EndpointReferenceType;
import org.apache.cxf.ws.addressing.JAXWSAConstants;
import org.apache.cxf.ws.security.wss4j.WSS4JOutInterceptor;
import org.apache.wss4j.common.crypto.Crypto;
import org.w3c.dom.Document;

/**
 * Koppelpunt's side of the {@code koppelpunt-gemeente} service: one SOAP 1.1 call to a gemeente's endpoint, as the
 * published WSDL describes, over mutual TLS, with WS-Addressing and a WUS 2W-be-S signature. It does one attempt and
 * only classifies a failure; whether to try again is the delivery flow's decision, exactly as for REST.
 *
 * <p>One JAX-WS {@link Dispatch} per endpoint address is kept (building one reads the WSDL and sets up the conduit);
 * its request context is per thread, so concurrent deliveries to one gemeente do not share their headers.
 */
public class GemeenteSoapClient implements AutoCloseable {

    public static final String WSDL = "koppelpunt/contracts/v1/soap/koppelpunt-gemeente-v1.wsdl";
    public static final String NAMESPACE = "https://koppelpunt.nl/contracten/v1/soap/gemeente";
    static final QName SERVICE = new QName(NAMESPACE, "koppelpunt-gemeente");
    static final QName PORT = new QName(NAMESPACE, "GemeenteSoap11");
    private static final String CRYPTO_REF = "koppelpunt.soap.bezorging.crypto";

    private final SSLContext tls;
    private final Crypto ondertekenaar;
    private final int connectTimeoutMs;
    private final int responseTimeoutMs;
    private final Service service;
    private final Map<String, Dispatch<Source>> dispatches = new ConcurrentHashMap<>();

    /**
     * @param tls          client key (Koppelpunt's certificate) and the CAs that may issue a gemeente's server certificate
     * @param ondertekenaar Koppelpunt's signing key and certificate
     */
    public GemeenteSoapClient(SSLContext tls, Crypto ondertekenaar, int connectTimeoutMs, int responseTimeoutMs) {
        this.tls = tls;
        this.ondertekenaar = ondertekenaar;
        this.connectTimeoutMs = connectTimeoutMs;
        this.responseTimeoutMs = responseTimeoutMs;
        URL wsdl = GemeenteSoapClient.class.getClassLoader().getResource(WSDL);
        this.service = Service.create(wsdl, SERVICE);
    }

    /** The wsa:Action of an operation of the gemeente service: {@code .../soap/gemeente/<type>}. */
    public static String action(Berichttype type) {
        return NAMESPACE + "/" + type.code();
    }

    /** The wsa:MessageID of a delivery: the delivery id as a URN, the same on every attempt and replay. */
    public static String messageId(String bezorgingId) {
        return "urn:uuid:" + bezorgingId;
    }

    /**
     * Delivers one message.
     *
     * @param bericht     the message element (XML encoding of the contract), the operation is its type
     * @param traceparent W3C trace context of the delivery's span, sent as an HTTP header; may be null
     * @throws BezorgFout  the gemeente answered with a SOAP fault or an HTTP error: retry only when it says so
     * @throws IOException the gemeente could not be reached or did not answer in time: retry
     */
    public void bezorg(URI adres, Berichttype type, Document bericht, String bezorgingId, String traceparent)
            throws BezorgFout, IOException {
        Dispatch<Source> dispatch = dispatches.computeIfAbsent(adres.toString(), this::maak);
        Map<String, Object> context = dispatch.getRequestContext();
        AddressingProperties maps = new AddressingProperties();
        maps.setMessageID(uri(messageId(bezorgingId)));
        maps.setAction(uri(action(type)));
        EndpointReferenceType to = new EndpointReferenceType();
        to.setAddress(uri(adres.toString()));
        maps.setTo(to);
        context.put(JAXWSAConstants.CLIENT_ADDRESSING_PROPERTIES, maps);
        context.put(MessageContext.HTTP_REQUEST_HEADERS,
                traceparent == null ? Map.of() : Map.of("traceparent", List.of(traceparent)));
        try {
            dispatch.invoke(new DOMSource(bericht));
        } catch (SOAPFaultException e) {
            throw fout(e);
        } catch (WebServiceException e) {
            Exception fout = classificeer(e);
            if (fout instanceof BezorgFout) {
                throw (BezorgFout) fout;
            }
            if (fout instanceof IOException) {
                throw (IOException) fout;
            }
            throw e;
        }
    }

    private Dispatch<Source> maak(String adres) {
        Dispatch<Source> dispatch = service.createDispatch(PORT, Source.class, Service.Mode.PAYLOAD, new AddressingFeature(true, true));
        Client client = ((DispatchImpl<?>) dispatch).getClient();
        dispatch.getRequestContext().put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, adres);
        dispatch.getRequestContext().put(CRYPTO_REF, ondertekenaar);
        // Then a per-thread request context (each a copy of the above): the MessageID and headers of one delivery
        // never leak into a concurrent one.
        dispatch.getRequestContext().put("thread.local.request.context", "true");
        client.getOutInterceptors().add(new WSS4JOutInterceptor(Wus.ondertekening(CRYPTO_REF)));
        HTTPConduit conduit = (HTTPConduit) client.getConduit();
        TLSClientParameters parameters = new TLSClientParameters();
        parameters.setSslContext(tls);
        conduit.setTlsClientParameters(parameters);
        HTTPClientPolicy policy = new HTTPClientPolicy();
        policy.setConnectionTimeout(connectTimeoutMs);
        policy.setReceiveTimeout(responseTimeoutMs);
        // No hidden retries or redirects: every attempt is Koppelpunt's own, counted and re-checked.
        policy.setAutoRedirect(false);
        policy.setMaxRetransmits(0);
        conduit.setClient(policy);
        return dispatch;
    }

    /** soap:Server (and its subcodes) = the gemeente's own trouble: try again. Anything else: the message is refused. */
    static BezorgFout fout(SOAPFaultException e) {
        QName code = e.getFault() == null ? null : e.getFault().getFaultCodeAsQName();
        String lokaal = code == null ? "onbekend" : code.getLocalPart();
        boolean server = lokaal.equals("Server") || lokaal.startsWith("Server.") || lokaal.equals("Receiver");
        return new BezorgFout("SOAP-fault " + (code == null ? "zonder faultcode" : "soap:" + lokaal), server);
    }

    /** An HTTP error without a fault is judged like REST (5xx, 408, 429: again); any I/O trouble is an IOException. */
    private static Exception classificeer(WebServiceException e) {
        for (Throwable oorzaak = e; oorzaak != null; oorzaak = oorzaak.getCause()) {
            if (oorzaak instanceof HTTPException) {
                int status = ((HTTPException) oorzaak).getResponseCode();
                return new BezorgFout("HTTP " + status, status >= 500 || status == 408 || status == 429);
            }
            if (oorzaak instanceof IOException) {
                return (IOException) oorzaak;
            }
        }
        return e;
    }

    private static AttributedURIType uri(String value) {
        AttributedURIType uri = new AttributedURIType();
        uri.setValue(value);
        return uri;
    }

    @Override
    public void close() {
        dispatches.values().forEach(d -> {
            if (d instanceof AutoCloseable) {
                try {
                    ((AutoCloseable) d).close();
                } catch (Exception e) {
                    // closing on shutdown: nothing to do about it
                }
            }
        });
    }
}
