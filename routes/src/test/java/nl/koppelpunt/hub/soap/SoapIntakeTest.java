package nl.koppelpunt.hub.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringWriter;
import java.time.Duration;
import java.util.UUID;
import javax.xml.transform.Source;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMResult;
import javax.xml.transform.stream.StreamResult;
import nl.koppelpunt.connectors.soap.SoapIntakeEndpoint;
import nl.koppelpunt.hub.support.HubIntegrationTest;
import nl.koppelpunt.hub.support.SoapClient;
import nl.koppelpunt.hub.support.Voorbeelden;
import nl.koppelpunt.schemas.Berichttype;
import nl.koppelpunt.schemas.XmlEncoding;
import org.apache.cxf.binding.soap.SoapFault;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The SOAP intake with a real CXF client over mutual TLS: same contract, rules and guarantees as REST. */
class SoapIntakeTest extends HubIntegrationTest {

    private final XmlEncoding encoding = new XmlEncoding();

    @Test
    void klantprofielIsAcceptedAndProcessedLikeRest() throws Exception {
        String messageId = "urn:uuid:" + UUID.randomUUID();
        Source antwoord = soap("coa").send(klantprofiel(Voorbeelden.seedKlantprofielJson()), messageId,
                SoapIntakeEndpoint.action(Berichttype.KLANTPROFIEL));

        Element bevestiging = element(antwoord);
        assertThat(bevestiging.getLocalName()).isEqualTo("ontvangstbevestiging");
        UUID id = UUID.fromString(text(bevestiging, "berichtId"));
        assertThat(text(bevestiging, "status")).isEqualTo("ontvangen");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM bericht WHERE id = ? AND afzender = 'coa' AND kanaal = 'soap'"
                + " AND berichttype = 'klantprofiel' AND idempotentie_sleutel = ?", Integer.class, id, messageId)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> events(id, "verwerkt") == 1);
    }

    @Test
    void theSameMessageIdTwiceGivesTheSameBerichtId() throws Exception {
        String messageId = "urn:uuid:" + UUID.randomUUID();
        Document bericht = klantprofiel(Voorbeelden.seedKlantprofielJson());
        String action = SoapIntakeEndpoint.action(Berichttype.KLANTPROFIEL);
        String eerste = text(element(soap("coa").send(bericht, messageId, action)), "berichtId");
        String tweede = text(element(soap("coa").send(bericht, messageId, action)), "berichtId");
        assertThat(tweede).isEqualTo(eerste);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM bericht WHERE idempotentie_sleutel = ?", Integer.class, messageId))
                .isEqualTo(1);
    }

    @Test
    void aSchemaViolationIsAClientFaultNamingTheElementAndStoresNothing() throws Exception {
        ObjectNode profiel = Voorbeelden.seedKlantprofielJson();
        ((ObjectNode) profiel.path("persoonsgegevens")).put("burgerservicenummer", "123456789");
        String messageId = "urn:uuid:" + UUID.randomUUID();
        SoapFault fault = fault("coa", klantprofiel(profiel), messageId, SoapIntakeEndpoint.action(Berichttype.KLANTPROFIEL));
        assertThat(fault.getFaultCode().getLocalPart()).isEqualTo("Client");
        assertThat(fault.getMessage())
                .contains("klantprofiel/persoonsgegevens/burgerservicenummer")
                .doesNotContain("123456789");
        assertThat(stored(messageId)).isZero();
    }

    @Test
    void aRoleThatMayNotSendTheTypeGetsAFault() throws Exception {
        // TVS may send koppelingen only, not klantprofielen.
        String messageId = "urn:uuid:" + UUID.randomUUID();
        SoapFault fault = fault("tvs", klantprofiel(Voorbeelden.seedKlantprofielJson()), messageId,
                SoapIntakeEndpoint.action(Berichttype.KLANTPROFIEL));
        assertThat(fault.getFaultCode().getLocalPart()).isEqualTo("Client");
        assertThat(fault.getMessage()).contains("Niet toegestaan").contains("klantprofiel");
        assertThat(stored(messageId)).isZero();
    }

    @Test
    void anActionThatDoesNotMatchTheBodyIsRefused() throws Exception {
        String messageId = "urn:uuid:" + UUID.randomUUID();
        SoapFault fault = fault("coa", klantprofiel(Voorbeelden.seedKlantprofielJson()), messageId,
                SoapIntakeEndpoint.action(Berichttype.KOPPELING));
        // CXF's WS-Addressing layer refuses it already (the endpoint checks it again as a second line).
        assertThat(fault.getMessage()).contains("Addressing");
        assertThat(stored(messageId)).isZero();
    }

    @Test
    void theAnswerIsSignedWithKoppelpuntsCertificate() throws Exception {
        SoapClient client = soap("coa");
        client.send(klantprofiel(Voorbeelden.seedKlantprofielJson()), "urn:uuid:" + UUID.randomUUID(),
                SoapIntakeEndpoint.action(Berichttype.KLANTPROFIEL));
        // WUS 2W-be-S: verified by the client's WSS4J against the CA before the answer was handed over.
        assertThat(client.answerSigner()).isNotNull();
        assertThat(nl.koppelpunt.connectors.pki.Oin.fromCertificate(client.answerSigner()))
                .contains(nl.koppelpunt.connectors.pki.DevelopmentPki.KOPPELPUNT_OIN);
    }

    @Test
    void anRsaSha1SignatureIsRefusedNamingTheAlgorithm() {
        String messageId = "urn:uuid:" + UUID.randomUUID();
        SoapFault fault = fault(() -> soap("coa").withAlgorithms("http://www.w3.org/2000/09/xmldsig#rsa-sha1",
                        "http://www.w3.org/2001/04/xmlenc#sha256")
                .send(klantprofiel(Voorbeelden.seedKlantprofielJson()), messageId, SoapIntakeEndpoint.action(Berichttype.KLANTPROFIEL)));
        assertThat(fault.getFaultCode().getLocalPart()).isEqualTo("UnsupportedAlgorithm");
        assertThat(fault.getMessage()).contains("http://www.w3.org/2000/09/xmldsig#rsa-sha1").contains("niet toegestaan");
        assertThat(stored(messageId)).isZero();
    }

    @Test
    void aSha1DigestIsRefusedNamingTheAlgorithm() {
        String messageId = "urn:uuid:" + UUID.randomUUID();
        SoapFault fault = fault(() -> soap("coa").withAlgorithms("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
                        "http://www.w3.org/2000/09/xmldsig#sha1")
                .send(klantprofiel(Voorbeelden.seedKlantprofielJson()), messageId, SoapIntakeEndpoint.action(Berichttype.KLANTPROFIEL)));
        assertThat(fault.getMessage()).contains("Digestalgoritme http://www.w3.org/2000/09/xmldsig#sha1");
        assertThat(stored(messageId)).isZero();
    }

    @Test
    void aSignatureWithoutTimestampIsRefused() {
        String messageId = "urn:uuid:" + UUID.randomUUID();
        SoapFault fault = fault(() -> soap("coa").withoutTimestamp()
                .send(klantprofiel(Voorbeelden.seedKlantprofielJson()), messageId, SoapIntakeEndpoint.action(Berichttype.KLANTPROFIEL)));
        assertThat(fault.getFaultCode().getLocalPart()).isEqualTo("InvalidSecurity");
        assertThat(fault.getMessage()).contains("wsu:Timestamp ontbreekt");
        assertThat(stored(messageId)).isZero();
    }

    @Test
    void anUnsignedMessageIsRefused() {
        String messageId = "urn:uuid:" + UUID.randomUUID();
        SoapFault fault = fault(() -> SoapClient.partner(DATA_DIR, "coa", null, port).send(
                klantprofiel(Voorbeelden.seedKlantprofielJson()), messageId, SoapIntakeEndpoint.action(Berichttype.KLANTPROFIEL)));
        assertThat(fault.getMessage()).isNotBlank();
        assertThat(stored(messageId)).isZero();
    }

    @Test
    void aSignatureByAnotherPartnerThanTheTlsCertificateIsRefused() {
        // TLS as COA, signed with TVS's (trusted, valid) certificate.
        String messageId = "urn:uuid:" + UUID.randomUUID();
        SoapFault fault = fault(() -> SoapClient.partner(DATA_DIR, "coa", "tvs", port).send(
                klantprofiel(Voorbeelden.seedKlantprofielJson()), messageId, SoapIntakeEndpoint.action(Berichttype.KLANTPROFIEL)));
        assertThat(fault.getMessage()).contains("ondertekeningscertificaat");
        assertThat(stored(messageId)).isZero();
    }

    @Test
    void aSignatureThatLeavesTheAddressingHeadersOutIsRefused() {
        String messageId = "urn:uuid:" + UUID.randomUUID();
        SoapFault fault = fault(() -> soap("coa").withoutSignedAddressing().send(
                klantprofiel(Voorbeelden.seedKlantprofielJson()), messageId, SoapIntakeEndpoint.action(Berichttype.KLANTPROFIEL)));
        assertThat(fault.getMessage()).isNotBlank();
        assertThat(stored(messageId)).isZero();
    }

    @Test
    void theSameMessageIdWithOtherContentIsAConflict() {
        String messageId = "urn:uuid:" + UUID.randomUUID();
        String action = SoapIntakeEndpoint.action(Berichttype.KLANTPROFIEL);
        soap("coa").send(klantprofiel(Voorbeelden.seedKlantprofielJson()), messageId, action);
        ObjectNode anders = Voorbeelden.seedKlantprofielJson();
        anders.put("profielversie", 99);
        SoapFault fault = fault(() -> soap("coa").send(klantprofiel(anders), messageId, action));
        assertThat(fault.getMessage()).contains("Idempotency-Key");
        assertThat(stored(messageId)).isEqualTo(1);
    }

    @Test
    void theWsdlAndItsSchemaArePublished() {
        java.net.http.HttpResponse<String> wsdl = client("coa").get("/services/koppelpunt?wsdl");
        assertThat(wsdl.statusCode()).isEqualTo(200);
        for (Berichttype type : Berichttype.inkomende()) {
            assertThat(wsdl.body()).contains("<wsdl:operation name=\"" + type.code() + "\">");
        }
        java.util.regex.Matcher xsd = java.util.regex.Pattern.compile("schemaLocation=\"([^\"]+)\"").matcher(wsdl.body());
        assertThat(xsd.find()).as("the WSDL imports the XSD").isTrue();
        java.net.http.HttpResponse<String> schema = client("coa").get(
                java.net.URI.create(xsd.group(1)).getRawPath() + "?" + java.net.URI.create(xsd.group(1)).getRawQuery());
        assertThat(schema.statusCode()).isEqualTo(200);
        assertThat(schema.body()).contains("name=\"ontvangstbevestiging\"");
    }

    @Test
    void theWsdlGemeentenImplementIsPublishedWithItsSchemaBesideIt() {
        java.net.http.HttpResponse<String> wsdl = client("gemeente-utrecht").get("/contracten/v1/soap/koppelpunt-gemeente-v1.wsdl");
        assertThat(wsdl.statusCode()).isEqualTo(200);
        assertThat(wsdl.body()).contains("<wsdl:service name=\"koppelpunt-gemeente\">")
                .contains("<wsdl:operation name=\"klantprofiel\">").contains("schemaLocation=\"koppelpunt-v1.xsd\"");
        // The relative import resolves against the WSDL's URL.
        java.net.http.HttpResponse<String> xsd = client("gemeente-utrecht").get("/contracten/v1/soap/koppelpunt-v1.xsd");
        assertThat(xsd.statusCode()).isEqualTo(200);
        assertThat(xsd.body()).contains("name=\"intrekking\"");
    }

    /** The fault the client received (CXF hands it over as the cause of a WebServiceException without SAAJ). */
    static SoapFault fault(Runnable call) {
        Throwable thrown = catchThrowable(call::run);
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof SoapFault) {
                return (SoapFault) t;
            }
        }
        throw new AssertionError("expected a SOAP fault, got " + thrown, thrown);
    }

    private SoapFault fault(String partner, Document bericht, String messageId, String action) {
        return fault(() -> soap(partner).send(bericht, messageId, action));
    }

    private int stored(String messageId) {
        return jdbc.queryForObject("SELECT count(*) FROM bericht WHERE idempotentie_sleutel = ?", Integer.class, messageId);
    }

    private SoapClient soap(String partner) {
        return SoapClient.partner(DATA_DIR, partner, port);
    }

    private Document klantprofiel(ObjectNode json) {
        return encoding.toXml(Berichttype.KLANTPROFIEL, json);
    }

    static Element element(Source source) throws Exception {
        DOMResult result = new DOMResult();
        TransformerFactory.newInstance().newTransformer().transform(source, result);
        return ((Document) result.getNode()).getDocumentElement();
    }

    static String text(Element parent, String name) {
        return parent.getElementsByTagNameNS(XmlEncoding.NAMESPACE, name).item(0).getTextContent();
    }

    static String serialise(Source source) throws Exception {
        StringWriter writer = new StringWriter();
        TransformerFactory.newInstance().newTransformer().transform(source, new StreamResult(writer));
        return writer.toString();
    }
}
