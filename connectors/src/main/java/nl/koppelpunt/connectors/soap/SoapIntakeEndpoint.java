package nl.koppelpunt.connectors.soap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.Resource;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.xml.ws.Provider;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.ServiceMode;
import jakarta.xml.ws.WebServiceContext;
import jakarta.xml.ws.WebServiceProvider;
import jakarta.xml.ws.handler.MessageContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.xml.transform.dom.DOMSource;
import nl.koppelpunt.connectors.intake.IntakeException;
import nl.koppelpunt.connectors.intake.IntakeGateway;
import nl.koppelpunt.connectors.intake.IntakeReceipt;
import nl.koppelpunt.connectors.intake.IntakeRequest;
import nl.koppelpunt.connectors.intake.Probleem;
import nl.koppelpunt.connectors.partner.Partner;
import nl.koppelpunt.connectors.rest.ClientCertificateFilter;
import nl.koppelpunt.schemas.Berichttype;
import nl.koppelpunt.schemas.Violation;
import nl.koppelpunt.schemas.XmlEncoding;
import org.apache.cxf.ws.addressing.AddressingProperties;
import org.apache.cxf.ws.addressing.JAXWSAConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * SOAP intake (Digikoppeling WUS): one operation per inbound message type, as in {@code koppelpunt-intake-v1.wsdl}.
 * Like the REST controller this adapter does only what is SOAP-specific: the body element → type, WS-Addressing
 * {@code MessageID} → idempotency key, {@code Action} checked against the operation, XML → the JSON of the same
 * contract; authorisation, validation and durability are the hub's intake flow, shared by every channel.
 */
@WebServiceProvider(serviceName = "KoppelpuntIntake", portName = "IntakeSoap11",
        targetNamespace = SoapIntakeEndpoint.WSDL_NAMESPACE, wsdlLocation = SoapIntakeEndpoint.WSDL)
@ServiceMode(Service.Mode.PAYLOAD)
public class SoapIntakeEndpoint implements Provider<DOMSource> {

    static final String WSDL_NAMESPACE = "https://koppelpunt.nl/contracten/v1/soap/intake";
    static final String WSDL = "classpath:koppelpunt/contracts/v1/soap/koppelpunt-intake-v1.wsdl";
    /** The same rule as the REST Idempotency-Key: printable, log-safe and bounded (a urn:uuid: fits). */
    private static final Pattern KEY = Pattern.compile("^[A-Za-z0-9._:-]{1,128}$");
    private static final Logger LOG = LoggerFactory.getLogger(SoapIntakeEndpoint.class);

    private final IntakeGateway intake;
    private final XmlEncoding encoding = new XmlEncoding();
    private final ObjectMapper json = new ObjectMapper();

    @Resource
    private WebServiceContext context;

    public SoapIntakeEndpoint(IntakeGateway intake) {
        this.intake = intake;
    }

    /** The wsa:Action of an operation: the contract namespace and the type's code. */
    public static String action(Berichttype type) {
        return XmlEncoding.NAMESPACE + "/" + type.code();
    }

    @Override
    public DOMSource invoke(DOMSource request) {
        Berichttype type = null;
        try {
            Element bericht = bericht(request);
            type = type(bericht);
            MessageContext message = context.getMessageContext();
            AddressingProperties addressing = (AddressingProperties) message.get(JAXWSAConstants.ADDRESSING_PROPERTIES_INBOUND);
            String key = messageId(addressing);
            checkAction(addressing, type);
            Partner partner = ClientCertificateFilter.partnerOf((HttpServletRequest) message.get(MessageContext.SERVLET_REQUEST));
            if (partner == null) {
                throw new IntakeException(Probleem.NIET_TOEGESTAAN, "Geen geauthenticeerde partner.");
            }
            Ondertekenaar.controleer(message, partner);
            ObjectNode body = encoding.toJson(type, bericht);
            IntakeReceipt receipt = intake.accept(new IntakeRequest(partner, type, key, "soap",
                    json.writeValueAsBytes(body), traceparent(message)));
            return ontvangstbevestiging(receipt);
        } catch (IntakeException e) {
            throw SoapFouten.fault(e, type);
        } catch (RuntimeException | com.fasterxml.jackson.core.JsonProcessingException e) {
            // Never a stack trace to the partner; the log has the cause (no payload in it).
            LOG.error("SOAP intake failed unexpectedly", e);
            throw SoapFouten.fault(new IntakeException(Probleem.HUB_NIET_BESCHIKBAAR,
                    "Onverwachte fout; probeer het later opnieuw met dezelfde MessageID."), type);
        }
    }

