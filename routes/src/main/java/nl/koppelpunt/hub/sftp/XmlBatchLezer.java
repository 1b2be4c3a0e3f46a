package nl.koppelpunt.hub.sftp;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import nl.koppelpunt.connectors.intake.Probleem;
import nl.koppelpunt.schemas.Berichttype;
import nl.koppelpunt.schemas.XmlEncoding;
import nl.koppelpunt.schemas.Violation;

/**
 * An XML batch (schemas: {@code koppelpunt/contracts/v1/sftp/koppelpunt-batch-v1.xsd}):
 * {@code <batch xmlns="https://koppelpunt.nl/contracten/v1/batch">} holding {@code <bericht id="...">} elements,
 * each with one message in its SOAP/XML encoding. Read with StAX, one message at a time: only the current message
 * is built as a small DOM and turned into its JSON form by {@link XmlEncoding}, so the file's size does not matter.
 *
 * <p>Hardened as the SOAP intake: a DTD refuses the whole file (no entities, internal or external, are ever
 * expanded), and depth, text and attribute sizes are bounded. XML that stops being well-formed ends the reading:
 * the messages before it stand, the rest is reported as unread.
 */
final class XmlBatchLezer implements BatchLezer {

    /** The namespace of the batch envelope ({@code <batch>}, {@code <bericht>}). */
    static final String NAMESPACE = "https://koppelpunt.nl/contracten/v1/batch";

    private final XMLStreamReader xml;
    private final Berichttype type;
    private final XmlEncoding encoding;
    private final ObjectMapper json;
    private final int maxBerichtTekens;
    private final int maxDiepte;
    private boolean gestart;
    private boolean klaar;
    private int element;

    XmlBatchLezer(InputStream in, Berichttype type, XmlEncoding encoding, ObjectMapper json, int maxBerichtBytes,
                  int maxDiepte) throws IOException {
        this.type = type;
        this.encoding = encoding;
        this.json = json;
        this.maxBerichtTekens = maxBerichtBytes;
        this.maxDiepte = maxDiepte;
        try {
            this.xml = fabriek(maxBerichtBytes, maxDiepte).createXMLStreamReader(in);
        } catch (XMLStreamException e) {
            throw new BatchGeweigerd(Probleem.ONGELDIG_VERZOEK.slug(), "Geen leesbare XML", "Het bestand begint niet als XML");
        }
    }

    /** No DTDs, no external entities; Woodstox's limits where the parser is Woodstox (as it is beside CXF). */
    static XMLInputFactory fabriek(int maxTekst, int maxDiepte) {
        XMLInputFactory fabriek = XMLInputFactory.newFactory();
        fabriek.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        fabriek.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        fabriek.setProperty(XMLInputFactory.IS_COALESCING, false);
        zet(fabriek, "com.ctc.wstx.maxElementDepth", maxDiepte + 4);
        zet(fabriek, "com.ctc.wstx.maxTextLength", maxTekst);
        zet(fabriek, "com.ctc.wstx.maxAttributeSize", 4096);
        zet(fabriek, "com.ctc.wstx.maxAttributesPerElement", 50);
        return fabriek;
    }

    private static void zet(XMLInputFactory fabriek, String eigenschap, int waarde) {
        if (fabriek.isPropertySupported(eigenschap)) {
            fabriek.setProperty(eigenschap, waarde);
        }
    }

    @Override
    public String veld(String pointer) {
        return XmlEncoding.xmlPath(type, pointer);
    }

