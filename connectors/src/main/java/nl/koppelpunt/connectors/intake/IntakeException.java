package nl.koppelpunt.connectors.intake;

import java.util.List;

import nl.koppelpunt.schemas.Violation;

/**
 * A refused message. The detail and the violations never contain message content: values can be personal data.
 */
public class IntakeException extends RuntimeException {

    private final Probleem probleem;
    private final transient List<Violation> violations;

    public IntakeException(Probleem probleem, String detail) {
        this(probleem, detail, List.of(), null);
    }

    public IntakeException(Probleem probleem, String detail, List<Violation> violations) {
        this(probleem, detail, violations, null);
    }

    public IntakeException(Probleem probleem, String detail, List<Violation> violations, Throwable cause) {
        super(detail, cause);
        this.probleem = probleem;
        this.violations = List.copyOf(violations);
    }

    public Probleem probleem() {
        return probleem;
    }

    public List<Violation> violations() {
        return violations;
    }
}
