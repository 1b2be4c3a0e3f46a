package nl.koppelpunt.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The admin operations under /beheer and the delivery details of GET /berichten/{berichtId}. */
class OpenApiBeheerTest {

    private static final Map<String, String> OPERATIONS = Map.of(
            "/beheer/geparkeerd", "get",
            "/beheer/mislukt", "get",
            "/beheer/berichten/{berichtId}/herhalen", "post",
            "/beheer/herhalen", "post",
            "/beheer/partners/herladen", "post",
            "/beheer/verwerkingen/zoeken", "post");

    private final JsonNode bundle = ContractCatalog.v1().openApiDocument();
    private final BundleSchemas schemas = new BundleSchemas(bundle);
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyBeheerOperationIsForAdminRolesOnly() {
        List<String> beheerPaths = new ArrayList<>();
        bundle.path("paths").fieldNames().forEachRemaining(path -> {
            if (path.startsWith("/beheer/")) {
                beheerPaths.add(path);
            }
        });
        assertThat(beheerPaths).containsExactlyInAnyOrderElementsOf(OPERATIONS.keySet());
        OPERATIONS.forEach((path, method) -> {
            JsonNode operation = operation(path, method);
            assertThat(operation.path("tags").toString()).as(path).isEqualTo("[\"Beheer\"]");
            // Which admin roles exactly is the authorisation matrix's; connectors' AutorisatieOpenApiTest checks that.
            List<String> rollen = new ArrayList<>();
            operation.at("/security/0/mutualTLS").forEach(rol -> rollen.add(rol.asText()));
            assertThat(rollen).as(path).isNotEmpty().isSubsetOf("beheerder", "operator", "auditor");
            assertThat(operation.path("responses").has("401")).as(path).isTrue();
            assertThat(operation.path("responses").has("403")).as(path).isTrue();
            assertThat(operation.path("operationId").asText()).as(path).isNotBlank();
        });
    }

    @Test
    void listsTakeTheAgreedFilters() {
        assertThat(queryParameters("/beheer/geparkeerd"))
                .containsExactly("berichttype", "gemeentecode", "reden", "vanaf", "tot", "limit");
        assertThat(queryParameters("/beheer/mislukt"))
                .containsExactly("berichttype", "gemeentecode", "abonnement", "vanaf", "tot", "limit");
        JsonNode limit = resolve(bundle.at("/components/parameters/Limit"));
        assertThat(limit.at("/schema/minimum").asInt()).isEqualTo(1);
        assertThat(limit.at("/schema/maximum").asInt()).isEqualTo(1000);
        assertThat(limit.at("/schema/default").asInt()).isEqualTo(100);
        assertThat(bundle.at("/components/schemas/ParkeerReden/enum").toString())
                .isEqualTo("[\"geen-koppeling\",\"geen-toestemming\",\"gemeente-niet-aangesloten\"]");
        assertThat(bundle.at("/components/parameters/FilterVanaf/schema/format").asText()).isEqualTo("date-time");
    }

    @Test
    void replayAnswersAcceptedNotFoundAndNothingToReplay() {
        JsonNode one = operation("/beheer/berichten/{berichtId}/herhalen", "post");
        assertThat(one.path("responses").fieldNames()).toIterable().contains("202", "404", "409");
        assertThat(resolve(one.at("/parameters/0")).path("in").asText()).isEqualTo("path");
        JsonNode all = operation("/beheer/herhalen", "post");
        assertThat(all.path("responses").has("202")).isTrue();
        assertThat(all.at("/requestBody/required").asBoolean()).isTrue();
        assertThat(operation("/beheer/partners/herladen", "post").path("responses").has("200")).isTrue();
    }

