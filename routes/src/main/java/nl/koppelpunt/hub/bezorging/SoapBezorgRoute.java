package nl.koppelpunt.hub.bezorging;

import java.net.URI;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;

import nl.koppelpunt.connectors.soap.GemeenteSoapClient;
import nl.koppelpunt.hub.HubRouteConfiguration;
import nl.koppelpunt.schemas.Berichttype;
import nl.koppelpunt.schemas.XmlEncoding;

/**
 * Delivery over SOAP (kanaal {@code soap}, Digikoppeling WUS) to a gemeente's implementation of the published
 * {@code koppelpunt-gemeente} WSDL: the prepared, section-filtered message in its XML encoding, with WS-Addressing
 * (MessageID = the delivery id, like the REST Idempotency-Key), a WUS 2W-be-S signature and mutual TLS
 * ({@link GemeenteSoapClient}). Like the webhook route it does one attempt and lets a failure go back to the
 * subscription route: a soap:Server fault, HTTP 5xx/408/429 or an I/O error is retried, anything else dead-lettered.
 */
@Component
public class SoapBezorgRoute extends RouteBuilder {

    public static final String SOAP = "direct:bezorg-soap";
    static final String DOCUMENT = "KoppelpuntSoapDocument";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final GemeenteSoapClient client;
    private final XmlEncoding encoding = new XmlEncoding();

    public SoapBezorgRoute(GemeenteSoapClient client) {
        this.client = client;
    }

    @Override
    public void configure() {
        from(SOAP).routeId("bezorg-soap").routeConfigurationId(HubRouteConfiguration.SYNCHROON)
                .process(this::naarXml).id("bezorg-soap-xml")
                .process(this::versturen).id("bezorg-soap-versturen");
    }

    /** The JSON the preparation made (already cut down to the subscription's sections) in the contract's XML form. */
    private void naarXml(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        JsonNode bericht = JSON.readTree(message.getBody(byte[].class));
        message.setBody(encoding.toXml(type(message), bericht));
    }

    private void versturen(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        client.bezorg(URI.create(message.getHeader(Exchange.HTTP_URI, String.class)), type(message),
                message.getBody(Document.class), message.getHeader("Idempotency-Key", String.class),
                message.getHeader(Bezorger.TRACEPARENT, String.class));
    }

    private static Berichttype type(Message message) {
        String code = message.getHeader("Koppelpunt-Berichttype", String.class);
        return Berichttype.fromCode(code).orElseThrow(() -> new IllegalStateException("unknown berichttype " + code));
    }
}
