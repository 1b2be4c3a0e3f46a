package nl.koppelpunt.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.ValidationMessage;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Turns a networknt {@link ValidationMessage} into a {@link Violation} for the sender.
 *
 * <p>Pointers: networknt reports a missing required property and an unknown property at the
 * enclosing object; we append the property name, so {@code /profielversie} rather than
 * {@code ""}. The sender then sees exactly which field to add or remove.
 *
 * <p>Reasons are written here instead of taken from networknt, because its generic format
 * message can carry the offending value, and values may be personal data (a BSN). Every reason
 * ends with the JSON Schema keyword in brackets, e.g. {@code (enum)}, so that clients can
 * recognise the kind of error without parsing prose.
 */
final class ViolationMapper {

    /** Keywords whose message names a property of the object at the instance location. */
    private static final Set<String> PROPERTY_KEYWORDS =
            Set.of("required", "additionalProperties", "unevaluatedProperties", "dependentRequired");

    /** Values shorter than this are not scrubbed from reasons: "1" or "Ja" occur in normal text. */
    private static final int MIN_SCRUB_LENGTH = 3;

    Violation toViolation(ValidationMessage message) {
        String keyword = String.valueOf(message.getType());
        String reason = scrubValue(reason(keyword, message), keyword, message.getInstanceNode());
        return new Violation(pointer(keyword, message), reason);
    }

    private static String pointer(String keyword, ValidationMessage message) {
        StringBuilder pointer = new StringBuilder();
        JsonNodePath location = message.getInstanceLocation();
        for (int i = 0; i < location.getNameCount(); i++) {
            pointer.append('/').append(escape(location.getName(i)));
        }
        if (PROPERTY_KEYWORDS.contains(keyword) && message.getProperty() != null) {
            pointer.append('/').append(escape(message.getProperty()));
        }
        return pointer.toString();
    }

    /** RFC 6901: '~' becomes "~0" and '/' becomes "~1", in that order. */
    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static String reason(String keyword, ValidationMessage message) {
        JsonNode schemaValue = message.getSchemaNode();
        String property = message.getProperty();
        switch (keyword) {
            case "required":
                return "required property '" + property + "' is missing (required)";
            case "additionalProperties":
            case "unevaluatedProperties":
                return "unknown property '" + property + "' is not allowed by the contract (" + keyword + ")";
            case "enum":
                return "value is not one of the allowed values " + listOf(schemaValue) + " (enum)";
            case "const":
                return "value must be " + schemaValue + " (const)";
            case "type":
                return "expected type " + typeOf(schemaValue) + " but found " + jsonType(message.getInstanceNode())
                        + " (type)";
            case "pattern":
                return "value does not match the pattern " + schemaValue.asText() + " (pattern)";
            case "format":
                return FormatReasons.reason(schemaValue.asText());
            default:
                return withoutLocation(message) + " (" + keyword + ")";
        }
    }

    private static String listOf(JsonNode values) {
        return StreamSupport.stream(values.spliterator(), false)
                .map(v -> v.isTextual() ? v.textValue() : v.toString())
                .collect(Collectors.joining(", "));
    }

    private static String typeOf(JsonNode schemaType) {
        return schemaType.isArray() ? listOf(schemaType) : schemaType.asText();
    }

    /** The JSON Schema name of the instance's type; a type name, never the value. */
    private static String jsonType(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "null";
        }
        if (node.isIntegralNumber()) {
            return "integer";
        }
        return node.isNumber() ? "number" : node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    /** networknt messages start with "<location>: "; the pointer already says that. */
    private static String withoutLocation(ValidationMessage message) {
        String text = message.getMessage();
        String prefix = message.getInstanceLocation() + ": ";
        return text.startsWith(prefix) ? text.substring(prefix.length()) : text;
    }

    /**
     * Last line of defence for privacy: if a reason somehow quotes the offending value, replace it
     * by a neutral sentence. Only checked for scalar values; objects are never quoted.
     */
    private static String scrubValue(String reason, String keyword, JsonNode instance) {
        if (instance == null || !instance.isValueNode()) {
            return reason;
        }
        String value = instance.asText();
        if (value.length() >= MIN_SCRUB_LENGTH && reason.contains(value)) {
            return "value violates the '" + keyword + "' rule of the contract (" + keyword + ")";
        }
        return reason;
    }
}