    @Test
    void everyExampleInTheDocumentFitsItsSchema() {
        int checked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = bundle.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String base = "/paths/" + path.getKey().replace("~", "~0").replace("/", "~1") + "/" + op.getKey();
                List<String> mediaTypes = new ArrayList<>();
                op.getValue().at("/requestBody/content").fieldNames()
                        .forEachRemaining(m -> mediaTypes.add(base + "/requestBody/content/" + m.replace("/", "~1")));
                op.getValue().path("responses").fields().forEachRemaining(r -> r.getValue().path("content").fieldNames()
                        .forEachRemaining(m -> mediaTypes.add(base + "/responses/" + r.getKey() + "/content/" + m.replace("/", "~1"))));
                for (String media : mediaTypes) {
                    JsonNode example = bundle.at(media + "/example");
                    if (!example.isMissingNode()) {
                        assertThat(schemas.at(media + "/schema").validate(example)).as(media).isEmpty();
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(5);
    }

    @Test
    void replayFilterKeepsReasonForParkedAndSubscriptionForFailed() throws Exception {
        JsonSchema opdracht = schemas.component("HerhaalOpdracht");
        assertThat(opdracht.validate(json.readTree("{\"soort\":\"geparkeerd\"}"))).isEmpty();
        assertThat(opdracht.validate(json.readTree("{\"soort\":\"geparkeerd\",\"reden\":\"geen-toestemming\","
                + "\"berichttype\":\"klantprofiel\",\"gemeentecode\":\"GM0344\",\"vanaf\":\"2017-04-01T00:00:00Z\","
                + "\"tot\":\"2017-05-01T00:00:00Z\"}"))).isEmpty();
        assertThat(opdracht.validate(json.readTree("{\"soort\":\"mislukt\",\"abonnement\":\"gemeente-utrecht.huisvesting\"}")))
                .isEmpty();
        assertThat(opdracht.validate(json.readTree("{}"))).isNotEmpty();
        assertThat(opdracht.validate(json.readTree("{\"soort\":\"alles\"}"))).isNotEmpty();
        assertThat(opdracht.validate(json.readTree("{\"soort\":\"geparkeerd\",\"abonnement\":\"gemeente-utrecht.huisvesting\"}")))
                .isNotEmpty();
        assertThat(opdracht.validate(json.readTree("{\"soort\":\"mislukt\",\"reden\":\"geen-koppeling\"}"))).isNotEmpty();
        assertThat(opdracht.validate(json.readTree("{\"soort\":\"mislukt\",\"status\":\"mislukt\"}"))).isNotEmpty();
        assertThat(opdracht.validate(json.readTree("{\"soort\":\"mislukt\",\"vanaf\":\"gisteren\"}"))).isNotEmpty();
    }

    @Test
    void failedItemsMayLackTheDeliveryWhenProcessingItselfFailed() throws Exception {
        JsonSchema mislukt = schemas.component("Mislukt");
        assertThat(mislukt.validate(json.readTree("{\"items\":[{\"berichtId\":\"3f1c2a9e-8d4b-4c6a-9e1f-2b7d5a0c4e11\","
                + "\"berichttype\":\"koppeling\",\"pogingen\":0,\"laatsteFout\":\"verwerking mislukt\","
                + "\"mislukteOp\":\"2017-04-04T10:00:00Z\"}]}"))).isEmpty();
        assertThat(mislukt.validate(json.readTree("{\"items\":[{\"berichtId\":\"3f1c2a9e-8d4b-4c6a-9e1f-2b7d5a0c4e11\","
                + "\"berichttype\":\"koppeling\",\"pogingen\":0,\"mislukteOp\":\"2017-04-04T10:00:00Z\"}]}")))
                .extracting(ValidationMessage::getProperty).containsExactly("laatsteFout");
        assertThat(schemas.component("Parkeringen").validate(json.readTree("{\"items\":[]}"))).isEmpty();
        assertThat(schemas.component("Parkeringen").validate(json.readTree("{}"))).isNotEmpty();
    }

    @Test
    void berichtShowsItsDeliveriesAndParkingsAndStillNothingElse() throws Exception {
        JsonSchema bericht = schemas.component("Bericht");
        String base = "{\"berichtId\":\"3f1c2a9e-8d4b-4c6a-9e1f-2b7d5a0c4e11\",\"berichttype\":\"klantprofiel\","
                + "\"afzender\":\"coa\",\"idempotencyKey\":\"coa-1\",\"status\":\"bezorgd\",\"kanaal\":\"rest\","
                + "\"ontvangenOp\":\"2017-04-03T09:30:00+02:00\",\"gebeurtenissen\":[]";
        String bezorging = "{\"bezorgingId\":\"6d2b0c1e-4f7a-4b8e-9a3c-1e5f7d9b2a40\","
                + "\"abonnement\":\"gemeente-utrecht.werk-en-inkomen\",\"gemeentecode\":\"GM0344\",\"status\":\"bezorgd\","
                + "\"pogingen\":2,\"laatsteFout\":\"HTTP 503 van ontvanger\",\"bezorgdOp\":\"2017-04-03T09:31:00+02:00\"}";
        String parkering = "{\"reden\":\"geen-toestemming\",\"gemeentecode\":\"GM0344\","
                + "\"geparkeerdOp\":\"2017-04-03T09:30:01+02:00\",\"verlooptOp\":\"2017-07-02T09:30:01+02:00\"}";
        assertThat(bericht.validate(json.readTree(base + "}"))).isEmpty();
        assertThat(bericht.validate(json.readTree(base + ",\"bezorgingen\":[" + bezorging + "],\"parkeringen\":["
                + parkering + ",{\"reden\":\"geen-koppeling\",\"geparkeerdOp\":\"2017-04-03T09:30:01Z\","
                + "\"verlooptOp\":\"2017-07-02T09:30:01Z\"}]}"))).isEmpty();

        assertThat(bericht.validate(json.readTree(base + ",\"bezorgingen\":[" + bezorging.replace("\"bezorgd\",", "\"verzonden\",")
                + "]}"))).isNotEmpty();
        assertThat(bericht.validate(json.readTree(base + ",\"bezorgingen\":[" + bezorging.replace("2,", "-1,") + "]}")))
                .isNotEmpty();
        assertThat(bericht.validate(json.readTree(base + ",\"bezorgingen\":[" + bezorging.replace("}", ",\"bsn\":\"x\"}")
                + "]}"))).isNotEmpty();
        assertThat(bericht.validate(json.readTree(base + ",\"parkeringen\":[{\"reden\":\"geen-koppeling\"}]}"))).isNotEmpty();
        assertThat(bericht.validate(json.readTree(base + ",\"inhoud\":{}}"))).isNotEmpty();
        assertThat(bundle.at("/components/schemas/Bezorging/properties/status/enum").toString())
                .isEqualTo("[\"gepland\",\"bezorgd\",\"vervallen\",\"mislukt\"]");
        assertThat(bundle.at("/components/schemas/Bezorging/required").toString())
                .isEqualTo("[\"bezorgingId\",\"abonnement\",\"gemeentecode\",\"status\",\"pogingen\"]");
    }

    private JsonNode operation(String path, String method) {
        return bundle.path("paths").path(path).path(method);
    }

    private List<String> queryParameters(String path) {
        List<String> names = new ArrayList<>();
        for (JsonNode parameter : operation(path, "get").path("parameters")) {
            JsonNode resolved = resolve(parameter);
            assertThat(resolved.path("in").asText()).isEqualTo("query");
            assertThat(resolved.path("required").asBoolean()).as(resolved.path("name").asText()).isFalse();
            names.add(resolved.path("name").asText());
        }
        return names;
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode ref = node.get("$ref");
        return ref == null ? node : bundle.at(ref.asText().substring(1));
    }

}
