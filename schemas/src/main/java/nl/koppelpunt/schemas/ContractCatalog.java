package nl.koppelpunt.schemas;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import java.net.URI;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The published contracts of version v1: schemas, OpenAPI description, examples and a validator.
 *
 * <p>Everything is read and compiled once, when {@link #v1()} is first called; afterwards the
 * catalog is immutable and safe to share. Validation sits on the gateway's hot path, so nothing
 * is loaded or parsed per message.
 */
public final class ContractCatalog {

    /** Classpath folder of the v1 contracts. */
    public static final String RESOURCE_BASE = "koppelpunt/contracts/v1/";
    /** Base of the schemas' {@code $id}s; mapped to {@link #RESOURCE_BASE}, never fetched. */
    public static final String ID_BASE = "https://koppelpunt.nl/contracten/v1/";
    /** The shared definitions every message schema refers to. */
    public static final String COMMON_FILE = "common.schema.json";
    /** The OpenAPI source file beside the schemas. */
    public static final String OPENAPI_FILE = "openapi.json";

    private static final class Holder {
        // Class-holder idiom: lazy, and the JVM guarantees one thread-safe initialisation.
        static final ContractCatalog V1 = new ContractCatalog();
    }

    private final ObjectMapper json = new ObjectMapper();
    private final Map<Berichttype, String> texts = new EnumMap<>(Berichttype.class);
    private final Map<Berichttype, URI> ids = new EnumMap<>(Berichttype.class);
    private final ContractValidator validator;
    private final JsonNode openApi;
    private final ExampleIndex examples;

    private ContractCatalog() {
        JsonSchemaFactory factory = SchemaFactories.classpathFactory();
        SchemaValidatorsConfig config = SchemaFactories.config();
        Map<Berichttype, JsonSchema> compiled = new EnumMap<>(Berichttype.class);
        Map<String, JsonNode> schemasByFile = new LinkedHashMap<>();
        for (Berichttype type : Berichttype.values()) {
            String text = ClasspathResources.read(type.schemaResource());
            JsonNode tree = parse(text, type.schemaResource());
            texts.put(type, text);
            ids.put(type, URI.create(tree.path("$id").asText()));
            schemasByFile.put(type.schemaFile(), tree);
            JsonSchema schema = factory.getSchema(SchemaLocation.of(ID_BASE + type.schemaFile()), config);
            // Resolve every $ref now, not lazily on the first message.
            schema.initializeValidators();
            compiled.put(type, schema);
        }
        // DUO's quarterly results are a file, not a message type, but the OpenAPI document refers to their schema too.
        schemasByFile.put(Inburgeringsresultaten.SCHEMA_FILE, parse(
                ClasspathResources.read(RESOURCE_BASE + Inburgeringsresultaten.SCHEMA_FILE), Inburgeringsresultaten.SCHEMA_FILE));
        schemasByFile.put(COMMON_FILE, parse(ClasspathResources.read(RESOURCE_BASE + COMMON_FILE), COMMON_FILE));
        this.validator = new ContractValidator(compiled);
        JsonNode openApiSource = parse(ClasspathResources.read(RESOURCE_BASE + OPENAPI_FILE), OPENAPI_FILE);
        this.openApi = OpenApiBundler.bundle(openApiSource, schemasByFile);
        this.examples = new ExampleIndex(json);
    }

    /** The v1 catalog, loaded on first use and shared afterwards. */
    public static ContractCatalog v1() {
        return Holder.V1;
    }

    /** The shared, thread-safe validator for all v1 message types. */
    public ContractValidator validator() {
        return validator;
    }

    /** The schema of a message type exactly as published (JSON text). */
    public String schemaText(Berichttype type) {
        return texts.get(type);
    }

    /** The {@code $id} of a message type's schema. */
    public URI schemaId(Berichttype type) {
        return ids.get(type);
    }

    /**
     * The self-contained OpenAPI 3.1 document: every schema embedded under
     * {@code components.schemas}. A fresh copy each call, so callers may change it freely.
     */
    public JsonNode openApiDocument() {
        return openApi.deepCopy();
    }

    /**
     * The file names of the shipped examples of a type.
     *
     * @param valid true for messages that keep the contract, false for the invalid wrappers
     */
    public List<String> exampleNames(Berichttype type, boolean valid) {
        return examples.names(type, valid);
    }

    /**
     * One shipped example, parsed. Valid examples are messages; invalid ones are wrappers with
     * {@code beschrijving}, {@code verwacht} (pointer and reason substring) and {@code bericht}.
     */
    public JsonNode example(Berichttype type, boolean valid, String name) {
        String resource = ExampleIndex.resource(type, valid, name);
        return parse(ClasspathResources.read(resource), resource);
    }

    private JsonNode parse(String text, String source) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Contract file is not valid JSON: " + source, e);
        }
    }
}
