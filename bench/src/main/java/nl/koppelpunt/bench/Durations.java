package nl.koppelpunt.bench;

import java.time.Duration;
import java.util.Locale;

import picocli.CommandLine.ITypeConverter;

/** "60s", "2m", "500ms", "1h" or an ISO-8601 duration ("PT60S"). */
public final class Durations implements ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    public static Duration parse(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.startsWith("pt") || v.startsWith("p")) {
            return Duration.parse(value.trim().toUpperCase(Locale.ROOT));
        }
        if (v.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
        }
        long n = Long.parseLong(v.replaceAll("[a-z]+$", ""));
        if (v.endsWith("h")) {
            return Duration.ofHours(n);
        }
        if (v.endsWith("m")) {
            return Duration.ofMinutes(n);
        }
        return Duration.ofSeconds(n);
    }

    public static String format(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }
}
