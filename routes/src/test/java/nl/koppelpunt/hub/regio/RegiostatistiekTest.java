package nl.koppelpunt.hub.regio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;

import nl.koppelpunt.hub.support.Berichten;
import nl.koppelpunt.hub.support.HubIntegrationTest;
import nl.koppelpunt.hub.support.Voorbeelden;

/**
 * Regional figures from real messages through the REST intake, in a region of this class alone (AM35): ten persons
 * gekoppeld to Amsterdam (five with consent, the other five with a klantprofiel parked for want of it), three to
 * Utrecht, each with a screening naming sectors. Counts under the threshold of 5, and counts whose complement is under
 * it, are suppressed.
 */
class RegiostatistiekTest extends HubIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REGIO = "AM35";
    /** Test BSNs (11-proef) of this class alone. */
    private static final List<String> AMSTERDAM = List.of("999990068", "999990081", "999990093", "999990111", "999990123",
            "999990135", "999990147", "999990159", "999990160", "999990172");
    private static final List<String> UTRECHT = List.of("999990184", "999990196", "999990202");

    @Test
    void countsPerGemeenteWithSmallCountsAndTheirComplementsSuppressed() throws Exception {
        AMSTERDAM.forEach(bsn -> stuur("/api/v1/koppelingen", koppeling(bsn, "GM0363")));
        UTRECHT.forEach(bsn -> stuur("/api/v1/koppelingen", koppeling(bsn, "GM0344")));
        await().atMost(Duration.ofSeconds(60)).until(() -> telling(
                "SELECT count(*) FROM koppeling WHERE actief AND arbeidsmarktregio = 'AM35'") == 13);

        AMSTERDAM.subList(0, 5).forEach(bsn -> stuur("/api/v1/toestemmingen", Berichten.toestemming(bsn, "GM0363", true)));
        AMSTERDAM.subList(5, 10).forEach(bsn -> stuur("/api/v1/klantprofielen", Berichten.klantprofiel(bsn, 1)));
        UTRECHT.forEach(bsn -> stuur("/api/v1/toestemmingen", Berichten.toestemming(bsn, "GM0344", true)));
        for (int i = 0; i < AMSTERDAM.size(); i++) {
            stuur("/api/v1/screenings", screening(AMSTERDAM.get(i), i < 5 ? List.of("techniek", "bouw") : List.of("techniek", "horeca")));
        }
        UTRECHT.forEach(bsn -> stuur("/api/v1/screenings", screening(bsn, List.of("zorg"))));
        await().atMost(Duration.ofSeconds(60)).until(() -> telling(
                "SELECT count(*) FROM parkering WHERE gemeentecode = 'GM0363' AND reden = 'geen-toestemming'") >= 5
                && telling("SELECT count(*) FROM toestemming WHERE gemeentecode IN ('GM0363', 'GM0344') AND gegeven") >= 8
                && telling("SELECT count(*) FROM screening_sectoren s JOIN koppeling k USING (onderwerp_pseudoniem)"
                        + " WHERE k.actief AND k.arbeidsmarktregio = 'AM35'") == 13);

        HttpResponse<String> antwoord = client("tvs").get("/api/v1/arbeidsmarktregios/" + REGIO + "/statistieken");
        assertThat(antwoord.statusCode()).as(antwoord.body()).isEqualTo(200);
        JsonNode regio = JSON.readTree(antwoord.body());
        assertThat(regio.path("drempel").asInt()).isEqualTo(5);
        assertThat(regio.has("totaal")).isFalse();
        assertThat(regio.path("gemeenten")).extracting(g -> g.path("gemeentecode").asText()).containsExactly("GM0344", "GM0363");

        JsonNode amsterdam = regio.path("gemeenten").get(1);
        assertGetoond(amsterdam.path("gekoppeld"), 10);
        assertGetoond(amsterdam.path("toestemming"), 5);
        assertGetoond(amsterdam.path("geparkeerd"), 5);
        assertOnderdrukt(amsterdam.path("profielBezorgd")); // none delivered in these tests: zero is suppressed too
        assertOnderdrukt(amsterdam.path("sectoren").path("techniek")); // all ten: "everyone" is suppressed like "nobody"
        assertGetoond(amsterdam.path("sectoren").path("bouw"), 5);
        assertGetoond(amsterdam.path("sectoren").path("horeca"), 5);
        assertOnderdrukt(amsterdam.path("sectoren").path("zorg"));
        assertThat(amsterdam.path("sectoren").size()).as("every sector, named or not").isEqualTo(10);

        JsonNode utrecht = regio.path("gemeenten").get(0);
        for (String cel : List.of("gekoppeld", "toestemming", "profielBezorgd", "geparkeerd")) {
            assertOnderdrukt(utrecht.path(cel));
        }
        assertOnderdrukt(utrecht.path("sectoren").path("zorg"));

        assertThat(client("gemeente-utrecht").get("/api/v1/arbeidsmarktregios/" + REGIO + "/statistieken").statusCode()).isEqualTo(200);
        assertThat(client("beheer").get("/api/v1/arbeidsmarktregios/" + REGIO + "/statistieken").statusCode()).isEqualTo(403);
        assertThat(client("tvs").get("/api/v1/arbeidsmarktregios/regio12/statistieken").statusCode()).isEqualTo(400);
    }

    private static void assertGetoond(JsonNode cel, int aantal) {
        assertThat(cel.path("onderdrukt").asBoolean()).as(cel.toString()).isFalse();
        assertThat(cel.path("aantal").asInt()).isEqualTo(aantal);
    }

    private static void assertOnderdrukt(JsonNode cel) {
        assertThat(cel.path("onderdrukt").asBoolean()).as(cel.toString()).isTrue();
        assertThat(cel.path("aantal").isNull()).as("the small number itself is never shown").isTrue();
    }

    private static byte[] koppeling(String bsn, String gemeentecode) {
        ObjectNode m = JSON.createObjectNode();
        m.put("burgerservicenummer", bsn).put("soort", "koppeling").put("gemeentecode", gemeentecode)
                .put("arbeidsmarktregio", REGIO).put("datum", "2017-03-20");
        return Voorbeelden.bytes(m);
    }

    private static byte[] screening(String bsn, List<String> sectoren) {
        ObjectNode m = JSON.createObjectNode();
        m.put("burgerservicenummer", bsn).put("datum", "2017-03-20");
        sectoren.forEach(m.putArray("sectoren")::add);
        return Voorbeelden.bytes(m);
    }

    private void stuur(String pad, byte[] bericht) {
        String partner = pad.endsWith("koppelingen") ? "tvs" : "coa";
        HttpResponse<String> r = client(partner).post(pad, uniqueKey(), bericht);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    }

    private int telling(String sql) {
        return jdbc.queryForObject(sql, Integer.class);
    }
}
