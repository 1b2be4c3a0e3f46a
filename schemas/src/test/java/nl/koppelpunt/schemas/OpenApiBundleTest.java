package nl.koppelpunt.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.resource.DisallowSchemaLoader;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenApiBundleTest {

    private static final List<String> POSTS = List.of("/klantprofielen", "/screenings", "/koppelingen", "/toestemmingen");
    private static final List<String> POST_STATUSES = List.of("202", "400", "401", "403", "409", "413", "415", "503");

    private final ContractCatalog catalog = ContractCatalog.v1();
    private final JsonNode bundle = catalog.openApiDocument();

    @Test
    void isOpenApi31JsonThatSurvivesARoundTrip() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(json.writeValueAsString(bundle))).isEqualTo(bundle);
        assertThat(bundle.path("openapi").asText()).isEqualTo("3.1.0");
        assertThat(bundle.at("/info/version").asText()).isEqualTo("1.0.0");
        assertThat(bundle.at("/info/contact").isObject()).isTrue();
        assertThat(bundle.at("/servers/0/url").asText()).isEqualTo("/api/v1");
        assertThat(bundle.at("/components/securitySchemes/mutualTLS/type").asText()).isEqualTo("mutualTLS");
    }

    @Test
    void hasEveryOperation() {
        POSTS.forEach(path -> assertThat(bundle.path("paths").path(path).has("post")).as(path).isTrue());
        assertThat(bundle.path("paths").path("/berichten/{berichtId}").has("get")).isTrue();
        assertThat(bundle.path("paths").path("/openapi.json").has("get")).isTrue();
    }

    @Test
    void postsTakeTheirContractAndAnIdempotencyKeyAndAnswerEveryAgreedStatus() {
        for (Berichttype type : Berichttype.inkomende()) {
            JsonNode post = bundle.path("paths").path(pathOf(type)).path("post");
            assertThat(post.at("/requestBody/content/application~1json/schema/$ref").asText())
                    .isEqualTo("#/components/schemas/" + OpenApiBundler.componentName(type.schemaFile()));
            JsonNode key = resolve(post.at("/parameters/0"));
            assertThat(key.path("name").asText()).isEqualTo("Idempotency-Key");
            assertThat(key.path("required").asBoolean()).isTrue();
            assertThat(post.path("responses").fieldNames()).toIterable().containsAll(POST_STATUSES);
        }
        JsonNode accepted = resolve(bundle.at("/paths/~1klantprofielen/post/responses/202"));
        assertThat(accepted.path("headers").has("Location")).isTrue();
    }

    @Test
    void outboundNoticesCannotBePostedByPartners() {
        List<String> posted = new java.util.ArrayList<>();
        bundle.path("paths").forEach(item -> {
            JsonNode ref = item.at("/post/requestBody/content/application~1json/schema/$ref");
            if (!ref.isMissingNode()) {
                posted.add(ref.asText());
            }
        });
        for (Berichttype type : Berichttype.values()) {
            String component = "#/components/schemas/" + OpenApiBundler.componentName(type.schemaFile());
            if (type.inkomend()) {
                assertThat(posted).as(type.code()).contains(component);
            } else {
                assertThat(posted).as(type.code()).doesNotContain(component);
            }
        }
    }

    @Test
    void everyResponseCarriesTheApiVersionHeaderAndErrorsAreProblems() {
        bundle.path("paths").forEach(item -> item.forEach(operation -> operation.path("responses").fields()
                .forEachRemaining(entry -> {
                    JsonNode response = resolve(entry.getValue());
                    assertThat(response.path("headers").has("API-Version")).as(entry.getKey()).isTrue();
                    if (entry.getKey().charAt(0) >= '4') {
                        assertThat(response.at("/content/application~1problem+json/schema/$ref").asText())
                                .isEqualTo("#/components/schemas/Problem");
                    }
                })));
    }

    @Test
    void embedsEverySchemaWithItsIdAndEveryRefResolvesInsideTheDocument() {
        for (Berichttype type : Berichttype.values()) {
            JsonNode embedded = bundle.at("/components/schemas/" + OpenApiBundler.componentName(type.schemaFile()));
            assertThat(embedded.path("$id").asText()).isEqualTo(catalog.schemaId(type).toString());
        }
        assertThat(bundle.at("/components/schemas/Common/$id").asText()).isEqualTo(ContractCatalog.ID_BASE + "common.schema.json");
        RefResolver refs = RefResolver.check(bundle, URI.create("https://gateway.invalid/api/v1/openapi.json"));
        assertThat(refs.refCount()).isGreaterThan(50);
        assertThat(refs.unresolved()).isEmpty();
    }

    @Test
    void embeddedSchemasAloneJudgeTheExamplesLikeTheCatalog() {
        JsonSchemaFactory bundleOnly = bundleOnlyFactory();
        for (Berichttype type : Berichttype.values()) {
            JsonSchema schema = bundleOnly.getSchema(SchemaLocation.of(catalog.schemaId(type).toString()), SchemaFactories.config());
            catalog.exampleNames(type, true).forEach(name ->
                    assertThat(schema.validate(catalog.example(type, true, name))).as(name).isEmpty());
            catalog.exampleNames(type, false).forEach(name ->
                    assertThat(schema.validate(catalog.example(type, false, name).get("bericht"))).as(name).isNotEmpty());
        }
    }

    @Test
    void returnsACopySoCallersCannotCorruptTheCatalog() {
        ((com.fasterxml.jackson.databind.node.ObjectNode) catalog.openApiDocument()).remove("paths");
        assertThat(catalog.openApiDocument().has("paths")).isTrue();
    }

    /** Serves only the schemas embedded in the bundle, by $id; anything else is refused. */
    private JsonSchemaFactory bundleOnlyFactory() {
        Map<String, String> byId = new HashMap<>();
        bundle.at("/components/schemas").forEach(schema -> {
            if (schema.has("$id")) {
                byId.put(schema.get("$id").asText(), schema.toString());
            }
        });
        // The message types, common, and DUO's quarterly results.
        assertThat(byId).hasSize(Berichttype.values().length + 2);
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, builder -> builder
                .metaSchema(SchemaFactories.koppelpuntDialect())
                .schemaLoaders(loaders -> loaders.schemas(byId).add(DisallowSchemaLoader.getInstance())));
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode ref = node.get("$ref");
        return ref == null ? node : bundle.at(ref.asText().substring(1));
    }

    private static String pathOf(Berichttype type) {
        return switch (type) {
            case KLANTPROFIEL -> "/klantprofielen";
            case SCREENING -> "/screenings";
            case KOPPELING -> "/koppelingen";
            case TOESTEMMING -> "/toestemmingen";
            case DUO_INBURGERINGSSTATUS -> "/duo-inburgeringsstatussen";
            case INTREKKING, ONTKOPPELING, INBURGERINGSRESULTATEN_GEMEENTE -> throw new IllegalArgumentException("outbound only: " + type);
        };
    }
}
