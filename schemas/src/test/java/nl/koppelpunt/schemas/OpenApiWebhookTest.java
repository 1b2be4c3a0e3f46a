package nl.koppelpunt.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The webhook a gemeente implements: Koppelpunt POSTs each delivery there. */
class OpenApiWebhookTest {

    private static final String POST = "/webhooks/bezorging/post";

    private final ContractCatalog catalog = ContractCatalog.v1();
    private final JsonNode bundle = catalog.openApiDocument();
    private final JsonNode post = bundle.at(POST);

    @Test
    void bodyIsOneOfTheSixContractsByComponentRef() {
        List<String> refs = new ArrayList<>();
        post.at("/requestBody/content/application~1json/schema/oneOf").forEach(r -> refs.add(r.path("$ref").asText()));
        assertThat(refs).containsExactlyElementsOf(Arrays.stream(Berichttype.values())
                .map(type -> "#/components/schemas/" + OpenApiBundler.componentName(type.schemaFile())).toList());
        assertThat(post.at("/requestBody/required").asBoolean()).isTrue();
        assertThat(post.at("/security/0").has("mutualTLS")).isTrue();
    }

    @Test
    void sendsTheAgreedHeaders() {
        JsonNode key = header("Idempotency-Key");
        assertThat(key.path("required").asBoolean()).isTrue();
        assertThat(key.at("/schema/format").asText()).isEqualTo("uuid");
        assertThat(key.path("description").asText()).contains("ontdubbelen");

        JsonNode type = header("Koppelpunt-Berichttype");
        assertThat(type.path("required").asBoolean()).isTrue();
        List<String> codes = new ArrayList<>();
        resolve(type.path("schema")).path("enum").forEach(code -> codes.add(code.asText()));
        assertThat(codes).containsExactlyElementsOf(Arrays.stream(Berichttype.values()).map(Berichttype::code).toList());

        assertThat(header("Koppelpunt-Bericht-Id").path("required").asBoolean()).isTrue();
        assertThat(header("Koppelpunt-Bericht-Id").at("/schema/format").asText()).isEqualTo("uuid");
        assertThat(header("Koppelpunt-Profielversie").path("required").asBoolean()).isFalse();
        assertThat(header("Koppelpunt-Profielversie").at("/schema/type").asText()).isEqualTo("integer");
    }

    @Test
    void statesWhichAnswersAreDeliveredRefusedOrRetried() {
        assertThat(post.path("responses").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("2XX", "408", "429", "4XX", "5XX");
        assertThat(post.at("/responses/4XX/description").asText()).contains("Definitief geweigerd");
        assertThat(post.at("/responses/408/description").asText()).contains("opnieuw");
        assertThat(post.at("/responses/429/description").asText()).contains("opnieuw");
        assertThat(post.at("/responses/5XX/description").asText()).contains("opnieuw");
    }

    @Test
    void everyValidExampleMatchesExactlyOneBranchAndItIsItsOwnType() {
        BundleSchemas schemas = new BundleSchemas(bundle);
        JsonSchema body = schemas.at(POST + "/requestBody/content/application~1json/schema");
        for (Berichttype type : Berichttype.values()) {
            for (String name : catalog.exampleNames(type, true)) {
                JsonNode message = catalog.example(type, true, name);
                assertThat(body.validate(message)).as(type.code() + "/" + name).isEmpty();
                for (Berichttype other : Berichttype.values()) {
                    JsonSchema branch = schemas.component(OpenApiBundler.componentName(other.schemaFile()));
                    assertThat(branch.validate(message).isEmpty()).as(type.code() + "/" + name + " as " + other.code())
                            .isEqualTo(other == type);
                }
            }
            // Invalid examples are not checked against the oneOf: some are a valid message of another type
            // (intrekking/invalid/met-status.json is a valid toestemming); Koppelpunt-Berichttype names the type.
        }
    }

    private JsonNode header(String name) {
        for (JsonNode parameter : post.path("parameters")) {
            JsonNode resolved = resolve(parameter);
            if (resolved.path("in").asText().equals("header") && resolved.path("name").asText().equals(name)) {
                return resolved;
            }
        }
        throw new AssertionError("no header parameter " + name);
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode ref = node.get("$ref");
        return ref == null ? node : bundle.at(ref.asText().substring(1));
    }
}
