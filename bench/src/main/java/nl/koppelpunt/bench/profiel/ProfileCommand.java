package nl.koppelpunt.bench.profiel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code java -jar koppelpunt-bench.jar profile recording.jfr [--svg flamegraph.svg]}: where the gateway's CPU goes
 * (JFR execution samples: by thread pool, by stage of the gateway, hottest methods self and total) and what it waits
 * on (park, socket, monitor and file-force events over their thresholds), plus a flame graph as SVG. No binaries
 * needed: it reads the recording with the JDK's own jdk.jfr.consumer API.
 */
@Command(name = "profile", description = "Summarise a JFR recording (top frames) and draw a flame graph (SVG).")
public class ProfileCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "The .jfr file (bench --jfr writes one).")
    Path recording;

    @Option(names = "--svg", description = "Write a flame graph (icicle: roots at the top) to this SVG file.")
    Path svg;

    @Option(names = "--png", description = "Write the same flame graph as PNG to this file.")
    Path png;

    @Option(names = "--thread", description = "Only samples of threads whose name matches this regular expression, "
            + "e.g. 'JmsConsumer.koppelpunt.ontvangen' (processing) or 'https-jsse' (intake).")
    String threadFilter;

    @Option(names = "--top", defaultValue = "25", description = "Rows per list (default ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--min-percent", defaultValue = "0.1",
            description = "Flame graph: leave out frames below this share of all samples (default ${DEFAULT-VALUE}).")
    double minPercent;

    @Override
    public Integer call() throws IOException {
        List<List<String>> stacks = new ArrayList<>();   // root first
        List<String> threads = new ArrayList<>();
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> total = new HashMap<>();
        Map<String, Long> pools = new HashMap<>();
        Map<String, Long> stages = new HashMap<>();
        Map<String, Long> categories = new HashMap<>();
        Map<String, Long> ownCode = new HashMap<>();
        Map<String, Duration> waits = new HashMap<>();
        Map<String, Long> waitCounts = new HashMap<>();
        Map<String, Long> allocByFrame = new HashMap<>();
        Map<String, Long> allocByStage = new HashMap<>();
        long allocated = 0;
        long samples = 0;
        long truncated = 0;

        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent e = file.readEvent();
                String type = e.getEventType().getName();
                RecordedStackTrace st = e.getStackTrace();
                if (type.equals("jdk.ExecutionSample")) {
                    if (st == null || st.getFrames().isEmpty()) {
                        continue;
                    }
                    RecordedThread sampled = e.getThread("sampledThread");
                    if (threadFilter != null && (sampled == null || sampled.getJavaName() == null
                            || !java.util.regex.Pattern.compile(threadFilter).matcher(sampled.getJavaName()).find())) {
                        continue;
                    }
                    samples++;
                    if (st.isTruncated()) {
                        truncated++;
                    }
                    List<String> frames = names(st);  // leaf first
                    String pool = pool(sampled);
                    count(pools, pool);
                    count(self, frames.get(0));
                    Set<String> distinct = new HashSet<>(frames);
                    distinct.forEach(f -> count(total, f));
                    count(categories, Categories.of(frames.get(0)));
                    count(stages, stage(frames));
                    frames.stream().filter(f -> f.startsWith("nl.koppelpunt.")).findFirst()
                            .ifPresent(f -> count(ownCode, f));
                    List<String> rootFirst = new ArrayList<>(frames);
                    java.util.Collections.reverse(rootFirst);
                    stacks.add(rootFirst);
                    threads.add(pool);
                } else if (type.equals("jdk.ObjectAllocationSample") && st != null) {
                    RecordedThread thread = e.getThread("eventThread");
                    if (threadFilter != null && (thread == null || thread.getJavaName() == null
                            || !java.util.regex.Pattern.compile(threadFilter).matcher(thread.getJavaName()).find())) {
                        continue;
                    }
                    long weight = e.getLong("weight");
                    allocated += weight;
                    List<String> frames = names(st);
                    allocByFrame.merge(firstOwnOrLibrary(frames), weight, Long::sum);
                    allocByStage.merge(stage(frames), weight, Long::sum);
                } else if (WAIT_EVENTS.contains(type) && st != null) {
                    List<String> frames = names(st);
                    RecordedThread thread = e.getThread("eventThread");
                    if (threadFilter != null && (thread == null || thread.getJavaName() == null
                            || !java.util.regex.Pattern.compile(threadFilter).matcher(thread.getJavaName()).find())) {
                        continue;
                    }
                    String key = type.substring(4) + " | " + pool(thread) + " | " + stage(frames) + " | " + firstOwnOrLibrary(frames);
                    waits.merge(key, e.getDuration(), Duration::plus);
                    count(waitCounts, key);
                }
            }
        }
        if (samples == 0) {
            System.out.println("No jdk.ExecutionSample events in " + recording);
            return 1;
        }
        System.out.printf("%s: %d execution samples (%d with truncated stacks)%n%n", recording, samples, truncated);
        print("CPU BY THREAD POOL", pools, samples);
        print("CPU BY GATEWAY STAGE (outermost nl.koppelpunt frame on the stack)", stages, samples);
        print("CPU BY KIND OF CODE (leaf frame)", categories, samples);
        print("HOTTEST METHODS, SELF (leaf frame)", self, samples);
        print("HOTTEST METHODS, TOTAL (on the stack)", total, samples);
        print("GATEWAY METHODS, SELF + WHAT THEY CALL OUTSIDE nl.koppelpunt (innermost own frame)", ownCode, samples);
        printWaits(waits, waitCounts);
        if (allocated > 0) {
            System.out.printf("ALLOCATION (jdk.ObjectAllocationSample weights): %.0f MB in the recording%n", allocated / 1048576.0);
            printBytes("  by gateway stage", allocByStage, allocated);
            printBytes("  by innermost own/library frame", allocByFrame, allocated);
        }
        if (svg != null || png != null) {
            FlameGraph.write(svg, png, stacks, threads, recording.getFileName().toString(), samples, minPercent);
            System.out.println("Flame graph written to " + (svg != null ? svg.toAbsolutePath() + " " : "")
                    + (png != null ? png.toAbsolutePath() : ""));
        }
        return 0;
    }

    private static final Set<String> WAIT_EVENTS = Set.of("jdk.ThreadPark", "jdk.SocketRead", "jdk.SocketWrite",
            "jdk.JavaMonitorEnter", "jdk.JavaMonitorWait", "jdk.FileForce", "jdk.FileRead", "jdk.FileWrite");

    private static List<String> names(RecordedStackTrace st) {
        List<String> names = new ArrayList<>(st.getFrames().size());
        for (RecordedFrame f : st.getFrames()) {
            if (f.isJavaFrame() || f.getMethod() != null) {
                names.add(f.getMethod().getType().getName() + "." + f.getMethod().getName());
            }
        }
        if (names.isEmpty()) {
            names.add("[unknown]");
        }
        return names;
    }

    /** Thread name with numbers folded: "https-jsse-nio-8443-exec-12" → "https-jsse-nio-#-exec-#". */
    static String pool(RecordedThread thread) {
        if (thread == null) {
            return "[unknown thread]";
        }
        String name = thread.getJavaName() != null ? thread.getJavaName() : thread.getOSName();
        return name == null ? "[unknown thread]" : name.replaceAll("\\d+", "#");
    }

    /** The outermost gateway frame tells which part of the flow the sample belongs to. */
    private static String stage(List<String> leafFirst) {
        for (int i = leafFirst.size() - 1; i >= 0; i--) {
            String f = leafFirst.get(i);
            if (f.startsWith("nl.koppelpunt.")) {
                return f.substring("nl.koppelpunt.".length());
            }
        }
        return "(no gateway frame: " + Categories.of(leafFirst.get(leafFirst.size() - 1)) + " thread)";
    }

    private static String firstOwnOrLibrary(List<String> leafFirst) {
        for (String f : leafFirst) {
            if (f.startsWith("nl.koppelpunt.")) {
                return f.substring("nl.koppelpunt.".length());
            }
        }
        for (String f : leafFirst) {
            if (!f.startsWith("java.") && !f.startsWith("jdk.") && !f.startsWith("sun.")) {
                return f;
            }
        }
        return leafFirst.get(0);
    }

    private static void count(Map<String, Long> m, String k) {
        m.merge(k, 1L, Long::sum);
    }

    private void print(String title, Map<String, Long> counts, long samples) {
        System.out.println(title);
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                .forEach(e -> System.out.printf("  %5.1f %%  %7d  %s%n", 100.0 * e.getValue() / samples, e.getValue(), e.getKey()));
        System.out.println();
    }

    private void printBytes(String title, Map<String, Long> bytes, long total) {
        System.out.println(title);
        bytes.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                .forEach(e -> System.out.printf("  %5.1f %%  %8.0f MB  %s%n", 100.0 * e.getValue() / total,
                        e.getValue() / 1048576.0, e.getKey()));
        System.out.println();
    }

    private void printWaits(Map<String, Duration> waits, Map<String, Long> counts) {
        if (waits.isEmpty()) {
            return;
        }
        System.out.println("WAITS OVER THE JFR THRESHOLD (event | thread pool | stage | innermost own/library frame): total time, count");
        Map<String, Duration> sorted = new LinkedHashMap<>();
        waits.entrySet().stream().sorted(Map.Entry.<String, Duration>comparingByValue(Comparator.reverseOrder())).limit(top)
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        sorted.forEach((k, v) -> System.out.printf("  %8.1f s  %7d  %s%n", v.toMillis() / 1000.0, counts.get(k), k));
        System.out.println();
    }

    /** Coarse kinds of code, by package; also the flame graph's colours. */
    static final class Categories {

        private static final List<String[]> PREFIXES = List.of(
                new String[] {"nl.koppelpunt.", "gateway code"},
                new String[] {"com.networknt.", "JSON Schema validation"},
                new String[] {"com.fasterxml.", "JSON (Jackson)"},
                new String[] {"org.postgresql.", "PostgreSQL JDBC"},
                new String[] {"com.zaxxer.hikari.", "connection pool"},
                new String[] {"org.apache.activemq.", "Artemis"},
                new String[] {"io.netty.", "Artemis (Netty)"},
                new String[] {"org.apache.camel.", "Camel"},
                new String[] {"org.springframework.jms.", "Spring JMS"},
                new String[] {"org.springframework.jdbc.", "Spring JDBC"},
                new String[] {"org.springframework.transaction.", "Spring transactions"},
                new String[] {"org.springframework.", "Spring"},
                new String[] {"org.apache.hc.", "Apache HttpClient (delivery)"},
                new String[] {"org.apache.catalina.", "Tomcat"},
                new String[] {"org.apache.coyote.", "Tomcat"},
                new String[] {"org.apache.tomcat.", "Tomcat"},
                new String[] {"sun.security.", "TLS / crypto"},
                new String[] {"com.sun.crypto.", "TLS / crypto"},
                new String[] {"javax.crypto.", "TLS / crypto"},
                new String[] {"java.security.", "TLS / crypto"},
                new String[] {"org.bouncycastle.", "TLS / crypto"},
                new String[] {"sun.nio.", "JDK I/O"},
                new String[] {"java.nio.", "JDK I/O"},
                new String[] {"java.io.", "JDK I/O"},
                new String[] {"java.net.", "JDK I/O"},
                new String[] {"java.util.regex.", "JDK regex"},
                new String[] {"java.util.concurrent.", "JDK concurrency"},
                new String[] {"java.lang.invoke.", "JDK reflection / invoke"},
                new String[] {"java.lang.reflect.", "JDK reflection / invoke"},
                new String[] {"jdk.internal.reflect.", "JDK reflection / invoke"},
                new String[] {"io.micrometer.", "metrics"},
                new String[] {"ch.qos.logback.", "logging"},
                new String[] {"org.slf4j.", "logging"},
                new String[] {"java.", "JDK other"},
                new String[] {"jdk.", "JDK other"},
                new String[] {"sun.", "JDK other"});

        private Categories() {
        }

        static String of(String frame) {
            for (String[] p : PREFIXES) {
                if (frame.startsWith(p[0])) {
                    return p[1];
                }
            }
            return "other libraries";
        }
    }

    static void writeString(Path path, String text) throws IOException {
        if (path.toAbsolutePath().getParent() != null) {
            Files.createDirectories(path.toAbsolutePath().getParent());
        }
        Files.writeString(path, text);
    }
}