    private static Element bericht(DOMSource request) {
        Node node = request == null ? null : request.getNode();
        if (node instanceof Document) {
            node = ((Document) node).getDocumentElement();
        }
        if (!(node instanceof Element)) {
            throw new IntakeException(Probleem.ONGELDIG_BERICHT, "De SOAP Body bevat geen bericht.");
        }
        return (Element) node;
    }

    private static Berichttype type(Element bericht) {
        Optional<Berichttype> type = XmlEncoding.NAMESPACE.equals(bericht.getNamespaceURI())
                ? Berichttype.inkomende().stream().filter(t -> t.code().equals(bericht.getLocalName())).findFirst()
                : Optional.empty();
        return type.orElseThrow(() -> new IntakeException(Probleem.ONGELDIG_BERICHT,
                "Onbekende operatie: het body-element moet een van " + Berichttype.inkomende().stream()
                        .map(Berichttype::code).toList() + " zijn in namespace " + XmlEncoding.NAMESPACE + ".",
                List.of(new Violation("", "onbekend element in de SOAP Body"))));
    }

    private static String messageId(AddressingProperties addressing) {
        String id = addressing == null || addressing.getMessageID() == null ? null : addressing.getMessageID().getValue();
        if (id == null || !KEY.matcher(id).matches()) {
            String reason = id == null ? "De header ontbreekt: geef het eigen berichtkenmerk van de afzender mee."
                    : "Gebruik 1 tot 128 tekens uit A-Z, a-z, 0-9 en . _ : -";
            throw new IntakeException(Probleem.ONGELDIG_VERZOEK, "wsa:MessageID ontbreekt of is ongeldig",
                    List.of(new Violation("wsa:MessageID", reason)));
        }
        return id;
    }

    private static void checkAction(AddressingProperties addressing, Berichttype type) {
        String action = addressing == null || addressing.getAction() == null ? null : addressing.getAction().getValue();
        if (!action(type).equals(action)) {
            throw new IntakeException(Probleem.ONGELDIG_VERZOEK, "wsa:Action past niet bij het bericht",
                    List.of(new Violation("wsa:Action", "Verwacht " + action(type) + " voor een " + type.code() + ".")));
        }
    }

    @SuppressWarnings("unchecked")
    private static String traceparent(MessageContext message) {
        Object headers = message.get(MessageContext.HTTP_REQUEST_HEADERS);
        if (headers instanceof Map) {
            for (Map.Entry<String, List<String>> header : ((Map<String, List<String>>) headers).entrySet()) {
                if ("traceparent".equalsIgnoreCase(header.getKey()) && !header.getValue().isEmpty()) {
                    return header.getValue().get(0);
                }
            }
        }
        return null;
    }

    private static DOMSource ontvangstbevestiging(IntakeReceipt receipt) {
        Document document = SoapFouten.newDocument();
        Element root = document.createElementNS(XmlEncoding.NAMESPACE, "ontvangstbevestiging");
        Element berichtId = document.createElementNS(XmlEncoding.NAMESPACE, "berichtId");
        berichtId.setTextContent(receipt.berichtId().toString());
        Element status = document.createElementNS(XmlEncoding.NAMESPACE, "status");
        status.setTextContent(receipt.status().code());
        root.appendChild(berichtId);
        root.appendChild(status);
        document.appendChild(root);
        return new DOMSource(document);
    }
}
