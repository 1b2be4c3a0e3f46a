package nl.koppelpunt.hub.privacy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Everything the routes module's test run wrote down, and a search of it for BSNs:
 * <ul>
 * <li>{@code target/test-logs/*.log}: every log event of every enabled level, one file per JVM (the test JVM and each
 * gateway a test forks), see {@code logback-test.xml};</li>
 * <li>{@code target/surefire-reports/}: the console of each test class ({@code *-output.txt}), the reports and any
 * JVM dump;</li>
 * <li>{@code target/*.log}: logs a test writes itself, such as the console of a forked gateway.</li>
 * </ul>
 */
public final class CapturedLogs {

    /** One finding: file, line (1-based), the line where its log event starts, and the logger when known. */
    public record Hit(Path file, int line, int eventLine, String logger, BsnScanner.Finding finding, String excerpt) {

        /** Safe to print: the BSN is masked, the excerpt has it replaced. */
        public String describe(Path base) {
            return String.format("%s:%d: test BSN #%d (%s) as %s%s%n    %s", base.relativize(file), line,
                    finding.bsnIndex() + 1, finding.maskedBsn(), finding.form(),
                    logger == null ? "" : " — log event of " + logger + " starting at line " + eventLine, excerpt);
        }
    }

    /** Spring Boot's log line: time, level, pid, ---, [app], [thread], logger, ':'. */
    private static final Pattern EVENT_START = Pattern.compile(
            "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\S*\\s+(TRACE|DEBUG|INFO|WARN|ERROR)\\s.*?\\]\\s+(\\S+)\\s+:\\s");

    private final Path target;

    public CapturedLogs(Path target) {
        this.target = target;
    }

    public Path testLogs() {
        return target.resolve("test-logs");
    }

    public Path surefireReports() {
        return target.resolve("surefire-reports");
    }

    /** The files to search, in a stable order. */
    public List<Path> files() {
        List<Path> files = new ArrayList<>();
        files.addAll(list(testLogs(), 10));
        files.addAll(list(surefireReports(), 10));
        files.addAll(list(target, 1).stream().filter(p -> p.getFileName().toString().endsWith(".log")).toList());
        return files;
    }

    /** Every finding in every file. */
    public List<Hit> search(BsnScanner scanner) {
        List<Hit> hits = new ArrayList<>();
        for (Path file : files()) {
            hits.addAll(search(scanner, file));
        }
        return hits;
    }

    static List<Hit> search(BsnScanner scanner, Path file) {
        List<Hit> hits = new ArrayList<>();
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder))) {
            int number = 0;
            int eventLine = 0;
            String logger = null;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                number++;
                Matcher event = EVENT_START.matcher(line);
                if (event.lookingAt()) {
                    eventLine = number;
                    logger = event.group(2);
                }
                List<BsnScanner.Finding> findings = scanner.scan(line);
                for (BsnScanner.Finding f : findings) {
                    hits.add(new Hit(file, number, eventLine, logger, f, BsnScanner.maskedExcerpt(line, findings, 200)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return hits;
    }

    private static List<Path> list(Path dir, int depth) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir, depth)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
