package nl.koppelpunt.hub.e2e;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.net.ssl.SSLContext;

import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.citrusframework.http.client.HttpClient;
import org.citrusframework.http.client.HttpClientBuilder;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;

import nl.koppelpunt.connectors.pki.PemSslContexts;

/**
 * Citrus HTTP clients for the partners that call the gateway (COA, TVS, beheer): mutual TLS with the partner's
 * certificate and key from the development PKI ({@code <pki-dir>/<partner>.crt/.key}), trusting only {@code ca.crt},
 * with the host name checked against the server certificate (localhost). One client per partner and gateway.
 */
final class PartnerClients {

    /** How often a receive looks for the response of a forked send (Citrus' default: 500 ms). */
    private static final int POLLING_MS = 50;

    private static final Map<String, HttpClient> CLIENTS = new ConcurrentHashMap<>();

    private PartnerClients() {
    }

    static HttpClient mutualTls(String partnerId, Path pkiDir, int port) {
        return CLIENTS.computeIfAbsent(partnerId + "@" + pkiDir + ":" + port, k -> create(partnerId, pkiDir, port));
    }

    /** A plain HTTP client, e.g. to call a gemeente server directly. */
    static HttpClient plain(String name, String baseUrl) {
        return CLIENTS.computeIfAbsent(name + "@" + baseUrl, k -> {
            HttpClient client = new HttpClientBuilder()
                    .requestUrl(baseUrl)
                    .requestFactory(new HttpComponentsClientHttpRequestFactory(HttpClients.custom()
                            .disableAutomaticRetries()
                            .build()))
                    .timeout(30_000)
                    .pollingInterval(POLLING_MS)
                    .build();
            client.setName(name);
            return client;
        });
    }

    private static HttpClient create(String partnerId, Path pkiDir, int port) {
        SSLContext ssl = PemSslContexts.client(pkiDir.resolve(partnerId + ".crt"), pkiDir.resolve(partnerId + ".key"),
                pkiDir.resolve("ca.crt"));
        CloseableHttpClient http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setTlsSocketStrategy(new DefaultClientTlsStrategy(ssl))
                        .build())
                // Apache HttpClient 5 repeats a request answered 503 or 429 once by itself (after Retry-After or
                // 1 s); a test must see each answer as the gateway gave it.
                .disableAutomaticRetries()
                .build();
        HttpClient client = new HttpClientBuilder()
                .requestUrl("https://localhost:" + port)
                .requestFactory(new HttpComponentsClientHttpRequestFactory(http))
                .timeout(30_000)
                .pollingInterval(POLLING_MS)
                .build();
        client.setName(partnerId);
        return client;
    }
}
