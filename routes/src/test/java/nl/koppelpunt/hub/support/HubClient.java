package nl.koppelpunt.hub.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import javax.net.ssl.SSLContext;

/** A partner's side of the REST API: JDK HttpClient over mutual TLS, as a real back-office would connect. */
public final class HubClient {

    private final HttpClient http;
    private final URI base;

    public HubClient(SSLContext ssl, int port) {
        this.http = HttpClient.newBuilder().sslContext(ssl).connectTimeout(Duration.ofSeconds(10)).build();
        this.base = URI.create("https://localhost:" + port);
    }

    /** A demo partner's client, with the PEM files the gateway generated in {@code <dataDir>/pki}. */
    public static HubClient partner(java.nio.file.Path dataDir, String partnerId, int port) {
        java.nio.file.Path pki = dataDir.resolve("pki");
        return new HubClient(nl.koppelpunt.connectors.pki.PemSslContexts.client(pki.resolve(partnerId + ".crt"),
                pki.resolve(partnerId + ".key"), pki.resolve("ca.crt")), port);
    }

    /** A fresh temporary folder, for a gateway's data directory that lives as long as the test JVM. */
    public static java.nio.file.Path tijdelijkeMap(String prefix) {
        try {
            return java.nio.file.Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public HttpResponse<String> post(String path, String idempotencyKey, byte[] body) {
        return post(path, idempotencyKey, body, "application/json");
    }

    public HttpResponse<String> post(String path, String idempotencyKey, byte[] body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request.build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).GET().build());
    }

    public URI uri(String path) {
        return base.resolve(path);
    }
}
