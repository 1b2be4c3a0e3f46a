package nl.koppelpunt.hub.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import org.junit.jupiter.api.Test;

import nl.koppelpunt.hub.support.HubClient;
import nl.koppelpunt.hub.support.HubIntegrationTest;
import nl.koppelpunt.hub.support.Voorbeelden;
import nl.koppelpunt.schemas.ContractCatalog;

/** What the gateway answers conforms to the response schemas it publishes in its own OpenAPI document. */
class ResponseContractTest extends HubIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void acceptanceStatusAndProblemBodiesMatchThePublishedSchemas() throws Exception {
        HubClient coa = client("coa");
        HttpResponse<String> accepted = coa.post("/api/v1/klantprofielen", uniqueKey(), Voorbeelden.seedKlantprofiel());
        assertConforms("Ontvangstbevestiging", accepted.body());

        String location = accepted.headers().firstValue("Location").orElseThrow();
        await().atMost(Duration.ofSeconds(30)).until(() -> coa.get(location).body().contains("verwerkt"));
        assertConforms("Bericht", coa.get(location).body());

        assertConforms("Problem", coa.post("/api/v1/klantprofielen", uniqueKey(), Voorbeelden.utf8("{")).body());
        assertConforms("Problem", coa.post("/api/v1/klantprofielen", null, Voorbeelden.seedKlantprofiel()).body());
        assertConforms("Problem", client("tvs").post("/api/v1/klantprofielen", uniqueKey(), Voorbeelden.seedKlantprofiel()).body());
    }

    @Test
    void theSchemaCheckItselfRejectsAWrongBody() throws Exception {
        assertThat(schemaOf("Bericht").validate(JSON.readTree("{\"berichtId\": 1, \"onbekend\": true}"))).isNotEmpty();
        assertThat(schemaOf("Ontvangstbevestiging").validate(JSON.readTree("{\"berichtId\": \"x\", \"status\": \"kwijt\"}")))
                .isNotEmpty();
    }

    private static void assertConforms(String component, String body) throws Exception {
        Set<ValidationMessage> errors = schemaOf(component).validate(JSON.readTree(body));
        assertThat(errors).as(component + ": " + body).isEmpty();
    }

    /** The component with its siblings as $defs, so internal references resolve without the rest of the document. */
    private static JsonSchema schemaOf(String component) throws Exception {
        JsonNode components = ContractCatalog.v1().openApiDocument().path("components").path("schemas");
        String defs = JSON.writeValueAsString(components).replace("#/components/schemas/", "#/$defs/");
        ObjectNode schema = JSON.createObjectNode();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("$ref", "#/$defs/" + component);
        schema.set("$defs", JSON.readTree(defs));
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);
    }
}
