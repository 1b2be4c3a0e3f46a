package nl.koppelpunt.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Plays the gemeente back-offices: one HTTP server (the JDK's, with a thread pool) on a free port that answers every
 * webhook POST with 200 at once, de-duplicates on Idempotency-Key as the webhook contract asks, and tells the
 * {@link Tracker} when each delivery arrived (by Koppelpunt-Bericht-Id). Request bodies are read and dropped: they
 * hold (synthetic) personal data and are never stored or printed.
 */
public final class Receiver implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService pool;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final LongAdder duplicates = new LongAdder();
    private final Map<String, LongAdder> perPath = new ConcurrentHashMap<>();
    private volatile Tracker tracker;

    public Receiver(int threads) {
        // Without TCP_NODELAY the JDK server's small responses can wait for delayed ACKs (tens of ms per delivery).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AtomicInteger n = new AtomicInteger();
        pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "ontvanger-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** Where the next deliveries are reported; a fresh tracker per system under test. */
    public void track(Tracker next) {
        this.tracker = next;
        seen.clear();
        perPath.clear();
        duplicates.reset();
    }

    public long duplicates() {
        return duplicates.sum();
    }

    public Map<String, Long> deliveriesPerPath() {
        Map<String, Long> uit = new TreeMap<>();
        perPath.forEach((k, v) -> uit.put(k, v.sum()));
        return uit;
    }

    private void handle(HttpExchange exchange) throws IOException {
        long at = System.nanoTime();
        try (InputStream in = exchange.getRequestBody()) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        var headers = exchange.getRequestHeaders();
        String key = headers.getFirst("Idempotency-Key");
        String berichtId = headers.getFirst("Koppelpunt-Bericht-Id");
        exchange.sendResponseHeaders(200, -1);
        exchange.close();
        perPath.computeIfAbsent(exchange.getRequestURI().getPath(), p -> new LongAdder()).increment();
        Tracker t = tracker;
        if (key != null && !seen.add(key)) {
            duplicates.increment();
            return;
        }
        if (t != null) {
            t.delivery(berichtId, at);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
