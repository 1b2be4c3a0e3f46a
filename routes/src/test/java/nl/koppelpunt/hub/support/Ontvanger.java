package nl.koppelpunt.hub.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A gemeente back-office's webhook on a real HTTP server (the JDK's) on a free port: records every request and
 * answers with scripted statuses per path (then 200). Like a real receiver it de-duplicates on Idempotency-Key, and
 * it reports the deliveries it accepted.
 */
public final class Ontvanger implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One request as received; {@code headers} (case-insensitive names) and {@code inhoud} (the exact bytes) are what a
     * receiver verifies a signature over.
     */
    public record Verzoek(String pad, String idempotencyKey, String berichttype, String profielversie, JsonNode body, int antwoord,
            String methode, Map<String, List<String>> headers, byte[] inhoud) {

        /** The header's value as received (several fields of one name joined with ", ", as RFC 9110 §5.3 does). */
        public String header(String naam) {
            List<String> waarden = headers.get(naam);
            return waarden == null ? null : String.join(", ", waarden);
        }
    }

    private final HttpServer server;
    private final List<Verzoek> verzoeken = new CopyOnWriteArrayList<>();
    private final Map<String, ConcurrentLinkedQueue<Integer>> script = new ConcurrentHashMap<>();
    private final Set<String> gezien = ConcurrentHashMap.newKeySet();
    private volatile java.util.concurrent.CountDownLatch slagboom = new java.util.concurrent.CountDownLatch(0);
    private final java.util.concurrent.atomic.AtomicInteger wachtend = new java.util.concurrent.atomic.AtomicInteger();

    public Ontvanger() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        // One thread per request: a request held back must not hold back the others (as in a real server).
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The next requests on this path are answered with these statuses, in order; after that 200. */
    public void antwoord(String pad, Integer... statussen) {
        script.computeIfAbsent(pad, p -> new ConcurrentLinkedQueue<>()).addAll(List.of(statussen));
    }

    /** From now on requests hang (as a slow back-office would) until {@link #laatDoor()}. */
    public void houdVast() {
        slagboom = new java.util.concurrent.CountDownLatch(1);
    }

    public void laatDoor() {
        slagboom.countDown();
    }

    /** How many requests are hanging right now. */
    public int wachtend() {
        return wachtend.get();
    }

    public List<Verzoek> verzoeken() {
        return List.copyOf(verzoeken);
    }

    /** The requests on a path that were accepted (2xx), each delivery id once, in order of arrival. */
    public List<Verzoek> aangenomen(String pad) {
        List<Verzoek> uit = new ArrayList<>();
        Set<String> ids = new java.util.HashSet<>();
        for (Verzoek v : verzoeken) {
            if (v.pad().equals(pad) && v.antwoord() / 100 == 2 && ids.add(v.idempotencyKey())) {
                uit.add(v);
            }
        }
        return uit;
    }

    public void reset() {
        verzoeken.clear();
        script.clear();
        gezien.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String pad = exchange.getRequestURI().getPath();
        wachtend.incrementAndGet();
        try {
            slagboom.await(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            wachtend.decrementAndGet();
        }
        Integer gescript = script.getOrDefault(pad, new ConcurrentLinkedQueue<>()).poll();
        int status = gescript == null ? 200 : gescript;
        var headers = exchange.getRequestHeaders();
        Map<String, List<String>> alleHeaders = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((naam, waarden) -> alleHeaders.put(naam, List.copyOf(waarden)));
        verzoeken.add(new Verzoek(pad, headers.getFirst("Idempotency-Key"), headers.getFirst("Koppelpunt-Berichttype"),
                headers.getFirst("Koppelpunt-Profielversie"), body.length == 0 ? null : JSON.readTree(body), status,
                exchange.getRequestMethod(), java.util.Collections.unmodifiableMap(alleHeaders), body));
        try {
            exchange.sendResponseHeaders(status, -1);
        } catch (IOException senderGone) {
            // The sender died while we held the request; like a real receiver we still processed it.
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    public static Duration kort() {
        return Duration.ofSeconds(2);
    }
}
