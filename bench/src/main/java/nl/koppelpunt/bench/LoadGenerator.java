package nl.koppelpunt.bench;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import javax.net.ssl.SSLContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * COA's back-office under load: JDK HttpClient (HTTP/1.1, asynchronous) over mutual TLS with the coa certificate,
 * posting seed-sized klantprofielen with unique Idempotency-Keys.
 *
 * <p>One person has at most one request in flight, and its profile versions only go up: a person is taken from the
 * idle queue for a send and put back when the answer came. So the gateway's ordering rules (never an older version
 * after a newer one) never drop a benchmark message, and every accepted message is expected at the receiver.
 *
 * <p>Closed loop: {@code concurrency} requests always in flight. Open loop: requests at fixed intended times
 * ({@code rate} per second) whatever the answers do; latencies are measured from the intended time, so a stalled
 * gateway cannot hide its stall (no coordinated omission).
 */
public final class LoadGenerator implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final ExecutorService driver;
    private final URI base;
    private final List<String> bsns;
    private final Payloads payloads;
    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicLong sequence = new AtomicLong();
    private final int[] versions;
    private final ConcurrentLinkedQueue<Integer> idle = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    /** Open loop: with this many requests in flight the generator skips sends (counted as an error). */
    private final int maxInFlight;

    public LoadGenerator(SSLContext ssl, int port, List<String> bsns, Payloads payloads, int maxInFlight) {
        this.maxInFlight = maxInFlight;
        this.http = HttpClient.newBuilder().sslContext(ssl).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        this.driver = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "last");
            t.setDaemon(true);
            return t;
        });
        this.base = URI.create("https://localhost:" + port);
        this.bsns = bsns;
        this.payloads = payloads;
        this.versions = new int[bsns.size()];
        for (int i = 0; i < bsns.size(); i++) {
            idle.add(i);
        }
    }

    // ---------------------------------------------------------------------------------------------- set-up phase

    /**
     * Every person is linked to the gemeente and gives consent (koppeling, then toestemming, in that order per
     * person); returns when the gateway has processed all of them (status bezorgd: recorded in its registers).
     */
    public void setUp(String gemeentecode, int concurrency, Duration timeout) {
        long start = System.nanoTime();
        Semaphore permits = new Semaphore(concurrency);
        List<CompletableFuture<List<String>>> all = new ArrayList<>();
        for (String bsn : bsns) {
            permits.acquireUninterruptibly();
            CompletableFuture<List<String>> person = postOk("/api/v1/koppelingen", Payloads.koppeling(bsn, gemeentecode))
                    .thenCompose(k -> postOk("/api/v1/toestemmingen", Payloads.toestemming(bsn, gemeentecode))
                            .thenApply(t -> List.of(k, t)));
            person.whenComplete((r, e) -> permits.release());
            all.add(person);
        }
        List<String> ids = new ArrayList<>();
        all.forEach(f -> ids.addAll(f.join()));
        // Two at a time: GET /api/v1/berichten/{id} holds two pooled connections at once (see docs/performance.md),
        // so more parallel status reads can exhaust the gateway's pool of 10 and stall its processing.
        waitProcessed(ids, 2, start + timeout.toNanos());
        System.out.printf("  set-up: %d koppelingen and toestemmingen processed in %.1f s%n", ids.size(),
                (System.nanoTime() - start) / 1e9);
    }

    private CompletableFuture<String> postOk(String path, byte[] body) {
        return attempt(null, post(path, body, "setup-" + runId + "-" + sequence.incrementAndGet()), System.nanoTime())
                .thenApply(r -> {
                    if (r.statusCode() != 202) {
                        throw new IllegalStateException("set-up " + path + " answered " + r.statusCode() + ": " + r.body());
                    }
                    String id = berichtId(r.body());
                    if (id == null) {
                        throw new IllegalStateException("set-up " + path + ": no berichtId in " + r.body());
                    }
                    return id;
                });
    }

    private void waitProcessed(Collection<String> ids, int concurrency, long deadline) {
        List<String> pending = new ArrayList<>(ids);
        while (!pending.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(pending.size() + " set-up messages not processed in time");
            }
            Semaphore permits = new Semaphore(concurrency);
            List<CompletableFuture<String>> checks = new ArrayList<>();
            for (String id : pending) {
                permits.acquireUninterruptibly();
                HttpRequest get = HttpRequest.newBuilder(base.resolve("/api/v1/berichten/" + id)).timeout(REQUEST_TIMEOUT).GET().build();
                CompletableFuture<String> check = http.sendAsync(get, HttpResponse.BodyHandlers.ofString()).thenApply(r -> {
                    String status = status(r.body());
                    if ("mislukt".equals(status) || "vervallen".equals(status) || "geparkeerd".equals(status)) {
                        throw new IllegalStateException("set-up message " + id + " ended " + status);
                    }
                    return "bezorgd".equals(status) ? null : id;
                });
                check.whenComplete((r, e) -> permits.release());
                checks.add(check);
            }
            List<String> next = new ArrayList<>();
            checks.forEach(c -> {
                String stillPending = c.join();
                if (stillPending != null) {
                    next.add(stillPending);
                }
            });
            pending = next;
            if (!pending.isEmpty()) {
                Jvm.sleep(500);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ load phase

    /** Closed loop: {@code concurrency} requests in flight from {@code start} until {@code end} (nanoTime). */
    public void closedLoop(Tracker tracker, int concurrency, long start, long end) {
        if (concurrency > bsns.size()) {
            throw new IllegalArgumentException("--concurrency " + concurrency + " needs at least as many --persons");
        }
        CountDownLatch done = new CountDownLatch(concurrency);
        waitUntil(start);
        for (int i = 0; i < concurrency; i++) {
            driver.execute(() -> step(tracker, end, done));
        }
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void step(Tracker tracker, long end, CountDownLatch done) {
        long now = System.nanoTime();
        if (now >= end) {
            done.countDown();
            return;
        }
        Integer person = idle.poll();
        if (person == null) { // cannot happen with persons >= concurrency; be safe anyway
            LockSupport.parkNanos(100_000);
            driver.execute(() -> step(tracker, end, done));
            return;
        }
        send(tracker, person, now).whenComplete((r, e) -> driver.execute(() -> step(tracker, end, done)));
    }

    /** Open loop: one request every 1/rate s from {@code start} until {@code end}, then waits for the answers. */
    public void openLoop(Tracker tracker, int rate, long start, long end) {
        double period = 1e9 / rate;
        for (long i = 0; ; i++) {
            long intended = start + (long) (i * period);
            if (intended >= end) {
                break;
            }
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            Integer person = idle.poll();
            if (person == null) {
                tracker.sent(intended);
                tracker.error("not sent: every person has a request in flight", intended);
                continue;
            }
            if (inFlight.get() >= maxInFlight) {
                idle.add(person);
                tracker.sent(intended);
                tracker.error("not sent: " + maxInFlight + " requests in flight", intended);
                continue;
            }
            send(tracker, person, intended);
        }
        long deadline = System.nanoTime() + REQUEST_TIMEOUT.plusSeconds(10).toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            Jvm.sleep(20);
        }
    }

    private CompletableFuture<Void> send(Tracker tracker, int person, long sentAt) {
        int version = versions[person] + 1;
        versions[person] = version;
        byte[] body = payloads.klantprofiel(bsns.get(person), version);
        HttpRequest request = post("/api/v1/klantprofielen", body, "bench-" + runId + "-" + sequence.incrementAndGet());
        tracker.sent(sentAt);
        inFlight.incrementAndGet();
        return attempt(tracker, request, sentAt).handle((response, failure) -> {
            long now = System.nanoTime();
            try {
                if (failure != null) {
                    tracker.error(kind(failure), sentAt);
                } else if (response.statusCode() == 202) {
                    String id = berichtId(response.body());
                    if (id == null) {
                        tracker.error("202 without berichtId", sentAt);
                    } else {
                        tracker.accepted(id, sentAt, now);
                    }
                } else {
                    tracker.error("HTTP " + response.statusCode(), sentAt);
                }
            } finally {
                inFlight.decrementAndGet();
                idle.add(person);
            }
            return null;
        });
    }

    /**
     * Behaves as a partner should: a 503 (admission control) or 429 (the partner's rate limit) with Retry-After is
     * repeated with the same
     * Idempotency-Key after the wait, so the latency of the message includes the back-off.
     */
    private CompletableFuture<HttpResponse<String>> attempt(Tracker tracker, HttpRequest request, long sentAt) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenCompose(response -> {
            long now = System.nanoTime();
            Optional<String> retryAfter = response.headers().firstValue("Retry-After");
            if ((response.statusCode() != 503 && response.statusCode() != 429) || retryAfter.isEmpty()
                    || now - sentAt > REQUEST_TIMEOUT.toNanos()) {
                return CompletableFuture.completedFuture(response);
            }
            if (tracker != null) {
                tracker.backpressure(now);
            }
            long seconds = Long.parseLong(retryAfter.get().trim());
            return CompletableFuture.supplyAsync(() -> null,
                            CompletableFuture.delayedExecutor(seconds, TimeUnit.SECONDS, driver))
                    .thenCompose(ignored -> attempt(tracker, request, sentAt));
        });
    }

    private HttpRequest post(String path, byte[] body, String key) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    private static String kind(Throwable failure) {
        Throwable t = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (t instanceof HttpConnectTimeoutException) {
            return "connect timeout";
        }
        if (t instanceof HttpTimeoutException) {
            return "timeout (" + REQUEST_TIMEOUT.toSeconds() + " s)";
        }
        if (t instanceof ConnectException) {
            return "connection refused";
        }
        if (t instanceof IOException) {
            return "I/O error (" + t.getClass().getSimpleName() + ")";
        }
        return t.getClass().getSimpleName();
    }

    static String berichtId(String body) {
        try {
            JsonNode id = JSON.readTree(body).path("berichtId");
            return id.isTextual() ? id.asText() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String status(String body) {
        try {
            return JSON.readTree(body).path("status").asText(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static void waitUntil(long nanos) {
        long wait = nanos - System.nanoTime();
        if (wait > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    @Override
    public void close() {
        driver.shutdownNow();
        try {
            driver.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
