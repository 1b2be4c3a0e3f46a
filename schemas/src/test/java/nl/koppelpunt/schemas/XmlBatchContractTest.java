package nl.koppelpunt.schemas;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.xml.sax.SAXException;

/** The XML batch envelope of the SFTP inbox: a batch of every valid example of a type passes the batch XSD. */
class XmlBatchContractTest {

    static final String BATCH_XSD = ContractCatalog.RESOURCE_BASE + "sftp/koppelpunt-batch-v1.xsd";
    static final String BATCH_NS = "https://koppelpunt.nl/contracten/v1/batch";

    private final ContractCatalog catalog = ContractCatalog.v1();
    private final XmlEncoding encoding = new XmlEncoding();

    @TestFactory
    Stream<DynamicTest> aBatchOfTheValidExamplesPassesTheBatchXsd() throws Exception {
        Schema xsd = xsd();
        return Stream.of(Berichttype.values()).filter(type -> !catalog.exampleNames(type, true).isEmpty())
                .map(type -> DynamicTest.dynamicTest(type.code(), () -> {
                    StringBuilder batch = new StringBuilder("<batch xmlns='" + BATCH_NS + "'>");
                    int i = 0;
                    for (String name : catalog.exampleNames(type, true)) {
                        String bericht = XmlContractTest.serialise(encoding.toXml(type, catalog.example(type, true, name)))
                                .replaceFirst("^<\\?xml[^>]*\\?>", "");
                        batch.append("<bericht id='voorbeeld-").append(++i).append("'>").append(bericht).append("</bericht>");
                    }
                    batch.append("</batch>");
                    valideer(xsd, batch.toString());
                }));
    }

    @Test
    void aMessageOfAnotherShapeOrWithoutIdIsRefused() throws Exception {
        Schema xsd = xsd();
        assertThatThrownBy(() -> valideer(xsd, "<batch xmlns='" + BATCH_NS + "'><bericht><screening xmlns='"
                + XmlEncoding.NAMESPACE + "'/></bericht></batch>")).isInstanceOf(SAXException.class);
        assertThatThrownBy(() -> valideer(xsd, "<batch xmlns='" + BATCH_NS + "'><bericht id='a'><iets/></bericht></batch>"))
                .isInstanceOf(SAXException.class);
        valideer(xsd, "<batch xmlns='" + BATCH_NS + "'/>");
    }

    /** Both schemas given, so the import resolves by namespace without fetching anything. */
    static Schema xsd() throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory.newSchema(new Source[] {bron(XmlContractTest.XSD), bron(BATCH_XSD)});
    }

    private static Source bron(String resource) {
        return new StreamSource(new ByteArrayInputStream(ClasspathResources.read(resource).getBytes(StandardCharsets.UTF_8)));
    }

    private static void valideer(Schema xsd, String xml) throws Exception {
        xsd.newValidator().validate(new StreamSource(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
    }
}
