package nl.koppelpunt.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The XML encoding of the v1 contracts (used by the SOAP channel): one contract, two encodings.
 *
 * <p>The mapping is generic and driven by the JSON Schema, so there is no second set of rules to
 * keep in step: a JSON property becomes an element of the same name in {@link #NAMESPACE}, in the
 * order the schema lists the properties (the XSD uses {@code xs:sequence} in that order); an array
 * becomes the same element repeated; integers, numbers and strings become text. The way back uses the
 * schema to know which elements are arrays and which are integers.
 *
 * <p>Unknown elements are not dropped on the way back: they are carried into the JSON so that the
 * JSON Schema ({@code additionalProperties: false}) rejects them with a pointer that
 * {@link #xmlPath} turns back into an element path.
 */
public final class XmlEncoding {

    /** Target namespace of the XSD and of every element of a message. */
    public static final String NAMESPACE = "https://koppelpunt.nl/contracten/v1/soap";

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, JsonNode> files = new HashMap<>();

    /** An encoding that reads the published schemas from the classpath. */
    public XmlEncoding() {
        for (Berichttype type : Berichttype.values()) {
            load(type.schemaFile());
        }
        load(ContractCatalog.COMMON_FILE);
    }

    private void load(String file) {
        try {
            files.put(file, json.readTree(ClasspathResources.read(ContractCatalog.RESOURCE_BASE + file)));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Contract schema is not JSON: " + file, e);
        }
    }

    /**
     * The XML form of a JSON message.
     *
     * @return a new document whose root element is the type's code in {@link #NAMESPACE}
     */
    public Document toXml(Berichttype type, JsonNode message) {
        Document document = newDocument();
        Element root = document.createElementNS(NAMESPACE, type.code());
        document.appendChild(root);
        Located schema = resolve(new Located(type.schemaFile(), files.get(type.schemaFile())));
        writeObject(document, root, schema, message);
        return document;
    }

    /**
     * The JSON form of an XML message (the element, not a whole SOAP envelope).
     *
     * @param element the message element, e.g. {@code <klantprofiel>}
     */
    public ObjectNode toJson(Berichttype type, Element element) {
        Located schema = resolve(new Located(type.schemaFile(), files.get(type.schemaFile())));
        return readObject(element, schema);
    }

    /**
     * The element path of a JSON pointer, for error messages to SOAP clients, e.g.
     * {@code /familiegegevens/gezinsleden/1/voornaam} becomes
     * {@code klantprofiel/familiegegevens/gezinsleden[2]/voornaam} (XPath counts from 1).
     */
    public static String xmlPath(Berichttype type, String pointer) {
        StringBuilder path = new StringBuilder(type.code());
        if (pointer == null || pointer.isEmpty() || "/".equals(pointer)) {
            return path.toString();
        }
        for (String raw : pointer.substring(1).split("/", -1)) {
            String segment = raw.replace("~1", "/").replace("~0", "~");
            if (!segment.isEmpty() && segment.chars().allMatch(Character::isDigit)) {
                path.append('[').append(Integer.parseInt(segment) + 1).append(']');
            } else {
                path.append('/').append(segment);
            }
        }
        return path.toString();
    }

    private void writeObject(Document document, Element parent, Located schema, JsonNode value) {
        JsonNode properties = schema.node.path("properties");
        // Schema order, not the order of the JSON: the XSD's xs:sequence demands it.
        Iterator<Map.Entry<String, JsonNode>> fields = properties.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> property = fields.next();
            JsonNode item = value.get(property.getKey());
            if (item == null || item.isNull()) {
                continue;
            }
            Located propertySchema = resolve(schema.at(property.getValue()));
            if (item.isArray()) {
                Located itemSchema = resolve(propertySchema.at(propertySchema.node.path("items")));
                for (JsonNode element : item) {
                    parent.appendChild(writeValue(document, property.getKey(), itemSchema, element));
                }
            } else {
                parent.appendChild(writeValue(document, property.getKey(), propertySchema, item));
            }
        }
    }

    private Element writeValue(Document document, String name, Located schema, JsonNode value) {
        Element element = document.createElementNS(NAMESPACE, name);
        if (value.isObject()) {
            writeObject(document, element, schema, value);
        } else {
            element.setTextContent(value.asText());
        }
        return element;
    }

    private ObjectNode readObject(Element element, Located schema) {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        JsonNode properties = schema.node.path("properties");
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() != Node.ELEMENT_NODE) {
                continue;
            }
            Element childElement = (Element) child;
            String name = childElement.getLocalName() != null ? childElement.getLocalName() : childElement.getNodeName();
            JsonNode propertyNode = properties.get(name);
            if (propertyNode == null) {
                // Carried over so the JSON Schema names it as an unknown property.
                object.put(name, childElement.getTextContent());
                continue;
            }
            Located propertySchema = resolve(schema.at(propertyNode));
            if ("array".equals(propertySchema.node.path("type").asText())) {
                Located itemSchema = resolve(propertySchema.at(propertySchema.node.path("items")));
                JsonNode existing = object.get(name);
                ArrayNode array = existing instanceof ArrayNode ? (ArrayNode) existing : object.putArray(name);
                array.add(readValue(childElement, itemSchema));
            } else {
                object.set(name, readValue(childElement, propertySchema));
            }
        }
        // An empty array has no elements in XML; a required one is there all the same (e.g. "rijen": []).
        for (JsonNode required : schema.node.path("required")) {
            String name = required.asText();
            if (!object.has(name) && properties.has(name)
                    && "array".equals(resolve(schema.at(properties.get(name))).node.path("type").asText())) {
                object.putArray(name);
            }
        }
        return object;
    }

    private JsonNode readValue(Element element, Located schema) {
        String type = schema.node.path("type").asText();
        if ("object".equals(type)) {
            return readObject(element, schema);
        }
        String text = element.getTextContent();
        if ("integer".equals(type)) {
            try {
                BigInteger number = new BigInteger(text.trim());
                // The smallest node that holds it, as Jackson itself would read the same JSON.
                return number.bitLength() < 32 ? JsonNodeFactory.instance.numberNode(number.intValue())
                        : number.bitLength() < 64 ? JsonNodeFactory.instance.numberNode(number.longValue())
                        : JsonNodeFactory.instance.numberNode(number);
            } catch (NumberFormatException e) {
                // Left as text: the JSON Schema then reports "integer expected" at this element.
                return JsonNodeFactory.instance.textNode(text);
            }
        }
        if ("number".equals(type)) {
            try {
                // A double, as Jackson itself reads a JSON number with a fraction (the percentages are one decimal).
                return JsonNodeFactory.instance.numberNode(Double.parseDouble(text.trim()));
            } catch (NumberFormatException e) {
                return JsonNodeFactory.instance.textNode(text);
            }
        }
        return JsonNodeFactory.instance.textNode(text);
    }

    /** Follows {@code $ref}s (within a file or to common.schema.json) until a real schema. */
    private Located resolve(Located located) {
        Located current = located;
        for (int depth = 0; depth < 20 && current.node.has("$ref"); depth++) {
            String ref = current.node.get("$ref").asText();
            int hash = ref.indexOf('#');
            String file = hash > 0 ? ref.substring(0, hash) : current.file;
            String pointer = hash >= 0 ? ref.substring(hash + 1) : "";
            JsonNode root = files.get(file);
            if (root == null) {
                throw new IllegalStateException("Unresolvable $ref " + ref + " in " + current.file);
            }
            current = new Located(file, root.at(pointer));
        }
        return current;
    }

    /** A namespace-aware, empty DOM document (also used by the SOAP adapter for its fault details). */
    public static Document newDocument() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("No DOM implementation", e);
        }
    }

    /** A schema node together with the file its relative {@code $ref}s are resolved against. */
    private static final class Located {
        final String file;
        final JsonNode node;

        Located(String file, JsonNode node) {
            this.file = file;
            this.node = node;
        }

        Located at(JsonNode child) {
            return new Located(file, child);
        }
    }
}
