package nl.koppelpunt.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javax.net.ssl.SSLContext;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import nl.koppelpunt.bench.baseline.BaselineApplication;
import nl.koppelpunt.bench.jmh.JmhCommand;
import nl.koppelpunt.bench.profiel.ProfileCommand;

/**
 * One command: starts the gateway in a JVM of its own, sets up its persons, drives load over mutual TLS, receives the
 * deliveries, then does the same with the bare-stack baseline, and prints and writes the figures side by side.
 */
@Command(name = "koppelpunt-bench", mixinStandardHelpOptions = true, sortOptions = false,
        subcommands = {JmhCommand.class, ProfileCommand.class},
        description = {"End-to-end benchmark of the Koppelpunt gateway against a bare-stack baseline (issue 4).",
                "Subcommands: 'jmh' runs the micro-benchmarks, 'profile' summarises a JFR recording."})
public final class BenchMain implements Callable<Integer> {

    static final String GEMEENTE = "GM0344";

    enum Only { gateway, baseline, both }

    @Option(names = "--duration", defaultValue = "60s", converter = Durations.class,
            description = "Measurement window (default ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--warmup", defaultValue = "15s", converter = Durations.class,
            description = "Load before the window, not measured (default ${DEFAULT-VALUE}).")
    Duration warmup;

    @Option(names = "--rate", description = "Open loop: klantprofielen per second offered, whatever the answers do.")
    Integer rate;

    @Option(names = "--concurrency", description = "Closed loop: requests in flight (default 64 when no --rate).")
    Integer concurrency;

    @Option(names = "--persons", defaultValue = "900",
            description = "Distinct persons (test BSNs 99999xxxx; at most 909 exist). Default ${DEFAULT-VALUE}.")
    int persons;

    @Option(names = "--jdbc-url", description = "External PostgreSQL instead of the embedded one (both systems; a fresh schema each).")
    String jdbcUrl;

    @Option(names = "--jdbc-user", defaultValue = "postgres")
    String jdbcUser;

    @Option(names = "--jdbc-password", defaultValue = "")
    String jdbcPassword;

    @Option(names = "--out", defaultValue = "bench/target/results.json", description = "JSON results (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--only", defaultValue = "both", description = "gateway, baseline or both (default ${DEFAULT-VALUE}).")
    Only only;

    @Option(names = "--drain", defaultValue = "60s", converter = Durations.class,
            description = "After the window, wait at most this long for the window's messages to be delivered.")
    Duration drain;

    @Option(names = "--gateway-jar", description = "The gateway's Boot jar (default routes/target/koppelpunt.jar).")
    Path gatewayJar;

    @Option(names = "--heap", defaultValue = "512m", description = "-Xmx of both systems under test (default ${DEFAULT-VALUE}).")
    String heap;

    @Option(names = "--jfr", description = "Record the gateway with JFR (settings=profile) during the window into this file; the baseline into <name>-baseline.jfr.")
    Path jfr;

    @Option(names = "--gateway-arg", description = "Extra gateway argument, e.g. --gateway-arg=--koppelpunt.verwerking.consumers=8 (repeatable).")
    List<String> gatewayArgs = new ArrayList<>();

    @Option(names = "--gateway-jvm-arg", description = "Extra JVM option for the gateway (repeatable).")
    List<String> gatewayJvmArgs = new ArrayList<>();

    @Option(names = "--baseline-arg", description = "Extra baseline argument (repeatable).")
    List<String> baselineArgs = new ArrayList<>();

    @Option(names = "--baseline-jvm-arg", description = "Extra JVM option for the baseline (repeatable).")
    List<String> baselineJvmArgs = new ArrayList<>();

    @Option(names = "--baseline-fanout", defaultValue = "1",
            description = "POSTs per message in the baseline (the gateway delivers each profile to 2 departments). Default ${DEFAULT-VALUE}.")
    int baselineFanout;

