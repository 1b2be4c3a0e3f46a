package nl.koppelpunt.hub.logboek;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

import nl.koppelpunt.hub.support.Berichten;
import nl.koppelpunt.hub.support.HubClient;
import nl.koppelpunt.hub.support.HubIntegrationTest;

/**
 * The processing log against the running gateway: every processing of a person is recorded with the sender's trace,
 * an auditor finds them by BSN (in the body), administrators' views are recorded, and nothing in it is the BSN.
 */
class VerwerkingslogTest extends HubIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BSN = "999996708";
    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String ZENDER_SPAN = "00f067aa0ba902b7";

    @Test
    void everyProcessingIsRecordedUnderTheSendersTraceAndTheAuditorFindsItByBsn() throws Exception {
        UUID koppeling = post("/api/v1/koppelingen", Berichten.koppeling(BSN, "GM0363"), "00-" + TRACE + "-" + ZENDER_SPAN + "-01");
        await().atMost(Duration.ofSeconds(30)).until(() -> events(koppeling, "verwerkt") == 1);

        List<JsonNode> records = vanBericht(zoek("auditor", BSN), koppeling);
        assertThat(records).extracting(r -> r.path("handeling").asText())
                .contains("gevalideerd", "ontvangen", "verwerkt").doesNotContain("in-wachtrij");
        Map<String, Object> bericht = jdbc.queryForMap("SELECT trace_id, span_id, onderwerp_pseudoniem FROM bericht WHERE id = ?", koppeling);
        assertThat(bericht.get("trace_id")).as("the sender's trace continues").isEqualTo(TRACE);
        assertThat(bericht.get("span_id")).as("intake is a span of its own").isNotEqualTo(ZENDER_SPAN);
        for (JsonNode r : records) {
            assertThat(r.path("traceId").asText()).isEqualTo(TRACE);
            assertThat(r.path("spanId").asText()).matches("^[0-9a-f]{16}$");
            assertThat(r.path("parentSpanId").asText()).isEqualTo(bericht.get("span_id"));
            assertThat(r.path("verwerkingsactiviteitId").asText()).isEqualTo("urn:koppelpunt:verwerkingsactiviteit:koppelingenregister");
            assertThat(r.path("betrokkene").asText()).isEqualTo(bericht.get("onderwerp_pseudoniem"));
            assertThat(r.path("status").asText()).isEqualTo("ok");
        }
        assertThat(records.stream().map(r -> r.path("spanId").asText()).distinct()).hasSameSizeAs(records);

        // The search itself is a processing of the person, recorded with the auditor as the party.
        JsonNode tweede = zoek("auditor", BSN);
        assertThat(tweede.toString()).doesNotContain(BSN);
        assertThat(tweede.path("verwerkingen")).anySatisfy(r -> {
            assertThat(r.path("handeling").asText()).isEqualTo("ingezien-door-auditor");
            assertThat(r.path("partner").asText()).isEqualTo("auditor");
        });
        assertThat(jdbc.queryForObject("SELECT count(*) FROM verwerkingslog WHERE betrokkene = ? OR toelichting LIKE ?",
                Integer.class, BSN, "%" + BSN + "%")).as("the log holds pseudonyms, never the BSN").isZero();
    }

    @Test
    void whatAnAdministratorSawIsRecordedPerPerson() throws Exception {
        String bsn = "999990032"; // a test BSN of this class alone: no koppeling anywhere, so the profile parks
        UUID profiel = post("/api/v1/klantprofielen", Berichten.klantprofiel(bsn, 1), null);
        // Two timeline events: the parking (with its reason) and the status change.
        await().atMost(Duration.ofSeconds(30)).until(() -> events(profiel, "geparkeerd") >= 1);

        HttpResponse<String> lijst = client("beheer").get("/api/v1/beheer/geparkeerd?limit=1000");
        assertThat(lijst.statusCode()).isEqualTo(200);
        assertThat(lijst.body()).contains(profiel.toString());

        // A koppeling releases the profile from parking (it then waits for consent).
        UUID koppeling = post("/api/v1/koppelingen", Berichten.koppeling(bsn, "GM0363"), null);
        await().atMost(Duration.ofSeconds(30)).until(() -> events(koppeling, "verwerkt") == 1);

        List<JsonNode> records = vanBericht(zoek("auditor", bsn), profiel);
        assertThat(records).extracting(r -> r.path("handeling").asText())
                .contains("ontvangen", "geparkeerd", "ingezien-door-beheer", "vrijgegeven");
        assertThat(records).filteredOn(r -> r.path("handeling").asText().equals("ingezien-door-beheer"))
                .allSatisfy(r -> assertThat(r.path("partner").asText()).isEqualTo("beheer"));
        // Without a traceparent a new trace starts.
        assertThat(records.get(0).path("traceId").asText()).matches("^[0-9a-f]{32}$").isNotEqualTo(TRACE);
    }

    @Test
    void onlyAnAuditorMaySearchAndTheBsnMustBeValid() throws Exception {
        assertThat(zoekVerzoek("operator", "{\"burgerservicenummer\":\"" + BSN + "\"}").statusCode()).isEqualTo(403);
        assertThat(zoekVerzoek("beheer", "{\"burgerservicenummer\":\"" + BSN + "\"}").statusCode()).isEqualTo(403);
        HttpResponse<String> ongeldig = zoekVerzoek("auditor", "{\"burgerservicenummer\":\"123456789\"}");
        assertThat(ongeldig.statusCode()).isEqualTo(400);
        JsonNode probleem = JSON.readTree(ongeldig.body());
        assertThat(probleem.path("invalidParams").get(0).path("name").asText()).isEqualTo("/burgerservicenummer");
        assertThat(ongeldig.body()).doesNotContain("123456789");
        assertThat(zoekVerzoek("auditor", "{}").statusCode()).isEqualTo(400);
    }

    private UUID post(String path, byte[] body, String traceparent) throws Exception {
        HubClient coa = client("coa");
        HttpRequest.Builder request = HttpRequest.newBuilder(coa.uri(path)).header("Content-Type", "application/json")
                .header("Idempotency-Key", uniqueKey()).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (traceparent != null) {
            request.header("traceparent", traceparent);
        }
        HttpResponse<String> accepted = coa.send(request.build());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        return UUID.fromString(JSON.readTree(accepted.body()).path("berichtId").asText());
    }

    private JsonNode zoek(String partner, String bsn) throws Exception {
        HttpResponse<String> antwoord = zoekVerzoek(partner, "{\"burgerservicenummer\":\"" + bsn + "\"}");
        assertThat(antwoord.statusCode()).as(antwoord.body()).isEqualTo(200);
        return JSON.readTree(antwoord.body());
    }

    private HttpResponse<String> zoekVerzoek(String partner, String body) {
        HubClient client = client(partner);
        return client.send(HttpRequest.newBuilder(client.uri("/api/v1/beheer/verwerkingen/zoeken"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static List<JsonNode> vanBericht(JsonNode antwoord, UUID berichtId) {
        List<JsonNode> uit = new ArrayList<>();
        antwoord.path("verwerkingen").forEach(r -> {
            if (r.path("berichtId").asText().equals(berichtId.toString())) {
                uit.add(r);
            }
        });
        return uit;
    }
}
