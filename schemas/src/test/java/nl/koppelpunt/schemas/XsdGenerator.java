package nl.koppelpunt.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Derives the XSD of the SOAP encoding from the JSON Schemas, so that the committed
 * {@code soap/koppelpunt-v1.xsd} can be checked to be in step with them.
 *
 * <p>Mapping: object → sequence in property order (absent from {@code required} → minOccurs 0);
 * array → the element repeated up to maxItems; string → pattern (JSON anchors dropped, XSD
 * patterns are anchored), length and enumeration facets; format date / date-time →
 * xs:date / xs:dateTime restricted to the RFC 3339 form; integer → xs:integer and number → xs:decimal, with bounds. Rules XSD
 * cannot state (the BSN 11-proef, uniqueItems, e-mail syntax) stay with the JSON Schema, which the
 * gateway applies to every message whatever its encoding.
 */
final class XsdGenerator {

    private final ObjectMapper json = new ObjectMapper();
    private final StringBuilder out = new StringBuilder();

    static String generate() {
        return new XsdGenerator().run();
    }

    private JsonNode file(String name) {
        try {
            return json.readTree(ClasspathResources.read(ContractCatalog.RESOURCE_BASE + name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String run() {
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<!-- GENERATED from the JSON Schemas by XsdGenerator (schemas tests); do not edit by hand.\n");
        out.append("     XmlContractTest fails when this file and the JSON Schemas drift apart. -->\n");
        out.append("<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" xmlns:kp=\"").append(XmlEncoding.NAMESPACE)
                .append("\"\n           targetNamespace=\"").append(XmlEncoding.NAMESPACE)
                .append("\" elementFormDefault=\"qualified\">\n");
        for (Berichttype type : Berichttype.values()) {
            JsonNode root = file(type.schemaFile());
            out.append("\n  <xs:element name=\"").append(type.code()).append("\">\n");
            annotation(root, "    ");
            complexType(type.schemaFile(), root, "    ");
            out.append("  </xs:element>\n");
        }
        out.append("\n  <xs:element name=\"ontvangstbevestiging\">\n");
        out.append("    <xs:annotation><xs:documentation>Antwoord op elke intake-operatie: het berichtId dat Koppelpunt toekende en de status van het bericht.</xs:documentation></xs:annotation>\n");
        out.append("    <xs:complexType>\n      <xs:sequence>\n");
        out.append("        <xs:element name=\"berichtId\" type=\"xs:string\"/>\n");
        out.append("        <xs:element name=\"status\" type=\"xs:string\"/>\n");
        out.append("      </xs:sequence>\n    </xs:complexType>\n  </xs:element>\n");
        JsonNode defs = file(ContractCatalog.COMMON_FILE).path("$defs");
        Iterator<Map.Entry<String, JsonNode>> it = defs.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> def = it.next();
            out.append("\n  <xs:simpleType name=\"").append(def.getKey()).append("\">\n");
            annotation(def.getValue(), "    ");
            restriction(def.getValue(), "    ");
            out.append("  </xs:simpleType>\n");
        }
        out.append("</xs:schema>\n");
        return out.toString();
    }

    private void complexType(String file, JsonNode schema, String indent) {
        out.append(indent).append("<xs:complexType>\n");
        out.append(indent).append("  <xs:sequence>\n");
        Iterator<Map.Entry<String, JsonNode>> fields = schema.path("properties").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> property = fields.next();
            boolean required = false;
            for (JsonNode name : schema.path("required")) {
                required |= name.asText().equals(property.getKey());
            }
            element(file, property.getKey(), property.getValue(), required, indent + "    ");
        }
        out.append(indent).append("  </xs:sequence>\n");
        out.append(indent).append("</xs:complexType>\n");
    }

    private void element(String file, String name, JsonNode property, boolean required, String indent) {
        JsonNode schema = property;
        String occurs = required ? "" : " minOccurs=\"0\"";
        if ("array".equals(resolveLocal(file, schema).path("type").asText())) {
            JsonNode array = resolveLocal(file, schema);
            occurs = " minOccurs=\"" + array.path("minItems").asInt(0) + "\" maxOccurs=\""
                    + (array.has("maxItems") ? array.get("maxItems").asText() : "unbounded") + "\"";
            schema = array.path("items");
        }
        String ref = schema.path("$ref").asText("");
        if (ref.startsWith(ContractCatalog.COMMON_FILE + "#/$defs/")) {
            out.append(indent).append("<xs:element name=\"").append(name).append("\" type=\"kp:")
                    .append(ref.substring(ref.lastIndexOf('/') + 1)).append('"').append(occurs).append(">\n");
            annotation(property, indent + "  ");
            out.append(indent).append("</xs:element>\n");
            return;
        }
        JsonNode resolved = resolveLocal(file, schema);
        out.append(indent).append("<xs:element name=\"").append(name).append('"').append(occurs).append(">\n");
        annotation(property.has("description") ? property : resolved, indent + "  ");
        if ("object".equals(resolved.path("type").asText())) {
            complexType(file, resolved, indent + "  ");
        } else {
            out.append(indent).append("  <xs:simpleType>\n");
            restriction(resolved, indent + "    ");
            out.append(indent).append("  </xs:simpleType>\n");
        }
        out.append(indent).append("</xs:element>\n");
    }

    private JsonNode resolveLocal(String file, JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        if (ref.startsWith("#")) {
            return file(file).at(ref.substring(1));
        }
        return schema;
    }

    private void restriction(JsonNode schema, String indent) {
        String type = schema.path("type").asText();
        String format = schema.path("format").asText("");
        String base;
        String pattern = schema.has("pattern") ? unanchor(schema.get("pattern").asText()) : null;
        if ("integer".equals(type)) {
            base = "xs:integer";
        } else if ("number".equals(type)) {
            base = "xs:decimal";
        } else if ("date".equals(format)) {
            base = "xs:date";
            pattern = "[0-9]{4}-[0-9]{2}-[0-9]{2}";
        } else if ("date-time".equals(format)) {
            base = "xs:dateTime";
            pattern = "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+\\-][0-9]{2}:[0-9]{2})";
        } else {
            base = "xs:string";
        }
        out.append(indent).append("<xs:restriction base=\"").append(base).append("\">\n");
        facet(indent, "minInclusive", schema.get("minimum"));
        facet(indent, "maxInclusive", schema.get("maximum"));
        facet(indent, "minLength", schema.get("minLength"));
        facet(indent, "maxLength", schema.get("maxLength"));
        if (pattern != null) {
            out.append(indent).append("  <xs:pattern value=\"").append(escape(pattern)).append("\"/>\n");
        }
        for (JsonNode value : schema.path("enum")) {
            out.append(indent).append("  <xs:enumeration value=\"").append(escape(value.asText())).append("\"/>\n");
        }
        out.append(indent).append("</xs:restriction>\n");
    }

    private void facet(String indent, String name, JsonNode value) {
        if (value != null) {
            out.append(indent).append("  <xs:").append(name).append(" value=\"").append(value.asText()).append("\"/>\n");
        }
    }

    private void annotation(JsonNode schema, String indent) {
        if (schema.has("description")) {
            out.append(indent).append("<xs:annotation><xs:documentation>")
                    .append(escape(schema.get("description").asText())).append("</xs:documentation></xs:annotation>\n");
        }
    }

    private static String unanchor(String pattern) {
        String p = pattern.startsWith("^") ? pattern.substring(1) : pattern;
        return p.endsWith("$") ? p.substring(0, p.length() - 1) : p;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
