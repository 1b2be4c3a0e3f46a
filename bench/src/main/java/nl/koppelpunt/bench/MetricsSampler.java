package nl.koppelpunt.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Samples the system under test's Micrometer metrics once a second over plain HTTP on its management port
 * ({@code /actuator/metrics}; the harness starts it with the metrics endpoint exposed).
 */
public final class MetricsSampler implements AutoCloseable {

    /** One sample; NaN where a metric is not available. */
    public record Sample(long nanos, double heapUsed, double heapCommitted, double heapMax, double liveDataAfterGc,
                         double processCpu, double systemCpu, double gcPauseSeconds, double threads,
                         double dbActive, double dbPending) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String base;
    private final List<Sample> samples = new ArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "metrics");
        t.setDaemon(true);
        return t;
    });

    public MetricsSampler(int managementPort) {
        this.base = "http://127.0.0.1:" + managementPort + "/actuator/metrics/";
    }

    public MetricsSampler start() {
        timer.scheduleAtFixedRate(this::sample, 0, 1, TimeUnit.SECONDS);
        return this;
    }

    public Sample sampleNow() {
        return new Sample(System.nanoTime(), value("jvm.memory.used?tag=area:heap", "VALUE"),
                value("jvm.memory.committed?tag=area:heap", "VALUE"), value("jvm.memory.max?tag=area:heap", "VALUE"),
                value("jvm.gc.live.data.size", "VALUE"), value("process.cpu.usage", "VALUE"),
                value("system.cpu.usage", "VALUE"), value("jvm.gc.pause", "TOTAL_TIME"), value("jvm.threads.live", "VALUE"),
                value("hikaricp.connections.active", "VALUE"), value("hikaricp.connections.pending", "VALUE"));
    }

    private void sample() {
        Sample s = sampleNow();
        synchronized (samples) {
            samples.add(s);
        }
    }

    private double value(String metric, String statistic) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + metric))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                return Double.NaN;
            }
            for (JsonNode m : JSON.readTree(r.body()).path("measurements")) {
                if (statistic.equals(m.path("statistic").asText())) {
                    return m.path("value").asDouble();
                }
            }
            return Double.NaN;
        } catch (IOException e) {
            return Double.NaN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
    }

    public List<Sample> between(long from, long to) {
        synchronized (samples) {
            return samples.stream().filter(s -> s.nanos() >= from && s.nanos() <= to).toList();
        }
    }

    /** Max and mean of the samples in the window, per metric. */
    public Map<String, Object> summary(long from, long to) {
        List<Sample> w = between(from, to);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("samples", w.size());
        m.put("heapUsedMaxMb", mb(max(w, Sample::heapUsed)));
        m.put("heapUsedMeanMb", mb(mean(w, Sample::heapUsed)));
        // G1 reports 0 until its first old-generation collection: then there is no figure, not a zero.
        double live = max(w, Sample::liveDataAfterGc);
        m.put("heapLiveAfterGcMaxMb", live > 0 ? mb(live) : Double.NaN);
        m.put("heapCommittedMaxMb", mb(max(w, Sample::heapCommitted)));
        m.put("heapMaxMb", mb(max(w, Sample::heapMax)));
        m.put("processCpuMean", round(mean(w, Sample::processCpu)));
        m.put("processCpuMax", round(max(w, Sample::processCpu)));
        m.put("systemCpuMean", round(mean(w, Sample::systemCpu)));
        m.put("threadsMax", max(w, Sample::threads));
        m.put("dbConnectionsActiveMean", round(mean(w, Sample::dbActive)));
        m.put("dbConnectionsPendingMean", round(mean(w, Sample::dbPending)));
        m.put("dbConnectionsPendingMax", max(w, Sample::dbPending));
        if (w.size() >= 2) {
            double gc = w.get(w.size() - 1).gcPauseSeconds() - w.get(0).gcPauseSeconds();
            double wall = (w.get(w.size() - 1).nanos() - w.get(0).nanos()) / 1e9;
            m.put("gcPauseShare", round(gc / wall));
        }
        return m;
    }

    private static double max(List<Sample> w, ToDoubleFunction<Sample> f) {
        return w.stream().mapToDouble(f).filter(d -> !Double.isNaN(d)).max().orElse(Double.NaN);
    }

    private static double mean(List<Sample> w, ToDoubleFunction<Sample> f) {
        OptionalDouble avg = w.stream().mapToDouble(f).filter(d -> !Double.isNaN(d)).average();
        return avg.orElse(Double.NaN);
    }

    static double mb(double bytes) {
        return Double.isNaN(bytes) ? Double.NaN : Math.round(bytes / (1024 * 1024) * 10) / 10.0;
    }

    static double round(double d) {
        return Double.isNaN(d) ? Double.NaN : Math.round(d * 1000) / 1000.0;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
