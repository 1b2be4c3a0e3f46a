package nl.koppelpunt.hub.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.citrusframework.dsl.XpathSupport.xpath;
import static org.citrusframework.ws.actions.SoapActionBuilder.soap;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.xml.namespace.QName;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.citrusframework.validation.xml.XpathMessageValidationContext;
import org.citrusframework.variable.VariableExtractor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import nl.koppelpunt.connectors.pki.DevelopmentPki;
import nl.koppelpunt.connectors.pki.Oin;
import nl.koppelpunt.connectors.soap.GemeenteSoapClient;
import nl.koppelpunt.connectors.soap.SoapIntakeEndpoint;
import nl.koppelpunt.hub.support.Berichten;
import nl.koppelpunt.schemas.Berichttype;
import nl.koppelpunt.schemas.XmlEncoding;

/**
 * The SOAP channel (Digikoppeling WUS) end to end with Citrus on both sides, partner set {@code e2e/partners-soap}:
 * COA is a Citrus web service client (mutual TLS, WS-Addressing, a WSS4J Timestamp and X.509 signature with its
 * development key) that sends a koppeling, a toestemming and a klantprofiel to {@code /services/koppelpunt} and checks
 * Koppelpunt's signed ontvangstbevestiging; gemeente Utrecht's huisvesting is a Citrus web service server on HTTPS with
 * client certificates (its subscription has {@code kanaal: soap}) that verifies Koppelpunt's signature and receives
 * the klantprofiel, which Citrus validates by XPath.
 */
@TestPropertySource(properties = "e2e.partners=" + SoapCitrusE2eTest.SET)
class SoapCitrusE2eTest extends E2eTest {

    static final String SET = "partners-soap";
    static final String BSN = "123456782";
    static final String GM_UTRECHT = "GM0344";
    static final String WSA = WusHandtekening.WSA;
    static final String KP = XmlEncoding.NAMESPACE;
    static final String GEMEENTE_NS = GemeenteSoapClient.NAMESPACE;
    /** COA's OIN in the partner file. */
    static final String COA_OIN = "00000099000000000001";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static SoapPartners.Gemeente gemeente;

    /**
     * The gemeente's server must listen before the gateway starts (its subscription names the port), with a server
     * certificate from the CA the gateway trusts: the development PKI made here is the one the gateway then keeps.
     */
    static synchronized SoapPartners.Gemeente gemeente() {
        if (gemeente == null) {
            Path pki = dataDir(SET).resolve("pki");
            DevelopmentPki.ensure(pki, List.of(), List.of("localhost"));
            gemeente = SoapPartners.gemeente(pki, "gemeente-utrecht-soap", GemeenteServers.ANSWER_TIMEOUT_MS);
        }
        return gemeente;
    }

    @DynamicPropertySource
    static void soapGemeente(DynamicPropertyRegistry registry) {
        registry.add("e2e.port.soap-gemeente", () -> gemeente().port());
    }

    @AfterAll
    static void stopGemeente() {
        // The gateway (Spring context) stays cached for the JVM; a delivery to the stopped server is its business.
        if (gemeente != null) {
            gemeente.server().stop();
        }
    }

    @Test
    void coaSendsSignedSoapAndTheGemeenteReceivesTheKlantprofielSignedOverSoap() throws Exception {
        SoapPartners.Partner coa = SoapPartners.partner(pkiDir, "coa", port);

        String koppeling = coaSendsOverSoap(coa, Berichttype.KOPPELING, Berichten.koppeling(BSN, GM_UTRECHT));
        String toestemming = coaSendsOverSoap(coa, Berichttype.TOESTEMMING, Berichten.toestemming(BSN, GM_UTRECHT, true));
        String profiel = coaSendsOverSoap(coa, Berichttype.KLANTPROFIEL, Berichten.klantprofiel(BSN, 1));
        // Every answer came signed by Koppelpunt's certificate (WUS 2W-be-S), checked against the CA.
        assertThat(coa.antwoorden()).hasSize(3).allSatisfy(antwoord -> {
            assertThat(Oin.fromCertificate(antwoord.ondertekenaar())).contains(DevelopmentPki.KOPPELPUNT_OIN);
            assertThat(antwoord.timestamp()).isTrue();
            assertThat(antwoord.ondertekend()).contains(new QName(WusHandtekening.SOAP11, "Body"));
        });
        partnerAwaitsBericht("coa", koppeling, Map.of("$.kanaal", "soap", "$.berichttype", "koppeling"));
        partnerAwaitsBericht("coa", toestemming, Map.of("$.kanaal", "soap", "$.berichttype", "toestemming"));

        String messageId = gemeenteReceivesKlantprofielOverSoap(BSN, 1);

        partnerAwaitsBericht("coa", profiel, Map.of(
                "$.kanaal", "soap",
                "$.status", "bezorgd",
                "$.bezorgingen.size()", 1,
                "$.bezorgingen[0].abonnement", "gemeente-utrecht.huisvesting"));
        // The MessageID is the delivery's id: the gemeente's de-duplication key, the same on every attempt.
        UUID bezorgingId = jdbc.queryForObject("SELECT id FROM bezorging WHERE bericht_id = ?", UUID.class,
                UUID.fromString(profiel));
        assertThat(messageId).isEqualTo("urn:uuid:" + bezorgingId);
        // The gemeente's interceptor verified the call before Citrus took it: Koppelpunt's key signed Timestamp, Body
        // and the WS-Addressing headers, with SHA-2.
        assertThat(gemeente().fouten()).isEmpty();
        WusHandtekening.Geverifieerd bezorging = gemeente().geverifieerd(messageId);
        assertThat(bezorging).as("verified signature of " + messageId).isNotNull();
        assertThat(Oin.fromCertificate(bezorging.ondertekenaar())).contains(DevelopmentPki.KOPPELPUNT_OIN);
        assertThat(bezorging.timestamp()).isTrue();
        assertThat(bezorging.ondertekend()).contains(
                new QName(WusHandtekening.SOAP11, "Body"), new QName(WusHandtekening.WSU, "Timestamp"),
                new QName(WSA, "MessageID"), new QName(WSA, "Action"), new QName(WSA, "To"));
        assertThat(bezorging.algoritme()).isEqualTo(WusHandtekening.RSA_SHA256);
        assertThat(bezorging.digests()).containsOnly(WusHandtekening.SHA256);
        assertThat(gemeente().tlsClient(messageId)).as("mutual TLS with Koppelpunt's certificate").isNotNull()
                .satisfies(cert -> assertThat(Oin.fromCertificate(cert)).contains(DevelopmentPki.KOPPELPUNT_OIN));
    }

