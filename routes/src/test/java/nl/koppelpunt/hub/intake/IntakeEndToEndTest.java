package nl.koppelpunt.hub.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;

import nl.koppelpunt.hub.support.HubClient;
import nl.koppelpunt.hub.support.HubIntegrationTest;
import nl.koppelpunt.hub.support.Voorbeelden;

/** The seed's klantprofiel over mutual TLS: accepted, committed, queued, consumed, and visible to its sender. */
class IntakeEndToEndTest extends HubIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void seedKlantprofielIsAcceptedStoredQueuedAndConsumed() throws Exception {
        HubClient coa = client("coa");
        HttpResponse<String> response = coa.post("/api/v1/klantprofielen", uniqueKey(), Voorbeelden.seedKlantprofiel());

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.headers().firstValue("API-Version")).hasValue("1.0.0");
        JsonNode body = JSON.readTree(response.body());
        UUID id = UUID.fromString(body.path("berichtId").asText());
        assertThat(body.path("status").asText()).isEqualTo("ontvangen");
        assertThat(response.headers().firstValue("Location")).hasValue("/api/v1/berichten/" + id);

        // Committed before the 202: the row and the first events exist the moment the answer is in.
        assertThat(jdbc.queryForObject("SELECT count(*) FROM bericht WHERE id = ? AND afzender = 'coa' AND berichttype = 'klantprofiel'",
                Integer.class, id)).isEqualTo(1);
        assertThat(events(id, "ontvangen")).isEqualTo(1);
        assertThat(events(id, "in-wachtrij")).isEqualTo(1);

        await().atMost(Duration.ofSeconds(30)).until(() -> events(id, "verwerkt") == 1);

        HttpResponse<String> status = coa.get("/api/v1/berichten/" + id);
        assertThat(status.statusCode()).isEqualTo(200);
        JsonNode bericht = JSON.readTree(status.body());
        assertThat(bericht.path("berichttype").asText()).isEqualTo("klantprofiel");
        assertThat(bericht.path("afzender").asText()).isEqualTo("coa");
        List<String> soorten = bericht.path("gebeurtenissen").findValuesAsText("soort");
        assertThat(soorten).startsWith("ontvangen", "in-wachtrij", "verwerkt");
        assertThat(bericht.path("status").asText()).isIn("ontvangen", "geparkeerd", "bezorgd");
        assertThat(status.body()).doesNotContain("123456782");
    }

    @Test
    void theSameKeyAndBodyReturnTheOriginalIdAndCreateNothing() throws Exception {
        HubClient coa = client("coa");
        String key = uniqueKey();
        HttpResponse<String> first = coa.post("/api/v1/klantprofielen", key, Voorbeelden.seedKlantprofiel());
        // The same message re-serialised with its keys in another order is still the same message.
        ObjectNode reordered = JSON.createObjectNode();
        ObjectNode seed = Voorbeelden.seedKlantprofielJson();
        List<String> names = new java.util.ArrayList<>();
        seed.fieldNames().forEachRemaining(names::add);
        java.util.Collections.reverse(names);
        names.forEach(n -> reordered.set(n, seed.get(n)));
        HttpResponse<String> second = coa.post("/api/v1/klantprofielen", key, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(reordered));

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(second.statusCode()).isEqualTo(202);
        String id = JSON.readTree(first.body()).path("berichtId").asText();
        assertThat(JSON.readTree(second.body()).path("berichtId").asText()).isEqualTo(id);
        assertThat(first.headers().firstValue("Idempotent-Replayed")).hasValue("false");
        assertThat(second.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM bericht WHERE afzender = 'coa' AND idempotentie_sleutel = ?",
                Integer.class, key)).isEqualTo(1);
        UUID uuid = UUID.fromString(id);
        await().atMost(Duration.ofSeconds(30)).until(() -> events(uuid, "verwerkt") == 1);
        assertThat(events(uuid, "ontvangen")).isEqualTo(1);
        assertThat(events(uuid, "in-wachtrij")).isEqualTo(1);
    }

    @Test
    void theSameKeyWithOtherContentIsAConflict() throws Exception {
        HubClient coa = client("coa");
        String key = uniqueKey();
        assertThat(coa.post("/api/v1/klantprofielen", key, Voorbeelden.seedKlantprofiel()).statusCode()).isEqualTo(202);
        ObjectNode changed = Voorbeelden.seedKlantprofielJson();
        changed.put("profielversie", changed.path("profielversie").asInt() + 1);

        HttpResponse<String> conflict = coa.post("/api/v1/klantprofielen", key, Voorbeelden.bytes(changed));

        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(conflict.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(JSON.readTree(conflict.body()).path("type").asText()).isEqualTo("urn:koppelpunt:probleem:idempotentie-conflict");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM bericht WHERE afzender = 'coa' AND idempotentie_sleutel = ?",
                Integer.class, key)).isEqualTo(1);
    }

    @Test
    void idempotencyKeysArePerSender() throws Exception {
        String key = uniqueKey();
        byte[] koppeling = Voorbeelden.bytes("koppelpunt/contracts/v1/examples/koppeling/valid/" + firstValid("koppeling"));
        HttpResponse<String> fromCoa = client("coa").post("/api/v1/koppelingen", key, koppeling);
        HttpResponse<String> fromTvs = client("tvs").post("/api/v1/koppelingen", key, koppeling);

        assertThat(fromCoa.statusCode()).isEqualTo(202);
        assertThat(fromTvs.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(fromTvs.body()).path("berichtId").asText())
                .isNotEqualTo(JSON.readTree(fromCoa.body()).path("berichtId").asText());
    }

    @Test
    void everyMessageTypeIsAcceptedFromCoa() {
        HubClient coa = client("coa");
        for (String[] type : new String[][] {{"screening", "screenings"}, {"koppeling", "koppelingen"}, {"toestemming", "toestemmingen"}}) {
            byte[] example = Voorbeelden.bytes("koppelpunt/contracts/v1/examples/" + type[0] + "/valid/" + firstValid(type[0]));
            assertThat(coa.post("/api/v1/" + type[1], uniqueKey(), example).statusCode()).as(type[0]).isEqualTo(202);
        }
    }

    static String firstValid(String type) {
        return nl.koppelpunt.schemas.ContractCatalog.v1()
                .exampleNames(nl.koppelpunt.schemas.Berichttype.fromCode(type).orElseThrow(), true).get(0);
    }
}
