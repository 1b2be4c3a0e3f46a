package nl.koppelpunt.connectors.soap;

import nl.koppelpunt.connectors.autorisatie.Operatie;
import nl.koppelpunt.connectors.rest.Vereist;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Publishes the WSDL a gemeente implements to receive deliveries over SOAP, with the XSD it imports beside it (the
 * import's relative {@code schemaLocation} resolves against the WSDL's URL). Outside {@code /services}: Koppelpunt
 * does not host this service, it calls it. Like the OpenAPI document, for partners with a client certificate.
 */
@RestController
public class GemeenteWsdlController {

    public static final String PAD = "/contracten/v1/soap/";
    public static final String WSDL = "koppelpunt-gemeente-v1.wsdl";
    public static final String XSD = "koppelpunt-v1.xsd";
    private static final MediaType XML = MediaType.parseMediaType("text/xml;charset=UTF-8");

    private final byte[] wsdl = lees(WSDL);
    private final byte[] xsd = lees(XSD);

    @GetMapping(PAD + WSDL)
    @Vereist(Operatie.CONTRACT_LEZEN)
    public ResponseEntity<byte[]> wsdl() {
        return ResponseEntity.ok().contentType(XML).body(wsdl);
    }

    @GetMapping(PAD + XSD)
    @Vereist(Operatie.CONTRACT_LEZEN)
    public ResponseEntity<byte[]> xsd() {
        return ResponseEntity.ok().contentType(XML).body(xsd);
    }

    private static byte[] lees(String naam) {
        try (java.io.InputStream in = GemeenteWsdlController.class.getClassLoader()
                .getResourceAsStream("koppelpunt/contracts/v1/soap/" + naam)) {
            if (in == null) {
                throw new IllegalStateException("contract missing from the classpath: " + naam);
            }
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
