package nl.koppelpunt.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Joins what the load generator saw (send time, 202 with the berichtId) with what the receiver saw (each delivery,
 * by Koppelpunt-Bericht-Id), whichever comes first. A message counts as delivered when its last expected delivery
 * (one per subscription) arrived. All times are {@link System#nanoTime()} of this JVM; latencies are recorded in
 * microseconds.
 *
 * <p>Counting: throughput counts completions inside the measurement window (a 202 received, a delivery or a
 * message's last delivery arrived); latency histograms take every message SENT inside the window, however late its
 * answer or delivery came (the drain after the window waits for them).
 */
public final class Tracker {

    private static final long HIGHEST_MICROS = 3_600_000_000L;

    private final int expectedDeliveries;
    private volatile long windowStart = Long.MAX_VALUE;
    private volatile long windowEnd = Long.MAX_VALUE;

    private final ConcurrentHashMap<String, Entry> open = new ConcurrentHashMap<>();
    private final Histogram acceptLatency = new ConcurrentHistogram(HIGHEST_MICROS, 3);
    private final Histogram endToEndLatency = new ConcurrentHistogram(HIGHEST_MICROS, 3);

    final LongAdder sentInWindow = new LongAdder();
    final LongAdder acceptedInWindow = new LongAdder();      // 202s that arrived inside the window
    final LongAdder acceptedSentInWindow = new LongAdder();  // 202s for requests sent inside the window
    final LongAdder deliveriesInWindow = new LongAdder();    // department deliveries that arrived inside the window
    final LongAdder deliveredInWindow = new LongAdder();     // messages whose last delivery arrived inside the window
    final LongAdder deliveredSentInWindow = new LongAdder(); // messages sent inside the window, fully delivered
    final LongAdder deliveriesTotal = new LongAdder();
    final LongAdder acceptedTotal = new LongAdder();
    final LongAdder backpressureInWindow = new LongAdder();  // 503 + Retry-After answers (retried after the wait)
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();

    public Tracker(int expectedDeliveries) {
        this.expectedDeliveries = expectedDeliveries;
    }

    public int expectedDeliveries() {
        return expectedDeliveries;
    }

    public void window(long start, long end) {
        this.windowStart = start;
        this.windowEnd = end;
    }

    public boolean inWindow(long nanos) {
        return nanos >= windowStart && nanos < windowEnd;
    }

    public void sent(long sentAt) {
        if (inWindow(sentAt)) {
            sentInWindow.increment();
        }
    }

    /** A 202 for a request sent at {@code sentAt} (for an open loop: the intended send time). */
    public void accepted(String berichtId, long sentAt, long now) {
        acceptedTotal.increment();
        boolean sentInside = inWindow(sentAt);
        if (inWindow(now)) {
            acceptedInWindow.increment();
        }
        if (sentInside) {
            acceptedSentInWindow.increment();
            acceptLatency.recordValue(Math.max(0, (now - sentAt) / 1000));
        }
        Entry e = open.computeIfAbsent(berichtId, k -> new Entry());
        synchronized (e) {
            e.sent = sentAt;
            complete(berichtId, e);
        }
    }

    /** The gateway answered 503 with Retry-After (admission control); the request is repeated after the wait. */
    public void backpressure(long at) {
        if (inWindow(at)) {
            backpressureInWindow.increment();
        }
    }

    /** A request that got no 202: counted by kind, only when it was sent inside the window. */
    public void error(String kind, long sentAt) {
        if (inWindow(sentAt)) {
            errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
        }
    }

    /** A delivery the receiver accepted (already de-duplicated on Idempotency-Key). */
    public void delivery(String berichtId, long at) {
        deliveriesTotal.increment();
        if (inWindow(at)) {
            deliveriesInWindow.increment();
        }
        if (berichtId == null) {
            error("delivery without Koppelpunt-Bericht-Id", at);
            return;
        }
        Entry e = open.computeIfAbsent(berichtId, k -> new Entry());
        synchronized (e) {
            e.arrivals++;
            e.lastArrival = Math.max(e.lastArrival, at);
            complete(berichtId, e);
        }
    }

    private void complete(String id, Entry e) {
        if (e.done || e.sent == Long.MIN_VALUE || e.arrivals < expectedDeliveries) {
            return;
        }
        e.done = true;
        open.remove(id);
        if (inWindow(e.lastArrival)) {
            deliveredInWindow.increment();
        }
        if (inWindow(e.sent)) {
            deliveredSentInWindow.increment();
            endToEndLatency.recordValue(Math.max(0, (e.lastArrival - e.sent) / 1000));
        }
    }

    /** Messages sent inside the window, accepted, and not yet fully delivered. */
    public long pendingFromWindow() {
        return acceptedSentInWindow.sum() - deliveredSentInWindow.sum();
    }

    /** Deliveries for a berichtId the load generator never got a 202 for (e.g. its request timed out). */
    public long orphanDeliveries() {
        return open.values().stream().filter(e -> e.sent == Long.MIN_VALUE).count();
    }

    public Histogram acceptLatency() {
        return acceptLatency;
    }

    public Histogram endToEndLatency() {
        return endToEndLatency;
    }

    public Map<String, Long> errors() {
        Map<String, Long> uit = new TreeMap<>();
        errors.forEach((k, v) -> uit.put(k, v.sum()));
        return uit;
    }

    private static final class Entry {
        long sent = Long.MIN_VALUE;
        int arrivals;
        long lastArrival = Long.MIN_VALUE;
        boolean done;
    }
}
