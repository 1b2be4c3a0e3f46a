package nl.koppelpunt.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Checks messages against the contracts of their {@link Berichttype}.
 *
 * <p>Thread-safe and cheap per call: the schemas are compiled once by {@link ContractCatalog}
 * and networknt's compiled {@link JsonSchema} can be shared between threads. Get an instance
 * from {@link ContractCatalog#validator()}.
 */
public final class ContractValidator {

    private final Map<Berichttype, JsonSchema> schemas;
    private final ViolationMapper mapper = new ViolationMapper();

    ContractValidator(Map<Berichttype, JsonSchema> schemas) {
        EnumMap<Berichttype, JsonSchema> copy = new EnumMap<>(Berichttype.class);
        copy.putAll(schemas);
        for (Berichttype type : Berichttype.values()) {
            if (!copy.containsKey(type)) {
                throw new IllegalArgumentException("No compiled schema for " + type.code());
            }
        }
        this.schemas = copy;
    }

    /**
     * All the ways in which the message breaks its contract.
     *
     * @param type the message type; decides the schema
     * @param message the parsed message; {@code null} or a missing node is reported as a violation
     * @return the violations sorted by pointer then reason, without duplicates; empty when valid
     */
    public List<Violation> validate(Berichttype type, JsonNode message) {
        Objects.requireNonNull(type, "type");
        if (message == null || message.isMissingNode()) {
            return List.of(new Violation("", "the message is empty; expected a JSON object (type)"));
        }
        return schemas.get(type).validate(message).stream()
                .map(mapper::toViolation)
                .distinct()
                .sorted()
                .toList();
    }

    /** Whether the message keeps its contract; same rules as {@link #validate}. */
    public boolean isValid(Berichttype type, JsonNode message) {
        return validate(type, message).isEmpty();
    }
}
