package nl.koppelpunt.hub.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * No BSN in any log (issue 5, item 3). Runs after all tests of the routes module (maven-failsafe-plugin, phase
 * integration-test) and searches everything they logged — every event at every enabled level, DEBUG included for the
 * hub, Camel, JMS and the HTTP client ({@code logback-test.xml}), the tests' consoles, the logs of forked gateways —
 * for the test BSNs in any form ({@link BsnScanner}). A failure names file, line, logger and form, and masks the BSN.
 *
 * <p>It first makes sure there is something to search: the end-to-end suites ran in this build and their logs, at
 * DEBUG, are in the captured files. A broken capture fails here rather than passing on an empty file.
 */
class GeenBsnInLogsIT {

    private static final Path ROUTES = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    private static final CapturedLogs LOGS = new CapturedLogs(ROUTES.resolve("target"));
    private static final Path E2E_SOURCES = ROUTES.resolve("src/test/java/nl/koppelpunt/hub/e2e");
    private static final Pattern TESTS_RUN = Pattern.compile("<testsuite\\b[^>]*\\btests=\"(\\d+)\"");
    /** A delivery consumer (route bezorging-...) logging at DEBUG: the gateway's outbound path was captured. */
    private static final String DELIVERY_THREAD = "JmsConsumer[koppelpunt.bezorging.";
    private static final long MIN_CAPTURED_BYTES = 100_000;
    private static final int MAX_REPORTED = 40;

    @Test
    void theCapturedLogsHoldTheEndToEndSuitesAtDebugLevel() {
        List<String> suites = endToEndSuites();
        assertThat(suites).as("end-to-end suites (*E2eTest) in %s", E2E_SOURCES).isNotEmpty();
        for (String suite : suites) {
            Path report = LOGS.surefireReports().resolve("TEST-nl.koppelpunt.hub.e2e." + suite + ".xml");
            assertThat(report).as("%s ran in this build: this check needs the whole module's tests (mvn verify)", suite)
                    .exists();
            assertThat(testsRun(report)).as("tests run by %s", suite).isPositive();
        }

        List<Path> logs = logFiles();
        assertThat(logs).as("captured log files in %s (see logback-test.xml)", LOGS.testLogs()).isNotEmpty();
        assertThat(logs.stream().mapToLong(GeenBsnInLogsIT::size).sum()).as("bytes captured").isGreaterThan(MIN_CAPTURED_BYTES);

        Map<String, Predicate<String>> markers = new LinkedHashMap<>();
        for (String suite : suites.stream().filter(GeenBsnInLogsIT::doorCitrusGedraaid).toList()) {
            // Citrus' LoggingReporter, INFO, once per passed test: the suite ran with this capture in place.
            markers.put("Citrus: TEST SUCCESS " + suite + ".*", line -> line.contains("TEST SUCCESS " + suite + "."));
        }
        markers.put("DEBUG of a delivery consumer's webhook call (" + DELIVERY_THREAD + "..., Executing http POST)",
                line -> line.contains(" DEBUG ") && line.contains(DELIVERY_THREAD) && line.contains("Executing http POST"));
        Set<String> missing = new LinkedHashSet<>(markers.keySet());
        for (Path log : logs) {
            lines(log, line -> missing.removeIf(marker -> markers.get(marker).test(line)));
        }
        assertThat(missing).as("lines the captured logs must hold, not found in %s", LOGS.testLogs()).isEmpty();
    }

    @Test
    void noTestBsnInAnyCapturedLog() {
        List<String> bsns = TestBsns.collect(ROUTES);
        List<Path> files = LOGS.files();
        long bytes = files.stream().mapToLong(GeenBsnInLogsIT::size).sum();

        List<CapturedLogs.Hit> hits = LOGS.search(new BsnScanner(bsns));

        System.out.printf("Searched %d files (%,d bytes) for %d test BSNs (%s): %d finding(s)%n", files.size(), bytes,
                bsns.size(), String.join(", ", bsns.stream().map(BsnScanner::mask).toList()), hits.size());
        if (!hits.isEmpty()) {
            fail(report(hits));
        }
    }

    private static String report(List<CapturedLogs.Hit> hits) {
        Path target = ROUTES.resolve("target");
        Map<String, Integer> perLogger = new TreeMap<>();
        for (CapturedLogs.Hit hit : hits) {
            perLogger.merge(hit.file().getFileName() + " " + (hit.logger() == null ? "(no log event)" : hit.logger()), 1,
                    Integer::sum);
        }
        StringBuilder out = new StringBuilder();
        out.append(hits.size()).append(" test BSN(s) found in the logs of the test run (under ").append(target)
                .append("). Per file and logger:\n");
        perLogger.forEach((where, n) -> out.append("  ").append(n).append("× ").append(where).append('\n'));
        out.append("First ").append(Math.min(MAX_REPORTED, hits.size())).append(":\n");
        hits.stream().limit(MAX_REPORTED).forEach(hit -> out.append(hit.describe(target)).append('\n'));
        return out.toString();
    }

    /** The concrete *E2eTest classes (not their base class E2eTest). */
    private static List<String> endToEndSuites() {
        try (Stream<Path> files = Files.list(E2E_SOURCES)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith("E2eTest.java") && !n.equals("E2eTest.java"))
                    .map(n -> n.substring(0, n.length() - ".java".length())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether Citrus' JUnit runner runs the suite (it extends {@code E2eTest}, which carries {@code @CitrusSupport}):
     * only then does Citrus report each test. A suite that drives Citrus endpoints itself (KanalenE2eTest) is checked
     * by its surefire report alone.
     */
    private static boolean doorCitrusGedraaid(String suite) {
        try {
            String bron = Files.readString(E2E_SOURCES.resolve(suite + ".java"), StandardCharsets.UTF_8);
            return bron.contains("extends E2eTest") || bron.contains("@CitrusSupport");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int testsRun(Path report) {
        try (BufferedReader in = Files.newBufferedReader(report, StandardCharsets.UTF_8)) {
            char[] head = new char[4096];
            int n = in.read(head);
            Matcher m = TESTS_RUN.matcher(new String(head, 0, Math.max(n, 0)));
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> logFiles() {
        List<Path> logs = new ArrayList<>();
        for (Path file : LOGS.files()) {
            if (file.startsWith(LOGS.testLogs())) {
                logs.add(file);
            }
        }
        return logs;
    }

    private static void lines(Path file, Consumer<String> each) {
        try (Stream<String> lines = Files.lines(file, StandardCharsets.ISO_8859_1)) {
            lines.forEach(each);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
