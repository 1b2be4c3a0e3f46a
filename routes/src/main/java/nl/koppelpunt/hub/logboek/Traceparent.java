package nl.koppelpunt.hub.logboek;

import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * W3C Trace Context {@code traceparent} (version 00): {@code 00-<trace-id>-<parent-id>-<flags>}. An absent or
 * invalid header starts a new trace, as the recommendation prescribes; ids are random (they identify, they protect
 * nothing).
 */
public record Traceparent(String traceId, String spanId, String flags) {

    private static final Pattern FORMAAT = Pattern.compile("^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$");
    private static final String NUL_TRACE = "0".repeat(32);
    private static final String NUL_SPAN = "0".repeat(16);

    public static Optional<Traceparent> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        var m = FORMAAT.matcher(header.trim());
        if (!m.matches() || m.group(1).equals(NUL_TRACE) || m.group(2).equals(NUL_SPAN)) {
            return Optional.empty();
        }
        return Optional.of(new Traceparent(m.group(1), m.group(2), m.group(3)));
    }

    public static Traceparent nieuw() {
        return new Traceparent(hex(16), nieuweSpanId(), "01");
    }

    /** A child of this span: same trace, a new span id. */
    public Traceparent kind() {
        return new Traceparent(traceId, nieuweSpanId(), flags);
    }

    public static String nieuweSpanId() {
        return hex(8);
    }

    public String header() {
        return "00-" + traceId + "-" + spanId + "-" + flags;
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        do {
            ThreadLocalRandom.current().nextBytes(b);
        } while (allZero(b));
        return HexFormat.of().formatHex(b);
    }

    private static boolean allZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }
}
