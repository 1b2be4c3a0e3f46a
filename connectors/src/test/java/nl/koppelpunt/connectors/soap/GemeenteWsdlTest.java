package nl.koppelpunt.connectors.soap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.wsdl.Definition;
import javax.wsdl.Operation;
import javax.wsdl.Part;
import javax.wsdl.PortType;
import javax.wsdl.factory.WSDLFactory;
import javax.wsdl.xml.WSDLReader;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.Source;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import nl.koppelpunt.connectors.autorisatie.Autorisatie;
import nl.koppelpunt.connectors.autorisatie.Operatie;
import nl.koppelpunt.connectors.partner.Rol;
import nl.koppelpunt.schemas.Berichttype;
import nl.koppelpunt.schemas.ContractCatalog;
import nl.koppelpunt.schemas.XmlEncoding;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.w3c.dom.NodeList;

/**
 * The WSDL gemeenten implement (koppelpunt-gemeente): a WSDL a standard reader accepts, one operation per type a
 * gemeente receives (the authorisation matrix says which) with the action Koppelpunt sends, its schemas compile with
 * the imported XSD found beside it, and every valid example of a delivered type — as Koppelpunt encodes it — is valid
 * against them.
 */
class GemeenteWsdlTest {

    private static final String MAP = "koppelpunt/contracts/v1/soap/";
    private static final String GEMEENTE = GemeenteSoapClient.NAMESPACE;

    private final ContractCatalog catalog = ContractCatalog.v1();
    private final XmlEncoding encoding = new XmlEncoding();

    static List<Berichttype> bezorgd() {
        return Arrays.stream(Berichttype.values())
                .filter(type -> Autorisatie.mag(Rol.GEMEENTE, Operatie.INHOUD_LEZEN, type)).toList();
    }

    @Test
    void thereIsAnOperationWithItsActionForEveryTypeAGemeenteReceives() throws Exception {
        WSDLReader reader = WSDLFactory.newInstance().newWSDLReader();
        reader.setFeature("javax.wsdl.verbose", false);
        Definition wsdl = reader.readWSDL(resource(GemeenteSoapClient.WSDL).toString());
        PortType portType = wsdl.getPortType(new QName(GEMEENTE, "GemeentePortType"));
        Set<String> operaties = new TreeSet<>();
        for (Object o : portType.getOperations()) {
            Operation operatie = (Operation) o;
            operaties.add(operatie.getName());
            Part part = (Part) operatie.getInput().getMessage().getParts().values().iterator().next();
            assertThat(part.getElementName()).isEqualTo(new QName(XmlEncoding.NAMESPACE, operatie.getName()));
            Object action = operatie.getInput().getExtensionAttribute(new QName("http://www.w3.org/2007/05/addressing/metadata", "Action"));
            assertThat(String.valueOf(action)).isEqualTo(GemeenteSoapClient.action(Berichttype.fromCode(operatie.getName()).orElseThrow()));
        }
        assertThat(operaties).as("one operation per delivered type; a new type needs its three stanzas in the WSDL")
                .isEqualTo(bezorgd().stream().map(Berichttype::code).collect(Collectors.toCollection(TreeSet::new)));
        assertThat(wsdl.getService(GemeenteSoapClient.SERVICE)).isNotNull();
    }

    @TestFactory
    Stream<DynamicTest> everyValidExampleOfADeliveredTypeIsValidAgainstTheWsdlsSchemas() throws Exception {
        Schema schema = schemas();
        return bezorgd().stream().flatMap(type -> catalog.exampleNames(type, true).stream()
                .map(naam -> DynamicTest.dynamicTest(type.code() + "/valid/" + naam, () -> {
                    JsonNode bericht = catalog.example(type, true, naam);
                    schema.newValidator().validate(new DOMSource(encoding.toXml(type, bericht)));
                })));
    }