    /**
     * COA sends one message over SOAP: the XML encoding of the JSON example, WS-Addressing MessageID (fresh) and the
     * operation's Action, signed on the way out; the answer must be an ontvangstbevestiging with a berichtId.
     *
     * @return the berichtId
     */
    private String coaSendsOverSoap(SoapPartners.Partner coa, Berichttype type, byte[] json) throws Exception {
        String xml = xml(new XmlEncoding().toXml(type, JSON.readTree(json)));
        String action = SoapIntakeEndpoint.action(type);
        runner.$(soap().client(coa.client()).send().message()
                .soapAction(action)
                .header("{" + WSA + "}Action", action)
                .header("{" + WSA + "}MessageID", "urn:uuid:" + UUID.randomUUID())
                .header("{" + WSA + "}To", "https://localhost:" + port + "/services/koppelpunt")
                .body(xml));
        runner.$(soap().client(coa.client()).receive().message()
                .header("Action", action + "/ontvangen")
                .validate(XpathMessageValidationContext.Builder.xpath()
                        .namespaceContext("kp", KP)
                        .expression("/kp:ontvangstbevestiging/kp:berichtId", "@matches('" + UUID_PATTERN + "')@")
                        .expression("/kp:ontvangstbevestiging/kp:status", "ontvangen"))
                // The extractor does not take the validation's namespace context: by local names.
                .extract(xpath().expression("/*[local-name()='ontvangstbevestiging']/*[local-name()='berichtId']",
                        "berichtId")));
        return context.getVariable("berichtId");
    }

    /**
     * Within {@link #DELIVERY_TIMEOUT} the gemeente's SOAP server receives the klantprofiel: wsa:Action of the
     * gemeente service's klantprofiel operation, wsa:MessageID {@code urn:uuid:<delivery id>}, and in the body the
     * BSN, the version and only huisvesting's sections. It answers {@code ontvangen}.
     *
     * @return the wsa:MessageID
     */
    private String gemeenteReceivesKlantprofielOverSoap(String bsn, int versie) {
        String[] messageId = new String[1];
        try {
            gemeenteReceives(bsn, versie, messageId);
        } catch (RuntimeException | AssertionError e) {
            // A call the gemeente's interceptor refused never reaches Citrus: say why rather than only "timeout".
            throw new AssertionError("the gemeente received no valid klantprofiel; refused calls: " + gemeente().fouten(), e);
        }
        runner.$(soap().server(gemeente().server()).send().message()
                .header("{" + WSA + "}Action", GemeenteSoapClient.action(Berichttype.KLANTPROFIEL) + "/ontvangen")
                .header("{" + WSA + "}MessageID", "urn:uuid:" + UUID.randomUUID())
                .header("{" + WSA + "}RelatesTo", messageId[0])
                .body("<g:ontvangen xmlns:g='" + GEMEENTE_NS + "'><g:kenmerk>utrecht-" + UUID.randomUUID()
                        + "</g:kenmerk></g:ontvangen>"));
        return messageId[0];
    }

    private void gemeenteReceives(String bsn, int versie, String[] messageId) {
        runner.$(soap().server(gemeente().server()).receive()
                .timeout(DELIVERY_TIMEOUT.toMillis())
                .message()
                .header("Action", GemeenteSoapClient.action(Berichttype.KLANTPROFIEL))
                .header("MessageID", "@matches('urn:uuid:" + UUID_PATTERN + "')@")
                .header("To", "https://localhost:" + gemeente().port() + "/gemeente-utrecht/koppelpunt")
                .validate(XpathMessageValidationContext.Builder.xpath()
                        .namespaceContext("kp", KP)
                        .expression("/kp:klantprofiel/kp:persoonsgegevens/kp:burgerservicenummer", bsn)
                        .expression("/kp:klantprofiel/kp:profielversie", String.valueOf(versie))
                        // Rule 7: huisvesting sees the family, not work or education ("boolean:": does it exist).
                        .expression("boolean:/kp:klantprofiel/kp:familiegegevens", "true")
                        .expression("boolean:/kp:klantprofiel/kp:arbeidsgegevens", "false")
                        .expression("boolean:/kp:klantprofiel/kp:educatievegegevens", "false"))
                .extract((VariableExtractor) (message, ctx) -> messageId[0] = String.valueOf(message.getHeader("MessageID"))));
    }

    private static String xml(org.w3c.dom.Document document) throws Exception {
        var transformer = TransformerFactory.newInstance().newTransformer();
        transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
        StringWriter out = new StringWriter();
        transformer.transform(new DOMSource(document), new StreamResult(out));
        return out.toString();
    }
}
