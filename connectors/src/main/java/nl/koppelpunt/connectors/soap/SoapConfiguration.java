package nl.koppelpunt.connectors.soap;

import jakarta.xml.ws.Endpoint;
import java.util.HashMap;
import java.util.Map;
import nl.koppelpunt.connectors.intake.IntakeGateway;
import org.apache.cxf.Bus;
import org.apache.cxf.jaxws.EndpointImpl;
import org.apache.cxf.ws.addressing.WSAddressingFeature;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Publishes the SOAP intake at {@code <cxf.path>/koppelpunt} (by default {@code /services/koppelpunt}) on the same
 * HTTPS connector as REST, so mutual TLS and the client-certificate filter apply unchanged.
 *
 * <p>XML hardening: CXF's StAX parser never resolves DTDs or external entities; on top of that every message is
 * bounded in depth, children per element, elements, text length and characters in all (the CXF StAX limits), so a
 * billion-laughs, an XXE or a huge body ends in a SOAP fault before anything reaches the intake.
 */
@Configuration
public class SoapConfiguration {

    /** Where the intake service sits below the CXF servlet. */
    public static final String ADRES = "/koppelpunt";

    @Bean
    public Endpoint soapIntakeEndpoint(Bus bus, IntakeGateway intake,
                                       @Value("${koppelpunt.intake.max-body-bytes:1048576}") int maxBodyBytes,
                                       @Value("${koppelpunt.intake.max-nesting-depth:32}") int maxDepth) {
        EndpointImpl endpoint = new EndpointImpl(bus, new SoapIntakeEndpoint(intake));
        WSAddressingFeature addressing = new WSAddressingFeature();
        addressing.setAddressingRequired(true);
        endpoint.getFeatures().add(addressing);
        endpoint.setProperties(limieten(maxBodyBytes, maxDepth));
        endpoint.publish(ADRES);
        return endpoint;
    }

    static Map<String, Object> limieten(int maxBodyBytes, int maxDepth) {
        Map<String, Object> limieten = new HashMap<>();
        // The envelope and header add a few levels above the message's own nesting.
        limieten.put("org.apache.cxf.stax.maxElementDepth", maxDepth + 8);
        // The largest arrays of the contract have 100 items.
        limieten.put("org.apache.cxf.stax.maxChildElements", 200);
        limieten.put("org.apache.cxf.stax.maxElementCount", 10_000);
        limieten.put("org.apache.cxf.stax.maxAttributeCount", 50);
        limieten.put("org.apache.cxf.stax.maxAttributeSize", 4096);
        limieten.put("org.apache.cxf.stax.maxTextLength", 64 * 1024);
        // The same byte budget as a REST body, counted in characters of the whole envelope.
        limieten.put("org.apache.cxf.stax.maxXMLCharacters", (long) maxBodyBytes);
        return limieten;
    }
}