    @Override
    public BatchItem volgende() throws IOException {
        if (klaar) {
            return null;
        }
        try {
            if (!gestart) {
                begin();
                gestart = true;
            }
            while (xml.hasNext()) {
                int gebeurtenis = xml.next();
                if (gebeurtenis == XMLStreamConstants.START_ELEMENT) {
                    return bericht();
                }
                if (gebeurtenis == XMLStreamConstants.END_ELEMENT) {
                    klaar = true; // </batch>: what follows is only the end of the document
                    return null;
                }
                if (gebeurtenis == XMLStreamConstants.CHARACTERS && !xml.isWhiteSpace()) {
                    return BatchItem.fout(regel(), null, null, Probleem.ONGELDIG_VERZOEK, "Tekst tussen de berichten",
                            List.of(new Violation("/batch", "Alleen <bericht>-elementen staan in <batch>")));
                }
            }
            klaar = true;
            return null;
        } catch (XMLStreamException e) {
            klaar = true;
            if (e.getNestedException() instanceof IOException) {
                throw (IOException) e.getNestedException(); // the file itself (or its decryption) failed, not the XML
            }
            if (e.getCause() instanceof IOException) {
                throw (IOException) e.getCause();
            }
            int regel = e.getLocation() != null ? e.getLocation().getLineNumber() : regel();
            if (!gestart) {
                throw new BatchGeweigerd(Probleem.ONGELDIG_VERZOEK.slug(), "Geen welgevormde XML",
                        "Het bestand is geen welgevormde XML (regel " + regel + ")");
            }
            // The parser's message can quote content; the line is enough.
            return BatchItem.fout(regel, null, null, Probleem.ONGELDIG_VERZOEK, "Geen welgevormde XML vanaf regel "
                    + regel + "; de rest van het bestand is niet gelezen", List.of());
        }
    }

    /** Up to and including the root element; a DTD before it refuses the file. */
    private void begin() throws XMLStreamException, BatchGeweigerd {
        while (xml.hasNext()) {
            int gebeurtenis = xml.next();
            if (gebeurtenis == XMLStreamConstants.DTD || gebeurtenis == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new BatchGeweigerd(Probleem.ONGELDIG_VERZOEK.slug(), "DTD niet toegestaan",
                        "Een XML-batch mag geen DOCTYPE of entiteiten bevatten");
            }
            if (gebeurtenis == XMLStreamConstants.START_ELEMENT) {
                if (!NAMESPACE.equals(xml.getNamespaceURI()) || !"batch".equals(xml.getLocalName())) {
                    throw new BatchGeweigerd(Probleem.ONGELDIG_VERZOEK.slug(), "Geen batch",
                            "Het hoofdelement moet <batch xmlns=\"" + NAMESPACE + "\"> zijn");
                }
                return;
            }
        }
        throw new BatchGeweigerd(Probleem.ONGELDIG_VERZOEK.slug(), "Geen batch", "Het bestand bevat geen <batch>");
    }

    /** At the start of a child of {@code <batch>}: reads it to its end and returns its message or its problem. */
    private BatchItem bericht() throws XMLStreamException {
        element++;
        int regel = regel();
        if (!NAMESPACE.equals(xml.getNamespaceURI()) || !"bericht".equals(xml.getLocalName())) {
            slaOver();
            return fout(regel, null, "Onverwacht element <" + xml.getLocalName() + ">", "/batch", "Alleen <bericht>-elementen staan in <batch>");
        }
        String id = xml.getAttributeValue(null, "id");
        boolean idGoed = id != null && NdjsonLezer.ID.matcher(id).matches();
        Element inhoud = null;
        String probleem = null;
        while (true) {
            int gebeurtenis = xml.next();
            if (gebeurtenis == XMLStreamConstants.END_ELEMENT) {
                break; // </bericht>
            }
            if (gebeurtenis == XMLStreamConstants.START_ELEMENT) {
                boolean juist = XmlEncoding.NAMESPACE.equals(xml.getNamespaceURI()) && type.code().equals(xml.getLocalName());
                if (inhoud == null && probleem == null && juist) {
                    DomBouwer bouwer = new DomBouwer(xml, maxBerichtTekens, maxDiepte);
                    inhoud = bouwer.bouw();
                    probleem = bouwer.probleem();
                } else {
                    probleem = probleem != null ? probleem : inhoud != null ? "Eén bericht per <bericht>"
                            : "Verwacht <" + type.code() + " xmlns=\"" + XmlEncoding.NAMESPACE + "\">, niet <" + xml.getLocalName() + ">";
                    slaOver();
                }
            } else if (gebeurtenis == XMLStreamConstants.CHARACTERS && !xml.isWhiteSpace() && probleem == null) {
                probleem = "Tekst naast het bericht";
            }
        }
        if (!idGoed) {
            return fout(regel, null, "Het <bericht> mist een bruikbaar id", "/batch/bericht[" + element + "]/@id",
                    id == null ? "Ontbreekt: het eigen berichtkenmerk van de afzender" : "Gebruik 1 tot 128 tekens uit A-Z, a-z, 0-9 en . _ : -");
        }
        if (probleem != null || inhoud == null) {
            return fout(regel, id, "Het <bericht> bevat niet één " + type.code() + "-bericht", type.code(),
                    probleem != null ? probleem : "Ontbreekt: het bericht zelf");
        }
        try {
            return BatchItem.bericht(regel, element, id, json.writeValueAsBytes(encoding.toJson(type, inhoud)));
        } catch (IOException e) {
            return fout(regel, id, "Het bericht is niet om te zetten", type.code(), "Onleesbaar");
        }
    }