    @Test
    void theAnswerElementIsInTheWsdl() throws Exception {
        String antwoord = "<g:ontvangen xmlns:g='" + GEMEENTE + "'><g:kenmerk>UTR-2017-0001</g:kenmerk></g:ontvangen>";
        schemas().newValidator().validate(new StreamSource(new StringReader(antwoord)));
    }

    /**
     * The WSDL's inline schemas, compiled together; the imported XSD is resolved as a reader of the published WSDL
     * would, relative to it — and only there: anything else is a broken import.
     */
    private static Schema schemas() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document wsdl;
        try (InputStream in = resource(GemeenteSoapClient.WSDL).openStream()) {
            wsdl = factory.newDocumentBuilder().parse(in);
        }
        NodeList lijst = wsdl.getElementsByTagNameNS(XMLConstants.W3C_XML_SCHEMA_NS_URI, "schema");
        List<Source> bronnen = new ArrayList<>();
        for (int i = 0; i < lijst.getLength(); i++) {
            Element schema = (Element) lijst.item(i);
            // Namespace declarations of the WSDL root that the inline schema relies on (kp:, tns:).
            Element kopie = (Element) schema.cloneNode(true);
            var attributen = wsdl.getDocumentElement().getAttributes();
            for (int a = 0; a < attributen.getLength(); a++) {
                var attribuut = attributen.item(a);
                if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attribuut.getNamespaceURI()) && !kopie.hasAttribute(attribuut.getNodeName())) {
                    kopie.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, attribuut.getNodeName(), attribuut.getNodeValue());
                }
            }
            StringWriter tekst = new StringWriter();
            TransformerFactory.newInstance().newTransformer().transform(new DOMSource(kopie), new StreamResult(tekst));
            StreamSource bron = new StreamSource(new StringReader(tekst.toString()));
            bron.setSystemId(resource(GemeenteSoapClient.WSDL).toString() + "#schema" + i);
            bronnen.add(bron);
        }
        SchemaFactory schemas = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        List<String> geladen = new ArrayList<>();
        schemas.setResourceResolver(alleenBeside(geladen));
        Schema schema = schemas.newSchema(bronnen.toArray(Source[]::new));
        assertThat(geladen).as("the import resolved to the XSD beside the WSDL").contains(GemeenteWsdlController.XSD);
        return schema;
    }

    private static LSResourceResolver alleenBeside(List<String> geladen) {
        return (type, namespace, publicId, systemId, baseUri) -> {
            if (systemId == null || systemId.contains("/") || systemId.contains(":")) {
                throw new IllegalStateException("import outside the WSDL's folder: " + systemId);
            }
            URL url = resource(systemId);
            geladen.add(systemId);
            try {
                byte[] inhoud = url.openStream().readAllBytes();
                return new Invoer(systemId, inhoud);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
    }

    private static URL resource(String naam) {
        URL url = GemeenteWsdlTest.class.getClassLoader().getResource(naam.startsWith(MAP) ? naam : MAP + naam);
        if (url == null) {
            throw new IllegalStateException("not on the classpath: " + naam);
        }
        return url;
    }

    /** The few LSInput members a schema factory reads. */
    private record Invoer(String systemId, byte[] inhoud) implements LSInput {
        public java.io.Reader getCharacterStream() { return null; }
        public void setCharacterStream(java.io.Reader r) { }
        public InputStream getByteStream() { return new ByteArrayInputStream(inhoud); }
        public void setByteStream(InputStream s) { }
        public String getStringData() { return null; }
        public void setStringData(String s) { }
        public String getSystemId() { return systemId; }
        public void setSystemId(String s) { }
        public String getPublicId() { return null; }
        public void setPublicId(String s) { }
        public String getBaseURI() { return null; }
        public void setBaseURI(String s) { }
        public String getEncoding() { return StandardCharsets.UTF_8.name(); }
        public void setEncoding(String s) { }
        public boolean getCertifiedText() { return false; }
        public void setCertifiedText(boolean b) { }
    }
}
