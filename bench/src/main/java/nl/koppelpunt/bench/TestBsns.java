package nl.koppelpunt.bench;

import java.util.ArrayList;
import java.util.List;

import nl.koppelpunt.schemas.Bsn;

/**
 * Synthetic persons for the load test. Only numbers from the range kept for testing are used: 9 digits starting with
 * {@code 99999} that pass the 11-proef ({@link Bsn#isValid}) — 909 of them. They are personal-data-shaped, so the
 * harness never prints or logs them; the gateway only ever sees them in message bodies.
 */
public final class TestBsns {

    public static final String PREFIX = "99999";

    private TestBsns() {
    }

    /** The first {@code count} valid test BSNs, in ascending order. */
    public static List<String> first(int count) {
        List<String> all = all();
        if (count > all.size()) {
            throw new IllegalArgumentException("--persons " + count + " is more than the " + all.size()
                    + " valid test BSNs in the " + PREFIX + "xxxx range; use at most " + all.size());
        }
        return List.copyOf(all.subList(0, count));
    }

    public static List<String> all() {
        List<String> uit = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            String candidate = PREFIX + String.format("%04d", i);
            if (Bsn.isValid(candidate)) {
                uit.add(candidate);
            }
        }
        return uit;
    }
}
