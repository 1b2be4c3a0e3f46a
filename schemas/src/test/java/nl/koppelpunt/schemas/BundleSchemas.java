package nl.koppelpunt.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.resource.DisallowSchemaLoader;
import java.util.HashMap;
import java.util.Map;

/**
 * Compiles any schema inside the OpenAPI bundle, by JSON pointer, from the bundle alone (test helper).
 *
 * <p>The bundle is served under a made-up retrieval URI and its embedded contracts under their
 * {@code $id}s; anything else is refused, so a schema that compiles here is self-contained.
 */
final class BundleSchemas {

    static final String RETRIEVAL_URI = "https://gateway.invalid/api/v1/openapi.json";

    private final JsonSchemaFactory factory;

    BundleSchemas(JsonNode bundle) {
        Map<String, String> byId = new HashMap<>();
        byId.put(RETRIEVAL_URI, bundle.toString());
        bundle.at("/components/schemas").forEach(schema -> {
            if (schema.has("$id")) {
                byId.put(schema.get("$id").asText(), schema.toString());
            }
        });
        this.factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, builder -> builder
                .metaSchema(SchemaFactories.koppelpuntDialect())
                .schemaLoaders(loaders -> loaders.schemas(byId).add(DisallowSchemaLoader.getInstance())));
    }

    /** The schema at this RFC 6901 pointer into the bundle, e.g. {@code /components/schemas/Bericht}. */
    JsonSchema at(String pointer) {
        JsonSchema schema = factory.getSchema(SchemaLocation.of(RETRIEVAL_URI + "#" + pointer), SchemaFactories.config());
        schema.initializeValidators();
        return schema;
    }

    /** The named schema under {@code components.schemas}. */
    JsonSchema component(String name) {
        return at("/components/schemas/" + name);
    }
}
