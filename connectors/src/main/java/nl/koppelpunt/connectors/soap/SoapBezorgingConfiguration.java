package nl.koppelpunt.connectors.soap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The client for deliveries over SOAP (kanaal {@code soap}). Both keys come from Spring SSL bundles, by default the
 * gateway's own {@code koppelpunt-server} bundle — the certificate with Koppelpunt's OIN that the development PKI
 * issues for serverAuth and clientAuth — so that a gemeente sees the same identity on TLS and in the signature:
 * <ul>
 * <li>{@code koppelpunt.soap.bezorging.ssl-bundle}: the TLS client certificate (mutual TLS) and the CAs trusted for
 * a gemeente's server certificate;</li>
 * <li>{@code koppelpunt.soap.ondertekening-bundle}: the key and certificate that sign (WS-Security), shared with the
 * signed answers of the intake.</li>
 * </ul>
 */
@Configuration
public class SoapBezorgingConfiguration {

    @Bean(destroyMethod = "close")
    public GemeenteSoapClient gemeenteSoapClient(SslBundles bundles,
            @Value("${koppelpunt.soap.bezorging.ssl-bundle:koppelpunt-server}") String tlsBundle,
            @Value("${koppelpunt.soap.ondertekening-bundle:koppelpunt-server}") String ondertekeningBundle,
            @Value("${koppelpunt.bezorging.connect-timeout-ms:5000}") int connectTimeoutMs,
            @Value("${koppelpunt.bezorging.response-timeout-ms:30000}") int responseTimeoutMs) {
        SslBundle tls = bundles.getBundle(tlsBundle);
        return new GemeenteSoapClient(tls.createSslContext(), Wus.ondertekenaar(bundles.getBundle(ondertekeningBundle)),
                connectTimeoutMs, responseTimeoutMs);
    }
}
