package nl.koppelpunt.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.w3c.dom.Document;

/**
 * One contract, two encodings: every valid JSON example, turned into XML, passes the XSD; and turned
 * back into JSON, it is the same message and still passes the JSON Schema.
 */
class XmlContractTest {

    static final String XSD = ContractCatalog.RESOURCE_BASE + "soap/koppelpunt-v1.xsd";

    private final ContractCatalog catalog = ContractCatalog.v1();
    private final XmlEncoding encoding = new XmlEncoding();

    @Test
    void committedXsdIsTheOneDerivedFromTheJsonSchemas() throws Exception {
        String generated = XsdGenerator.generate();
        Path fresh = Path.of("target", "koppelpunt-v1.generated.xsd");
        Files.createDirectories(fresh.getParent());
        Files.writeString(fresh, generated);
        assertThat(ClasspathResources.read(XSD))
                .as("soap/koppelpunt-v1.xsd drifted from the JSON Schemas; copy %s over it", fresh.toAbsolutePath())
                .isEqualTo(generated);
    }

    @TestFactory
    Stream<DynamicTest> everyValidExampleSurvivesTheRoundTripThroughXml() throws Exception {
        Schema xsd = xsd();
        return Stream.of(Berichttype.values()).flatMap(type -> catalog.exampleNames(type, true).stream()
                .map(name -> DynamicTest.dynamicTest(type.code() + "/valid/" + name, () -> {
                    JsonNode message = catalog.example(type, true, name);
                    Document xml = encoding.toXml(type, message);
                    String text = serialise(xml);
                    xsd.newValidator().validate(new StreamSource(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))));
                    JsonNode back = encoding.toJson(type, parse(text).getDocumentElement());
                    assertThat(back).isEqualTo(message);
                    assertThat(catalog.validator().validate(type, back)).isEmpty();
                })));
    }

    @Test
    void unknownElementsReachTheJsonSchemaAndAreNamedAsElementPaths() throws Exception {
        String text = "<klantprofiel xmlns='" + XmlEncoding.NAMESPACE + "'><profielversie>1</profielversie>"
                + "<persoonsgegevens><burgerservicenummer>123456782</burgerservicenummer><schoenmaat>44</schoenmaat>"
                + "</persoonsgegevens></klantprofiel>";
        JsonNode json = encoding.toJson(Berichttype.KLANTPROFIEL, parse(text).getDocumentElement());
        assertThat(catalog.validator().validate(Berichttype.KLANTPROFIEL, json))
                .extracting(Violation::pointer).containsExactly("/persoonsgegevens/schoenmaat");
    }

    @Test
    void textThatIsNoIntegerIsReportedByTheJsonSchemaNotLost() throws Exception {
        String text = "<klantprofiel xmlns='" + XmlEncoding.NAMESPACE + "'><profielversie>een</profielversie>"
                + "<persoonsgegevens><burgerservicenummer>123456782</burgerservicenummer></persoonsgegevens></klantprofiel>";
        JsonNode json = encoding.toJson(Berichttype.KLANTPROFIEL, parse(text).getDocumentElement());
        assertThat(catalog.validator().validate(Berichttype.KLANTPROFIEL, json))
                .extracting(Violation::pointer).containsExactly("/profielversie");
    }

    @Test
    void pointersBecomeXPathLikeElementPaths() {
        assertThat(XmlEncoding.xmlPath(Berichttype.KLANTPROFIEL, "/familiegegevens/gezinsleden/1/voornaam"))
                .isEqualTo("klantprofiel/familiegegevens/gezinsleden[2]/voornaam");
        assertThat(XmlEncoding.xmlPath(Berichttype.SCREENING, "")).isEqualTo("screening");
    }

    static Schema xsd() throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory.newSchema(new StreamSource(new ByteArrayInputStream(
                ClasspathResources.read(XSD).getBytes(StandardCharsets.UTF_8))));
    }

    static String serialise(Document document) throws Exception {
        StringWriter writer = new StringWriter();
        TransformerFactory.newInstance().newTransformer().transform(new DOMSource(document), new StreamResult(writer));
        return writer.toString();
    }

    static Document parse(String text) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
}