    private BatchItem fout(int regel, String id, String detail, String naam, String reden) {
        return BatchItem.fout(regel, element, id, Probleem.ONGELDIG_VERZOEK, detail, List.of(new Violation(naam, reden)));
    }

    /** Skips the current element with everything in it, keeping nothing. */
    private void slaOver() throws XMLStreamException {
        int diepte = 1;
        while (diepte > 0) {
            int gebeurtenis = xml.next();
            if (gebeurtenis == XMLStreamConstants.START_ELEMENT) {
                diepte++;
            } else if (gebeurtenis == XMLStreamConstants.END_ELEMENT) {
                diepte--;
            }
        }
    }

    private int regel() {
        return xml.getLocation() == null ? 0 : xml.getLocation().getLineNumber();
    }

    /**
     * Builds the DOM of one message from the reader (at its start element), within limits: past them it keeps
     * reading to the element's end but stores nothing more.
     */
    private static final class DomBouwer {
        private final XMLStreamReader xml;
        private final int maxTekens;
        private final int maxDiepte;
        private String probleem;

        DomBouwer(XMLStreamReader xml, int maxTekens, int maxDiepte) {
            this.xml = xml;
            this.maxTekens = maxTekens;
            this.maxDiepte = maxDiepte;
        }

        Element bouw() throws XMLStreamException {
            Document document = XmlEncoding.newDocument();
            Element wortel = document.createElementNS(xml.getNamespaceURI(), xml.getLocalName());
            document.appendChild(wortel);
            Node huidig = wortel;
            int diepte = 1;
            long tekens = 0;
            while (diepte > 0) {
                int gebeurtenis = xml.next();
                if (gebeurtenis == XMLStreamConstants.START_ELEMENT) {
                    diepte++;
                    tekens += xml.getLocalName().length();
                    if (diepte > maxDiepte) {
                        weiger("Dieper genest dan " + maxDiepte + " niveaus");
                    }
                    if (probleem == null) {
                        Element kind = document.createElementNS(xml.getNamespaceURI(), xml.getLocalName());
                        huidig.appendChild(kind);
                        huidig = kind;
                    }
                } else if (gebeurtenis == XMLStreamConstants.END_ELEMENT) {
                    diepte--;
                    if (probleem == null && diepte > 0) {
                        huidig = huidig.getParentNode();
                    }
                } else if (gebeurtenis == XMLStreamConstants.CHARACTERS || gebeurtenis == XMLStreamConstants.CDATA) {
                    tekens += xml.getTextLength();
                    if (tekens > maxTekens) {
                        weiger("Groter dan " + maxTekens + " tekens");
                    }
                    if (probleem == null) {
                        huidig.appendChild(document.createTextNode(xml.getText()));
                    }
                }
            }
            if (probleem != null) {
                // Over a limit: what was built goes; the reader is at the element's end all the same.
                while (wortel.getFirstChild() != null) {
                    wortel.removeChild(wortel.getFirstChild());
                }
            }
            return wortel;
        }

        private void weiger(String reden) {
            if (probleem == null) {
                probleem = reden;
            }
        }

        /** @return why the message is refused, or null */
        String probleem() {
            return probleem;
        }
    }
}