    @Option(names = "--baseline-consumers", defaultValue = "4", description = "Queue consumers in the baseline (default ${DEFAULT-VALUE}).")
    int baselineConsumers;

    @Option(names = "--max-in-flight", defaultValue = "2048",
            description = "Open loop: never more requests in flight than this; a send that would exceed it is skipped and counted as an error (default ${DEFAULT-VALUE}).")
    int maxInFlight;

    @Option(names = "--receiver-threads", defaultValue = "32", description = "Threads of the receiving web server.")
    int receiverThreads;

    @Option(names = "--keep", description = "Keep the work directory (logs, data) instead of deleting it.")
    boolean keep;

    public static void main(String[] args) {
        // The harness' own log (logback's default is DEBUG to the console) would drown the table.
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        System.exit(new CommandLine(new BenchMain()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
    }

    /** How one system under test is started and looked into. */
    private record Target(String name, int expectedDeliveries, boolean setUp, List<String> command, Path postgresData,
                          String jdbcUrl) {
    }

    @Override
    public Integer call() throws Exception {
        if (rate != null && concurrency != null) {
            throw new CommandLine.ParameterException(new CommandLine(this), "give --rate or --concurrency, not both");
        }
        int closed = concurrency != null ? concurrency : 64;
        List<String> bsns = TestBsns.first(persons);
        if (rate == null && closed > persons) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--concurrency needs at least as many --persons");
        }
        Payloads payloads = new Payloads();
        String runStamp = Long.toString(System.currentTimeMillis(), 36);

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("startedAt", OffsetDateTime.now().toString());
        result.put("machine", Machine.describe());
        result.put("loadAverageAtStart", Machine.loadAverage());
        result.put("gatewayJar", describeJar());
        Map<String, Object> load = new LinkedHashMap<>();
        load.put("mode", rate != null ? "open loop" : "closed loop");
        if (rate != null) {
            load.put("ratePerSec", rate);
        } else {
            load.put("concurrency", closed);
        }
        load.put("warmupSeconds", warmup.toMillis() / 1000.0);
        load.put("durationSeconds", duration.toMillis() / 1000.0);
        load.put("persons", persons);
        load.put("payload", "seed klantprofiel, " + payloads.seedSize() + " bytes, BSN 99999xxxx and profielversie substituted");
        load.put("database", jdbcUrl == null ? "embedded (zonky) per system" : "external " + redact(jdbcUrl));
        load.put("heap", "-Xmx" + heap);
        result.put("load", load);
        System.out.println("Koppelpunt bench: " + load + ", load average " + result.get("loadAverageAtStart"));

        Map<String, Object> systems = new LinkedHashMap<>();
        result.put("systems", systems);
        try (Werkmap werkmap = Werkmap.create(keep); Receiver receiver = new Receiver(receiverThreads)) {
            werkmap.ensurePki();
            SSLContext ssl = werkmap.clientSsl();
            if (only != Only.baseline) {
                String schema = "kp_gateway_" + runStamp;
                systems.put("gateway", measure(gatewayTarget(werkmap, receiver, schema), werkmap, receiver, ssl, bsns, payloads));
                dropSchema(schema);
            }
            if (only != Only.gateway) {
                String schema = "kp_baseline_" + runStamp;
                systems.put("baseline", measure(baselineTarget(werkmap, receiver, schema), werkmap, receiver, ssl, bsns, payloads));
                dropSchema(schema);
            }
        }
        result.put("targets", targets(systems));
        Report.print(System.out, result);
        Report.writeJson(out, result);
        System.out.println("JSON written to " + out.toAbsolutePath());
        return 0;
    }

    // ------------------------------------------------------------------------------------------------ the systems

    private Target gatewayTarget(Werkmap werkmap, Receiver receiver, String schema) throws java.io.IOException {
        // A copy: a build running next to the bench may replace routes/target/koppelpunt.jar while the gateway runs.
        Path jar = Files.copy(locateGatewayJar(), werkmap.root().resolve("koppelpunt.jar"));
        List<String> cmd = new ArrayList<>(List.of(Jvm.javaExecutable(), "-Xmx" + heap));
        if (jfr != null) {
            // Spring/Camel stacks are deeper than JFR's default 64 frames; truncated stacks make a useless flame graph.
            cmd.add("-XX:FlightRecorderOptions=stackdepth=256");
        }
        cmd.addAll(gatewayJvmArgs);
        cmd.addAll(List.of("-jar", jar.toString(),
                "--koppelpunt.data-dir=" + werkmap.data("gateway"),
                "--koppelpunt.pki.dir=" + werkmap.pki(),
                "--koppelpunt.partners.location=" + werkmap.partnersLocation(),
                "--koppelpunt.demo.webhook-basis=" + receiver.baseUrl(),
                "--management.endpoints.web.exposure.include=health,info,prometheus,metrics"));
        String url = null;
        if (jdbcUrl != null) {
            url = withSchema(jdbcUrl, schema);
            cmd.addAll(List.of("--spring.datasource.url=" + url, "--spring.datasource.username=" + jdbcUser,
                    "--spring.datasource.password=" + jdbcPassword, "--spring.flyway.schemas=" + schema));
        }
        cmd.addAll(gatewayArgs);
        // With the default partner files a klantprofiel for GM0344 goes to its two subscriptions.
        return new Target("gateway", 2, true, cmd, jdbcUrl == null ? werkmap.data("gateway").resolve("postgres") : null, url);
    }

    private Target baselineTarget(Werkmap werkmap, Receiver receiver, String schema) {
        List<String> cmd = new ArrayList<>(List.of(Jvm.javaExecutable(), "-Xmx" + heap));
        if (jfr != null) {
            cmd.add("-XX:FlightRecorderOptions=stackdepth=256");
        }
        cmd.addAll(baselineJvmArgs);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), BaselineApplication.class.getName(),
                "--baseline.data-dir=" + werkmap.data("baseline"),
                "--baseline.pki-dir=" + werkmap.pki(),
                "--baseline.webhook=" + receiver.baseUrl(),
                "--baseline.fanout=" + baselineFanout,
                "--baseline.consumers=" + baselineConsumers));
        String url = null;
        if (jdbcUrl != null) {
            url = withSchema(jdbcUrl, schema);
            cmd.addAll(List.of("--baseline.database=external", "--baseline.schema=" + schema,
                    "--spring.datasource.url=" + url, "--spring.datasource.username=" + jdbcUser,
                    "--spring.datasource.password=" + jdbcPassword));
        }
        cmd.addAll(baselineArgs);
        return new Target("baseline", baselineFanout, false, cmd,
                jdbcUrl == null ? werkmap.data("baseline").resolve("postgres") : null, url);
    }

    private Map<String, Object> describeJar() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (only == Only.baseline) {
            return m;
        }
        try {
            Path jar = locateGatewayJar();
            m.put("path", jar.toString());
            m.put("built", Files.getLastModifiedTime(jar).toString());
            Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
            String commit = new String(git.getInputStream().readAllBytes()).trim();
            if (git.waitFor() == 0) {
                m.put("gitHead", commit);
            }
        } catch (Exception e) {
            m.put("note", e.getMessage());
        }
        return m;
    }

    private Path locateGatewayJar() {
        List<Path> candidates = new ArrayList<>();
        if (gatewayJar != null) {
            candidates.add(gatewayJar);
        }
        candidates.add(Path.of("routes", "target", "koppelpunt.jar"));
        candidates.add(Path.of("..", "routes", "target", "koppelpunt.jar"));
        String cp = System.getProperty("java.class.path");
        if (cp.endsWith(".jar")) {
            Path benchTarget = Path.of(cp).toAbsolutePath().getParent();
            candidates.add(benchTarget.resolve("../../routes/target/koppelpunt.jar").normalize());
        }
        for (Path c : candidates) {
            if (Files.isRegularFile(c)) {
                return c.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("gateway jar not found (" + candidates + "); build it with "
                + "mvn -q -Pbench -pl bench -am package -Dmaven.test.skip=true, or pass --gateway-jar");
    }

    // ------------------------------------------------------------------------------------------------ one run

    private record Cpu(long nanos, double jvm, double postgres, double bench, long[] machine, double jvmSystem) {
        static Cpu take(long jvmPid, long postmasterPid) {
            return new Cpu(System.nanoTime(), Jvm.cpuSeconds(jvmPid),
                    postmasterPid > 0 ? Jvm.cpuSecondsWithDescendants(postmasterPid) : Double.NaN,
                    Jvm.cpuSeconds(ProcessHandle.current().pid()), Machine.cpuTicks(), Jvm.systemCpuSeconds(jvmPid));
        }
    }

    private Map<String, Object> measure(Target target, Werkmap werkmap, Receiver receiver, SSLContext ssl,
                                        List<String> bsns, Payloads payloads) throws Exception {
        System.out.println();
        System.out.println("== " + target.name() + " ==");
        int port = Jvm.freePort();
        int managementPort = Jvm.freePort();
        List<String> command = new ArrayList<>(target.command());
        command.add("--server.port=" + port);
        command.add("--management.server.port=" + managementPort);
        long begin = System.nanoTime();
        Map<String, Object> r = new LinkedHashMap<>();
        try (Jvm jvm = Jvm.start(target.name(), command, managementPort, werkmap.root().resolve(target.name() + ".log"),
                Duration.ofMinutes(5))) {
            double startup = (System.nanoTime() - begin) / 1e9;
            System.out.printf("  %s ready in %.1f s (pid %d, log %s)%n", target.name(), startup, jvm.pid(), jvm.log());
            r.put("startupSeconds", Math.round(startup * 10) / 10.0);
            r.put("command", redactCommand(command));
            Probes.Jmx jmx = jmx(jvm.pid());
            ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
            try (LoadGenerator generator = new LoadGenerator(ssl, port, bsns, payloads, maxInFlight);
                 MetricsSampler sampler = new MetricsSampler(managementPort).start()) {
                if (target.setUp()) {
                    generator.setUp(GEMEENTE, 32, Duration.ofMinutes(10));
                }
                long postmaster = target.postgresData() == null ? -1 : Probes.postmasterPid(target.postgresData());
                Tracker tracker = new Tracker(target.expectedDeliveries());
                receiver.track(tracker);
                long start = System.nanoTime() + 200_000_000L;
                long windowStart = start + warmup.toNanos();
                long windowEnd = windowStart + duration.toNanos();
                tracker.window(windowStart, windowEnd);
                AtomicReference<Cpu> cpuStart = new AtomicReference<>();
                AtomicReference<Cpu> cpuEnd = new AtomicReference<>();
                AtomicReference<Map<String, Long>> depths = new AtomicReference<>(Map.of());
                String[] pg = pgConnection(target);
                AtomicReference<Map<String, Long>> dbStart = new AtomicReference<>(Map.of());
                AtomicReference<Map<String, Long>> dbEnd = new AtomicReference<>(Map.of());
                ScheduledFuture<?> atStart = timer.schedule(() -> {
                    cpuStart.set(Cpu.take(jvm.pid(), postmaster));
                    dbStart.set(Probes.postgresActivity(pg[0], pg[1], pg[2]));
                    if (jfr != null) {
                        startJfr(jvm.pid(), jfrFile(target.name()));
                    }
                }, windowStart - System.nanoTime(), TimeUnit.NANOSECONDS);
                ScheduledFuture<?> atEnd = timer.schedule(() -> {
                    cpuEnd.set(Cpu.take(jvm.pid(), postmaster));
                    dbEnd.set(Probes.postgresActivity(pg[0], pg[1], pg[2]));
                    if (jmx != null) {
                        depths.set(jmx.queueDepths());
                    }
                }, windowEnd - System.nanoTime(), TimeUnit.NANOSECONDS);
                System.out.printf("  load: %s, warm-up %s, measuring %s ...%n",
                        rate != null ? "open loop " + rate + "/s" : "closed loop, " + (concurrency != null ? concurrency : 64) + " in flight",
                        Durations.format(warmup), Durations.format(duration));
                if (rate != null) {
                    generator.openLoop(tracker, rate, start, windowEnd);
                } else {
                    generator.closedLoop(tracker, concurrency != null ? concurrency : 64, start, windowEnd);
                }
                atStart.get();
                atEnd.get();
                long drainStart = System.nanoTime();
                long drainEnd = drainStart + drain.toNanos();
                while (tracker.pendingFromWindow() > 0 && System.nanoTime() < drainEnd && jvm.isAlive()) {
                    Jvm.sleep(100);
                }
                double drained = (System.nanoTime() - drainStart) / 1e9;
                double window = duration.toNanos() / 1e9;

                Map<String, Object> throughput = new LinkedHashMap<>();
                if (rate != null) {
                    throughput.put("offeredPerSec", rate);
                }
                throughput.put("acceptedPerSec", round1(tracker.acceptedInWindow.sum() / window));
                throughput.put("deliveredPerSec", round1(tracker.deliveredInWindow.sum() / window));
                throughput.put("deliveriesPerSec", round1(tracker.deliveriesInWindow.sum() / window));
                throughput.put("sentInWindow", tracker.sentInWindow.sum());
                throughput.put("backpressure503InWindow", tracker.backpressureInWindow.sum());
                throughput.put("acceptedSentInWindow", tracker.acceptedSentInWindow.sum());
                throughput.put("notDeliveredAfterDrain", tracker.pendingFromWindow());
                throughput.put("drainSeconds", Math.round(drained * 10) / 10.0);
                throughput.put("duplicateDeliveries", receiver.duplicates());
                throughput.put("deliveriesWithoutA202", tracker.orphanDeliveries());
                throughput.put("expectedDeliveriesPerMessage", target.expectedDeliveries());
                throughput.put("deliveriesPerPath", receiver.deliveriesPerPath());
                r.put("throughput", throughput);
                r.put("acceptLatencyMs", Report.latency(tracker.acceptLatency()));
                r.put("endToEndLatencyMs", Report.latency(tracker.endToEndLatency()));
                Map<String, Long> errors = tracker.errors();
                r.put("errorsTotal", errors.values().stream().mapToLong(Long::longValue).sum());
                r.put("errors", errors);

                Map<String, Object> jvmFigures = sampler.summary(windowStart, windowEnd);
                jvmFigures.put("dbConnectionsPending", List.of(jvmFigures.get("dbConnectionsPendingMean"),
                        jvmFigures.get("dbConnectionsPendingMax")));
                if (jmx != null) {
                    jvmFigures.put("heapAfterFullGcMb", MetricsSampler.mb(jmx.heapAfterFullGc()));
                }
                r.put("jvm", jvmFigures);
                r.put("cpu", cpu(cpuStart.get(), cpuEnd.get()));
                r.put("queueDepthsAtWindowEnd", depths.get());
                r.put("postgresActivity", activity(dbStart.get(), dbEnd.get(), window,
                        tracker.acceptedInWindow.sum(), tracker.deliveredInWindow.sum()));
                r.put("postgres", postgresSettings(target));
                r.put("artemis", jmx == null ? Map.of("error", "no JMX") : jmx.artemisSettings());
                if (jfr != null) {
                    r.put("jfr", jfrFile(target.name()).toString());
                }
            } finally {
                timer.shutdownNow();
                if (jmx != null) {
                    jmx.close();
                }
                receiver.track(null);
            }
            System.out.printf("  %s: accepted %.0f/s, delivered %.0f/s; stopping%n", target.name(),
                    Report.get(r, "throughput.acceptedPerSec"), Report.get(r, "throughput.deliveredPerSec"));
        }
        return r;
    }

    private static Probes.Jmx jmx(long pid) {
        try {
            return new Probes.Jmx(pid);
        } catch (Exception e) {
            System.out.println("  (no JMX connection: " + e + "; heap after GC and broker settings unavailable)");
            return null;
        }
    }

    /** The gateway's recording goes to --jfr, the baseline's next to it with "-baseline" in the name. */
    private Path jfrFile(String system) {
        Path file = jfr.toAbsolutePath();
        if (system.equals("gateway")) {
            return file;
        }
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return file.resolveSibling(dot > 0 ? name.substring(0, dot) + "-" + system + name.substring(dot) : name + "-" + system);
    }

    private void startJfr(long pid, Path file) {
        try {
            Files.createDirectories(file.getParent());
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(pid), "JFR.start", "name=bench", "settings=profile",
                    "duration=" + Math.max(1, duration.toSeconds()) + "s", "filename=" + file)
                    .redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            p.waitFor();
            System.out.println("  JFR: " + output.trim().replace('\n', ' '));
        } catch (Exception e) {
            System.out.println("  JFR could not be started: " + e);
        }
    }

    private static Map<String, Object> cpu(Cpu a, Cpu b) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (a == null || b == null) {
            return m;
        }
        double wall = (b.nanos() - a.nanos()) / 1e9;
        m.put("jvmCores", round2((b.jvm() - a.jvm()) / wall));
        m.put("postgresCores", Double.isNaN(a.postgres()) ? Double.NaN : round2((b.postgres() - a.postgres()) / wall));
        m.put("benchCores", round2((b.bench() - a.bench()) / wall));
        double ticks = b.machine()[2] - a.machine()[2];
        int cpus = Runtime.getRuntime().availableProcessors();
        double busy = ticks == 0 ? Double.NaN : round2((b.machine()[0] - a.machine()[0]) / ticks * cpus);
        double iowait = ticks == 0 ? Double.NaN : round2((b.machine()[1] - a.machine()[1]) / ticks * cpus);
        m.put("machineBusyCores", busy);
        m.put("machineIowaitCores", iowait);
        m.put("machineBusyAndIowait", List.of(busy, iowait));
        m.put("jvmSystemCores", round2((b.jvmSystem() - a.jvmSystem()) / wall));
        // Everything else on the machine (other builds and tests share these cores): the run is only clean when ~0.
        double others = busy - m.values().stream().limit(3).filter(v -> v instanceof Double d && !d.isNaN())
                .mapToDouble(v -> (Double) v).sum();
        m.put("otherProcessesCores", round2(Math.max(0, others)));
        return m;
    }

    /** JDBC URL, user and password of the system's database. */
    private String[] pgConnection(Target target) {
        try {
            return target.jdbcUrl() != null ? new String[] {target.jdbcUrl(), jdbcUser, jdbcPassword}
                    : new String[] {Probes.embeddedJdbcUrl(target.postgresData()), "postgres", ""};
        } catch (Exception e) {
            return new String[] {"jdbc:postgresql://unknown/", "", ""};
        }
    }

    /** Database work over the window: per second and per message accepted / delivered in it. */
    private static Map<String, Object> activity(Map<String, Long> a, Map<String, Long> b, double seconds, long accepted,
                                                long delivered) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String k : b.keySet()) {
            if (!a.containsKey(k)) {
                continue;
            }
            long d = b.get(k) - a.get(k);
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("perSec", round1(d / seconds));
            v.put("perAccepted", accepted == 0 ? Double.NaN : round2((double) d / accepted));
            v.put("perDelivered", delivered == 0 ? Double.NaN : round2((double) d / delivered));
            m.put(k, v);
        }
        return m;
    }

    private Map<String, Object> postgresSettings(Target target) {
        try {
            String url = target.jdbcUrl() != null ? target.jdbcUrl() : Probes.embeddedJdbcUrl(target.postgresData());
            String user = target.jdbcUrl() != null ? jdbcUser : "postgres";
            String password = target.jdbcUrl() != null ? jdbcPassword : "";
            Map<String, Object> s = Probes.postgresSettings(url, user, password);
            s.put("where", target.jdbcUrl() != null ? "external " + redact(url) : "embedded (zonky), " + url);
            return s;
        } catch (Exception e) {
            return Map.of("error", e.toString());
        }
    }

    private void dropSchema(String schema) {
        if (jdbcUrl == null || keep) {
            return;
        }
        try (var c = java.sql.DriverManager.getConnection(jdbcUrl, jdbcUser, jdbcPassword); var s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (Exception e) {
            System.out.println("  could not drop schema " + schema + ": " + e.getMessage());
        }
    }

    // ------------------------------------------------------------------------------------------------ targets

    private Map<String, Object> targets(Map<String, Object> systems) {
        Map<String, Object> t = new LinkedHashMap<>();
        Object gateway = systems.get("gateway");
        if (gateway == null) {
            return t;
        }
        Object delivered = Report.get(gateway, "throughput.deliveredPerSec");
        // An open loop below capacity measures latency, not capacity: throughput targets say nothing then.
        String belowCapacity = rate != null && rate < 2000 ? " (open loop at " + rate + "/s: the gateway cannot deliver more "
                + "than is offered; capacity is measured by the closed loop)" : "";
        if (delivered instanceof Number d) {
            t.put(">= 2,000 klantprofielen/s end to end", String.format(Locale.ROOT, "%.0f/s -> %s%s", d.doubleValue(),
                    d.doubleValue() >= 2000 ? "MET" : "NOT MET (" + Math.round(d.doubleValue() / 20) + " % of target)",
                    belowCapacity));
        }
        Object base = systems.get("baseline");
        if (base != null && delivered instanceof Number d
                && Report.get(base, "throughput.deliveredPerSec") instanceof Number b && b.doubleValue() > 0) {
            double ratio = d.doubleValue() / b.doubleValue();
            boolean bothKeepUp = rate != null && b.doubleValue() >= 0.95 * rate && d.doubleValue() >= 0.95 * rate;
            t.put(">= 50 % of baseline (delivered/s)", String.format(Locale.ROOT, "%.0f %% -> %s", ratio * 100,
                    bothKeepUp ? "not meaningful: both keep up with the offered " + rate + "/s"
                            : ratio >= 0.5 ? "MET" : "NOT MET"));
        }
        Object p99 = Report.get(gateway, "acceptLatencyMs.p99");
        if (rate != null && rate >= 1000 && p99 instanceof Number p) {
            t.put("p99 accept <= 50 ms at 1,000 msg/s offered", String.format(Locale.ROOT, "%.1f ms at %d/s -> %s",
                    p.doubleValue(), rate, p.doubleValue() <= 50 ? "MET" : "NOT MET"));
        } else {
            t.put("p99 accept <= 50 ms at 1,000 msg/s offered", "not measured by this run (use --rate 1000)");
        }
        Object heapUsed = Report.get(gateway, "jvm.heapUsedMaxMb");
        Object live = Report.get(gateway, "jvm.heapLiveAfterGcMaxMb");
        t.put("heap <= 512 MB", String.format(Locale.ROOT, "-Xmx%s, max used %s MB, live after GC %s MB, after full GC %s MB -> %s",
                heap, heapUsed, live, Report.get(gateway, "jvm.heapAfterFullGcMb"),
                heapUsed instanceof Number h && h.doubleValue() <= 512 ? "MET" : "check"));
        return t;
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static String withSchema(String url, String schema) {
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    private static List<String> redactCommand(List<String> command) {
        return command.stream().map(a -> a.startsWith("--spring.datasource.password=") ? "--spring.datasource.password=***" : a)
                .toList();
    }

    private static double round1(double d) {
        return Math.round(d * 10) / 10.0;
    }

    private static double round2(double d) {
        return Math.round(d * 100) / 100.0;
    }
}
