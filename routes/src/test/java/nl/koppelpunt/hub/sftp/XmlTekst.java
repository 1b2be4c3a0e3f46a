package nl.koppelpunt.hub.sftp;

import java.io.StringWriter;

import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;

/** A DOM document as text without the XML declaration, to place inside a {@code <bericht>}. */
final class XmlTekst {

    private XmlTekst() {
    }

    static String van(Document document) throws Exception {
        Transformer transformer = TransformerFactory.newInstance().newTransformer();
        transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
        StringWriter tekst = new StringWriter();
        transformer.transform(new DOMSource(document), new StreamResult(tekst));
        return tekst.toString();
    }
}
