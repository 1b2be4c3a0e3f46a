package nl.koppelpunt.hub.soap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import nl.koppelpunt.connectors.soap.SoapIntakeEndpoint;
import nl.koppelpunt.hub.support.HubIntegrationTest;
import nl.koppelpunt.schemas.Berichttype;
import nl.koppelpunt.schemas.XmlEncoding;
import org.junit.jupiter.api.Test;

/**
 * Hostile XML on the SOAP intake, sent as raw HTTP over mutual TLS (a JAX-WS client would refuse to build it):
 * every one ends in a SOAP fault, never a stack trace, never an expanded entity, and nothing is stored.
 */
class SoapHardeningTest extends HubIntegrationTest {

    private static final String PAD = "/services/koppelpunt";

    @Test
    void billionLaughsIsAFaultAndStoresNothing() {
        String id = messageId();
        String dtd = "<!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                + "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                + "<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">"
                + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">"
                + "<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">"
                + "<!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">"
                + "<!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">"
                + "<!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">"
                + "<!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">"
                + "<!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">]>";
        HttpResponse<String> response = post(dtd + envelope(id, klantprofiel("&lol9;")));
        assertFault(response);
        assertThat(response.body()).doesNotContain("lollol");
        assertThat(stored(id)).isZero();
    }

    @Test
    void externalEntityIsNotResolved() {
        String id = messageId();
        String dtd = "<!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>";
        HttpResponse<String> response = post(dtd + envelope(id, klantprofiel("&xxe;")));
        assertFault(response);
        assertThat(response.body()).doesNotContain("root:");
        assertThat(stored(id)).isZero();
    }

    @Test
    void oversizedBodyIsRefusedAndStoresNothing() {
        String id = messageId();
        // Over the 1 MiB body limit, as text in one element that the contract allows anywhere else.
        HttpResponse<String> response = post(envelope(id, klantprofiel("x".repeat(1024 * 1024 + 10))));
        assertFault(response);
        assertThat(response.body()).contains("te groot");
        assertThat(stored(id)).isZero();
    }

    @Test
    void oversizedChunkedBodyIsAFaultToo() {
        String id = messageId();
        byte[] body = ("<?xml version='1.0' encoding='UTF-8'?>" + envelope(id, klantprofiel("x".repeat(1024 * 1024 + 10))))
                .getBytes(StandardCharsets.UTF_8);
        // An InputStream publisher has no known length, so the client sends it chunked, without Content-Length.
        HttpRequest request = request()
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))).build();
        HttpResponse<String> response = client("coa").send(request);
        assertFault(response);
        assertThat(stored(id)).isZero();
    }

    @Test
    void tooDeeplyNestedXmlIsAFault() {
        String id = messageId();
        String deep = "<a>".repeat(500) + "</a>".repeat(500);
        HttpResponse<String> response = post(envelope(id, "<klantprofiel xmlns='" + XmlEncoding.NAMESPACE + "'>"
                + deep + "</klantprofiel>"));
        assertFault(response);
        assertThat(stored(id)).isZero();
    }

    @Test
    void anExpiredTimestampIsRefusedWithAFaultThatSaysSo() throws Exception {
        String id = messageId();
        // Signed correctly by COA, but the Timestamp was made ten minutes ago and expired five minutes ago.
        String envelope = ondertekend(envelope(id, klantprofiel("Amal")), java.time.Instant.now().minusSeconds(600));
        HttpResponse<String> response = post(envelope);
        assertFault(response);
        assertThat(response.body()).containsIgnoringCase("expired");
        assertThat(stored(id)).isZero();
    }

    /** Signs an envelope as WUS 2W-be-S asks, with the Timestamp's clock set to {@code aangemaakt}. */
    private static String ondertekend(String envelope, java.time.Instant aangemaakt) throws Exception {
        javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        org.w3c.dom.Document document = factory.newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(envelope.getBytes(StandardCharsets.UTF_8)));
        org.apache.wss4j.dom.message.WSSecHeader header = new org.apache.wss4j.dom.message.WSSecHeader(document);
        header.insertSecurityHeader();
        org.apache.wss4j.dom.message.WSSecTimestamp timestamp = new org.apache.wss4j.dom.message.WSSecTimestamp(header);
        timestamp.setWsTimeSource(() -> aangemaakt);
        timestamp.setTimeToLive(300);
        timestamp.build();
        java.nio.file.Path pki = DATA_DIR.resolve("pki");
        org.apache.wss4j.common.crypto.Merlin crypto = new org.apache.wss4j.common.crypto.Merlin();
        crypto.setKeyStore(nl.koppelpunt.connectors.pki.PemKeyStores.keyStore(pki.resolve("coa.crt"), pki.resolve("coa.key"),
                "key", "pw".toCharArray()));
        org.apache.wss4j.dom.message.WSSecSignature signature = new org.apache.wss4j.dom.message.WSSecSignature(header);
        signature.setUserInfo("key", "pw");
        signature.setKeyIdentifierType(org.apache.wss4j.dom.WSConstants.BST_DIRECT_REFERENCE);
        signature.setSignatureAlgorithm("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256");
        signature.setDigestAlgo("http://www.w3.org/2001/04/xmlenc#sha256");
        String wsa = "http://www.w3.org/2005/08/addressing";
        signature.getParts().add(new org.apache.wss4j.common.WSEncryptionPart("Body", "http://schemas.xmlsoap.org/soap/envelope/", "Element"));
        signature.getParts().add(new org.apache.wss4j.common.WSEncryptionPart(timestamp.getId()));
        for (String naam : java.util.List.of("Action", "MessageID", "To", "ReplyTo")) {
            signature.getParts().add(new org.apache.wss4j.common.WSEncryptionPart(naam, wsa, "Element"));
        }
        signature.build(crypto);
        java.io.StringWriter writer = new java.io.StringWriter();
        javax.xml.transform.TransformerFactory.newInstance().newTransformer().transform(
                new javax.xml.transform.dom.DOMSource(document), new javax.xml.transform.stream.StreamResult(writer));
        return writer.toString().replaceFirst("^<\\?xml[^>]*\\?>", "");
    }

    private static void assertFault(HttpResponse<String> response) {
        // SOAP 1.1 over HTTP: a fault travels with status 500, and it is a fault, not an error page or a stack trace.
        assertThat(response.statusCode()).as(response.body()).isEqualTo(500);
        assertThat(response.body()).contains("Fault>").contains("faultstring").doesNotContain("at org.");
    }

    private static String klantprofiel(String naam) {
        return "<klantprofiel xmlns='" + XmlEncoding.NAMESPACE + "'><profielversie>1</profielversie>"
                + "<persoonsgegevens><naam>" + naam + "</naam><burgerservicenummer>123456782</burgerservicenummer>"
                + "</persoonsgegevens></klantprofiel>";
    }

    private static String envelope(String messageId, String body) {
        return "<soap:Envelope xmlns:soap='http://schemas.xmlsoap.org/soap/envelope/'"
                + " xmlns:wsa='http://www.w3.org/2005/08/addressing'><soap:Header>"
                + "<wsa:Action>" + SoapIntakeEndpoint.action(Berichttype.KLANTPROFIEL) + "</wsa:Action>"
                + "<wsa:MessageID>" + messageId + "</wsa:MessageID>"
                + "<wsa:To>https://localhost/services/koppelpunt</wsa:To>"
                + "<wsa:ReplyTo><wsa:Address>http://www.w3.org/2005/08/addressing/anonymous</wsa:Address></wsa:ReplyTo>"
                + "</soap:Header><soap:Body>" + body + "</soap:Body></soap:Envelope>";
    }

    private HttpResponse<String> post(String envelope) {
        HttpRequest request = request()
                .POST(HttpRequest.BodyPublishers.ofString("<?xml version='1.0' encoding='UTF-8'?>" + envelope,
                        StandardCharsets.UTF_8))
                .build();
        return client("coa").send(request);
    }

    private HttpRequest.Builder request() {
        return HttpRequest.newBuilder(client("coa").uri(PAD))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "text/xml; charset=UTF-8")
                .header("SOAPAction", "\"" + SoapIntakeEndpoint.action(Berichttype.KLANTPROFIEL) + "\"");
    }

    private int stored(String messageId) {
        return jdbc.queryForObject("SELECT count(*) FROM bericht WHERE idempotentie_sleutel = ?", Integer.class, messageId);
    }

    private static String messageId() {
        return "urn:uuid:" + UUID.randomUUID();
    }
}
