package nl.koppelpunt.schemas;

import com.networknt.schema.ExecutionContext;
import com.networknt.schema.Format;

/**
 * The JSON Schema format {@code "bsn"}: the 11-proef of {@link Bsn}.
 *
 * <p>The format only judges strings that already have the shape of a BSN (9 digits). The shape
 * itself is the job of the {@code pattern} next to it in {@code common.schema.json}; leaving it
 * there means a sender with a wrong-length number gets one clear violation instead of two.
 */
final class BsnFormat implements Format {

    /** The name used as {@code "format": "bsn"} in the schemas. */
    static final String NAME = "bsn";

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean matches(ExecutionContext executionContext, String value) {
        return !Bsn.hasNineDigits(value) || Bsn.isValid(value);
    }
}
