package nl.koppelpunt.connectors.soap;

import jakarta.xml.ws.Endpoint;
import java.util.HashMap;
import java.util.Map;
import nl.koppelpunt.connectors.intake.IntakeGateway;
import org.apache.cxf.Bus;
import org.apache.cxf.jaxws.EndpointImpl;
import java.security.KeyStore;
import org.apache.cxf.ws.addressing.WSAddressingFeature;
import org.apache.cxf.ws.security.wss4j.DefaultCryptoCoverageChecker;
import org.apache.cxf.ws.security.SecurityConstants;
import org.apache.cxf.ws.security.wss4j.WSS4JOutInterceptor;
import org.apache.wss4j.common.ConfigurationConstants;
import org.apache.wss4j.common.crypto.Crypto;
import org.apache.wss4j.common.crypto.Merlin;
import org.springframework.boot.ssl.SslBundles;
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

    /** The TLS server's SSL bundle: its trust store also decides which signing certificates are trusted. */
    static final String SSL_BUNDLE = "koppelpunt-server";
    private static final String CRYPTO_REF = "koppelpunt.soap.handtekening-crypto";
    private static final String ANTWOORD_CRYPTO_REF = "koppelpunt.soap.antwoord-crypto";

    @Bean
    public Endpoint soapIntakeEndpoint(Bus bus, IntakeGateway intake, SslBundles bundles,
                                       @Value("${koppelpunt.intake.max-body-bytes:1048576}") int maxBodyBytes,
                                       @Value("${koppelpunt.intake.max-nesting-depth:32}") int maxDepth,
                                       @Value("${koppelpunt.soap.ondertekening-bundle:koppelpunt-server}") String ondertekeningBundle) {
        EndpointImpl endpoint = new EndpointImpl(bus, new SoapIntakeEndpoint(intake));
        WSAddressingFeature addressing = new WSAddressingFeature();
        addressing.setAddressingRequired(true);
        endpoint.getFeatures().add(addressing);
        Map<String, Object> properties = limieten(maxBodyBytes, maxDepth);
        properties.put(CRYPTO_REF, handtekeningCrypto(bundles.getBundle(SSL_BUNDLE).getStores().getTrustStore()));
        // WSS4J's own reason (an expired Timestamp, an untrusted certificate) goes into the fault: a partner that is
        // already authenticated by mutual TLS must be able to see why its message was refused.
        properties.put(SecurityConstants.RETURN_SECURITY_ERROR, true);
        // 2W-be-S: the answer is signed too (Timestamp, Body, WS-Addressing headers), with Koppelpunt's certificate.
        properties.put(ANTWOORD_CRYPTO_REF, Wus.ondertekenaar(bundles.getBundle(ondertekeningBundle)));
        endpoint.setProperties(properties);
        endpoint.getInInterceptors().add(new WusInInterceptor(wsSecurity()));
        endpoint.getOutInterceptors().add(new WSS4JOutInterceptor(Wus.ondertekening(ANTWOORD_CRYPTO_REF)));
        // WUS 2W-be-S: the Body, the Timestamp and every WS-Addressing header present must be covered by the signature.
        endpoint.getInInterceptors().add(new DefaultCryptoCoverageChecker());
        endpoint.publish(ADRES);
        return endpoint;
    }

    /**
     * WS-Security as WUS 2W-be-S asks: a Timestamp and an X.509 signature, the certificate sent along
     * (BinarySecurityToken) and trusted when a CA of the TLS trust store issued it. Which partner signed is checked
     * by the endpoint against the TLS client certificate.
     */
    static Map<String, Object> wsSecurity() {
        Map<String, Object> config = new HashMap<>();
        config.put(ConfigurationConstants.ACTION, ConfigurationConstants.TIMESTAMP + " " + ConfigurationConstants.SIGNATURE);
        config.put(ConfigurationConstants.SIG_VER_PROP_REF_ID, CRYPTO_REF);
        config.put(ConfigurationConstants.TIMESTAMP_STRICT, "true");
        config.put(ConfigurationConstants.TTL_TIMESTAMP, "300");
        config.put(ConfigurationConstants.TTL_FUTURE_TIMESTAMP, "60");
        // A Timestamp without Expires would be valid for as long as the TTL allows: WUS asks for an explicit expiry.
        config.put(ConfigurationConstants.REQUIRE_TIMESTAMP_EXPIRES, "true");
        config.put(ConfigurationConstants.SIG_SUBJECT_CERT_CONSTRAINTS, ".*");
        return config;
    }

    private static Crypto handtekeningCrypto(KeyStore trustStore) {
        Merlin crypto = new Merlin();
        crypto.setTrustStore(trustStore);
        return crypto;
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
