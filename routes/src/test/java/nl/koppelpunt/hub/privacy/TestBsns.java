package nl.koppelpunt.hub.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import nl.koppelpunt.schemas.Bsn;

/**
 * The BSNs the tests send: the three agreed test BSNs, and every other 9-digit number passing the 11-proef in the
 * routes module's test sources and resources or in the schemas module (its example messages), so a test that starts
 * using another BSN is covered without anyone updating a list.
 */
public final class TestBsns {

    /** The project's test BSNs, used throughout the tests and the schemas' examples. */
    public static final List<String> KNOWN = List.of("123456782", "111222333", "999996708");

    private static final Pattern NINE_DIGITS = Pattern.compile("(?<![0-9])[0-9]{9}(?![0-9])");
    private static final Set<String> TEXT_FILES = Set.of("java", "json", "yaml", "yml", "xml", "xsd", "wsdl",
            "properties", "txt", "csv");

    private TestBsns() {
    }

    /** {@link #KNOWN}, then the others found in the sources around {@code routesDir}, in a stable order. */
    public static List<String> collect(Path routesDir) {
        Set<String> found = new TreeSet<>();
        for (Path dir : List.of(routesDir.resolve("src/test"), routesDir.resolve("../schemas/src"))) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                files.filter(Files::isRegularFile).filter(TestBsns::isText).forEach(p -> found.addAll(in(p)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Set<String> all = new LinkedHashSet<>(KNOWN);
        all.addAll(found);
        return List.copyOf(all);
    }

    /** The valid BSNs (9 digits, not part of a longer number, passing the 11-proef) in one file. */
    static Set<String> in(Path file) {
        Set<String> bsns = new LinkedHashSet<>();
        try {
            Matcher m = NINE_DIGITS.matcher(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            while (m.find()) {
                if (Bsn.isValid(m.group())) {
                    bsns.add(m.group());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bsns;
    }

    private static boolean isText(Path p) {
        String name = p.getFileName().toString();
        return TEXT_FILES.contains(name.substring(name.lastIndexOf('.') + 1));
    }
}
