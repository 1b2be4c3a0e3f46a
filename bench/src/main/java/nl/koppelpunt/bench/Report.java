package nl.koppelpunt.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.HdrHistogram.Histogram;

/** The table on the console and the same figures as JSON. */
public final class Report {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Report() {
    }

    /** p50, p90, p99, p99.9, max and mean of a histogram in microseconds, as milliseconds. */
    public static Map<String, Object> latency(Histogram h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", h.getTotalCount());
        if (h.getTotalCount() == 0) {
            return m;
        }
        m.put("p50", ms(h.getValueAtPercentile(50)));
        m.put("p90", ms(h.getValueAtPercentile(90)));
        m.put("p99", ms(h.getValueAtPercentile(99)));
        m.put("p99_9", ms(h.getValueAtPercentile(99.9)));
        m.put("max", ms(h.getMaxValue()));
        m.put("mean", ms((long) h.getMean()));
        return m;
    }

    private static double ms(long micros) {
        return Math.round(micros / 10.0) / 100.0;
    }

    public static void writeJson(Path out, Map<String, Object> result) throws IOException {
        if (out.toAbsolutePath().getParent() != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
        }
        Files.writeString(out, JSON.writeValueAsString(sanitize(result)) + "\n");
    }

    /** NaN is not JSON: unknown figures become null. */
    @SuppressWarnings("unchecked")
    private static Object sanitize(Object o) {
        if (o instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), sanitize(v)));
            return copy;
        }
        if (o instanceof List<?> list) {
            return list.stream().map(Report::sanitize).toList();
        }
        if (o instanceof Double d && (d.isNaN() || d.isInfinite())) {
            return null;
        }
        return o;
    }

    // ------------------------------------------------------------------------------------------------ the table

    private record Row(String label, String path, boolean ratio) {
    }

    private static final List<Row> ROWS = List.of(
            new Row("THROUGHPUT (measurement window)", null, false),
            new Row("  accepted/s (202)", "throughput.acceptedPerSec", true),
            new Row("  delivered/s (klantprofielen, last dept.)", "throughput.deliveredPerSec", true),
            new Row("  deliveries/s (department POSTs)", "throughput.deliveriesPerSec", true),
            new Row("  requests sent in window", "throughput.sentInWindow", false),
            new Row("  503/429 + Retry-After answers (retried)", "throughput.backpressure503InWindow", false),
            new Row("  accepted, sent in window", "throughput.acceptedSentInWindow", false),
            new Row("  not delivered after drain", "throughput.notDeliveredAfterDrain", false),
            new Row("  drain after window (s)", "throughput.drainSeconds", false),
            new Row("  duplicate deliveries (de-duplicated)", "throughput.duplicateDeliveries", false),
            new Row("ACCEPT LATENCY (ms, send -> 202)", null, false),
            new Row("  p50", "acceptLatencyMs.p50", false),
            new Row("  p90", "acceptLatencyMs.p90", false),
            new Row("  p99", "acceptLatencyMs.p99", false),
            new Row("  p99.9", "acceptLatencyMs.p99_9", false),
            new Row("  max", "acceptLatencyMs.max", false),
            new Row("END-TO-END LATENCY (ms, send -> last delivery)", null, false),
            new Row("  p50", "endToEndLatencyMs.p50", false),
            new Row("  p90", "endToEndLatencyMs.p90", false),
            new Row("  p99", "endToEndLatencyMs.p99", false),
            new Row("  p99.9", "endToEndLatencyMs.p99_9", false),
            new Row("  max", "endToEndLatencyMs.max", false),
            new Row("ERRORS (requests sent in window)", null, false),
            new Row("  total", "errorsTotal", false),
            new Row("RESOURCES (measurement window)", null, false),
            new Row("  heap used, max sampled (MB)", "jvm.heapUsedMaxMb", false),
            new Row("  heap live after GC, max (MB)", "jvm.heapLiveAfterGcMaxMb", false),
            new Row("  heap after full GC at end (MB)", "jvm.heapAfterFullGcMb", false),
            new Row("  heap max (-Xmx, MB)", "jvm.heapMaxMb", false),
            new Row("  GC pause share", "jvm.gcPauseShare", false),
            new Row("  process.cpu.usage mean (0..1 of all cores)", "jvm.processCpuMean", false),
            new Row("  JVM CPU (cores, /proc)", "cpu.jvmCores", false),
            new Row("    of which kernel (cores)", "cpu.jvmSystemCores", false),
            new Row("  PostgreSQL CPU (cores, /proc)", "cpu.postgresCores", false),
            new Row("  load generator + receiver CPU (cores)", "cpu.benchCores", false),
            new Row("  machine busy (cores) / iowait (cores)", "cpu.machineBusyAndIowait", false),
            new Row("  other processes on the machine (cores)", "cpu.otherProcessesCores", false),
            new Row("  DB connections active mean", "jvm.dbConnectionsActiveMean", false),
            new Row("  DB connections pending mean / max", "jvm.dbConnectionsPending", false),
            new Row("  JVM start to ready (s)", "startupSeconds", false),
            new Row("POSTGRESQL WORK (window; per second / per accepted msg)", null, false),
            new Row("  commits", "postgresActivity.xact_commit", false),
            new Row("  rows inserted", "postgresActivity.tup_inserted", false),
            new Row("  rows updated", "postgresActivity.tup_updated", false),
            new Row("  WAL syncs (fsync)", "postgresActivity.wal_sync", false),
            new Row("  WAL bytes", "postgresActivity.wal_bytes", false));

    @SuppressWarnings("unchecked")
    public static void print(PrintStream out, Map<String, Object> result) {
        Map<String, Object> systems = (Map<String, Object>) result.get("systems");
        List<String> names = new ArrayList<>(systems.keySet());
        boolean ratio = names.contains("gateway") && names.contains("baseline");
        int w0 = 48;
        int w = 16;
        StringBuilder header = new StringBuilder(pad("", w0));
        names.forEach(n -> header.append(lpad(n, w)));
        if (ratio) {
            header.append(lpad("gateway/base", w));
        }
        out.println();
        out.println(header);
        out.println("-".repeat(header.length()));
        for (Row row : ROWS) {
            if (row.path == null) {
                out.println(row.label);
                continue;
            }
            StringBuilder line = new StringBuilder(pad(row.label, w0));
            for (String n : names) {
                line.append(lpad(format(get(systems.get(n), row.path)), w));
            }
            if (ratio && row.ratio) {
                Object g = get(systems.get("gateway"), row.path);
                Object b = get(systems.get("baseline"), row.path);
                if (g instanceof Number gn && b instanceof Number bn && bn.doubleValue() > 0) {
                    line.append(lpad(String.format("%.2f", gn.doubleValue() / bn.doubleValue()), w));
                }
            }
            out.println(line);
        }
        Set<String> kinds = new TreeSet<>();
        for (String n : names) {
            Object errors = get(systems.get(n), "errors");
            if (errors instanceof Map<?, ?> m) {
                m.keySet().forEach(k -> kinds.add(String.valueOf(k)));
            }
        }
        if (!kinds.isEmpty()) {
            out.println("ERRORS BY KIND");
            for (String kind : kinds) {
                StringBuilder line = new StringBuilder(pad("  " + kind, w0));
                for (String n : names) {
                    Object errors = get(systems.get(n), "errors");
                    Object v = errors instanceof Map<?, ?> m ? m.get(kind) : null;
                    line.append(lpad(v == null ? "0" : String.valueOf(v), w));
                }
                out.println(line);
            }
        }
        for (String n : names) {
            out.println();
            out.println(n + ": queues at window end " + get(systems.get(n), "queueDepthsAtWindowEnd"));
            out.println(n + ": PostgreSQL " + get(systems.get(n), "postgres"));
            out.println(n + ": Artemis " + get(systems.get(n), "artemis"));
        }
        Object targets = result.get("targets");
        if (targets instanceof Map<?, ?> t && !t.isEmpty()) {
            out.println();
            out.println("TARGETS (issue 4)");
            t.forEach((k, v) -> out.println("  " + k + ": " + v));
        }
        out.println();
    }

    @SuppressWarnings("unchecked")
    static Object get(Object node, String path) {
        Object o = node;
        for (String part : path.split("\\.")) {
            if (!(o instanceof Map<?, ?> m)) {
                return null;
            }
            o = ((Map<String, Object>) m).get(part);
        }
        return o;
    }

    private static String format(Object v) {
        if (v == null) {
            return "-";
        }
        if (v instanceof Double d) {
            if (d.isNaN()) {
                return "-";
            }
            return Math.abs(d) >= 100 ? String.format("%.0f", d) : String.format("%.2f", d);
        }
        if (v instanceof Map<?, ?> m && m.containsKey("perSec")) {
            return format(m.get("perSec")) + " / " + format(m.get("perAccepted"));
        }
        if (v instanceof List<?> l) {
            return String.join(" / ", l.stream().map(Report::format).toList());
        }
        return Objects.toString(v);
    }

    private static String pad(String s, int w) {
        return s.length() >= w ? s.substring(0, w - 1) + " " : s + " ".repeat(w - s.length());
    }

    private static String lpad(String s, int w) {
        return s.length() >= w ? " " + s : " ".repeat(w - s.length()) + s;
    }
}
