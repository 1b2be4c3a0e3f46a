package nl.koppelpunt.schemas;

import java.util.Comparator;
import java.util.Objects;

/**
 * One way in which a message breaks its contract.
 *
 * @param pointer RFC 6901 JSON pointer of the offending value ({@code ""} for the whole
 *     message); for a missing required property it is the path the property should have had,
 *     e.g. {@code "/profielversie"}
 * @param reason a sentence for the sender; never contains the offending value, because values
 *     may be personal data such as a BSN
 */
public record Violation(String pointer, String reason) implements Comparable<Violation> {

    private static final Comparator<Violation> ORDER =
            Comparator.comparing(Violation::pointer).thenComparing(Violation::reason);

    public Violation {
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(reason, "reason");
    }

    /** Orders by pointer, then reason, so that reports are deterministic. */
    @Override
    public int compareTo(Violation other) {
        return ORDER.compare(this, other);
    }
}
