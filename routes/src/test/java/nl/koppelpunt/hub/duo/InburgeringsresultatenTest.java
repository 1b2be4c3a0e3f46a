package nl.koppelpunt.hub.duo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

import nl.koppelpunt.hub.support.HubIntegrationTest;

/**
 * DUO's quarterly results through the running gateway: DUO puts a quarter as JSON or CSV, an invalid file is refused
 * whole with line and column, a newer file replaces the quarter, and each gemeente reads only its own rows.
 * Quarters here are of this class alone (2090), so other tests cannot change what it reads.
 */
class InburgeringsresultatenTest extends HubIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KOP = "gemeentecode,cohortjaar,inburgeringsplichtigen,voldaan,ontheven,nogInburgeringsplichtig,"
            + "termijnVerstreken,leningToegekend\n";

    @Test
    void duoDeliversAQuarterAndEachGemeenteReadsOnlyItsOwnRowsWithPercentages() throws Exception {
        HttpResponse<String> eerste = put("duo", "2090-Q1", "application/json", """
                {"kwartaal": "2090-Q1", "rijen": [
                  {"gemeentecode": "GM0363", "cohortjaar": 2089, "inburgeringsplichtigen": 200, "voldaan": 50, "ontheven": 10,
                   "nogInburgeringsplichtig": 140, "termijnVerstreken": 7},
                  {"gemeentecode": "GM0344", "cohortjaar": 2089, "inburgeringsplichtigen": 3, "voldaan": 1, "ontheven": 0,
                   "nogInburgeringsplichtig": 2}]}""");
        assertThat(eerste.statusCode()).as(eerste.body()).isEqualTo(201);
        assertThat(JSON.readTree(eerste.body()).path("versie").asInt()).isEqualTo(1);

        JsonNode amsterdam = leesOk("gemeente-amsterdam", "GM0363", "?kwartaal=2090-Q1");
        assertThat(amsterdam.path("rijen")).hasSize(1);
        JsonNode rij = amsterdam.path("rijen").get(0);
        assertThat(rij.path("inburgeringsplichtigen").asInt()).isEqualTo(200);
        assertThat(rij.path("percentages").path("voldaan").decimalValue()).isEqualByComparingTo("25.0");
        assertThat(rij.path("percentages").path("nogInburgeringsplichtig").decimalValue()).isEqualByComparingTo("70.0");
        assertThat(rij.path("percentages").path("termijnVerstreken").decimalValue()).isEqualByComparingTo("3.5");
        assertThat(amsterdam.toString()).doesNotContain("GM0344");

        JsonNode utrecht = leesOk("gemeente-utrecht", "GM0344", "?kwartaal=2090-Q1");
        assertThat(utrecht.path("rijen").get(0).path("percentages").path("voldaan").decimalValue()).isEqualByComparingTo("33.3");

        assertThat(client("gemeente-amsterdam").get("/api/v1/gemeenten/GM0344/inburgeringsresultaten").statusCode())
                .as("another gemeente's figures").isEqualTo(404);
        assertThat(leesOk("duo", "GM0344", "").path("rijen")).isNotEmpty();
        assertThat(leesOk("beheer", "GM0363", "").path("rijen")).isNotEmpty();
        assertThat(client("coa").get("/api/v1/gemeenten/GM0363/inburgeringsresultaten").statusCode()).isEqualTo(403);
        assertThat(put("coa", "2090-Q1", "application/json", "{}").statusCode()).as("only DUO delivers").isEqualTo(403);
    }

    @Test
    void aNewerCsvReplacesTheQuarterAndCohortsCanBeFollowedOverTime() throws Exception {
        assertThat(put("duo", "2090-Q2", "text/csv", KOP + "GM0363,2088,100,10,0,90,,\nGM0363,2087,50,40,5,5,,\n").statusCode())
                .isEqualTo(201);
        HttpResponse<String> correctie = put("duo", "2090-Q2", "text/csv", KOP + "GM0363,2088,100,20,0,80,,\n");
        assertThat(correctie.statusCode()).as(correctie.body()).isEqualTo(200);
        assertThat(JSON.readTree(correctie.body()).path("versie").asInt()).isEqualTo(2);
        assertThat(put("duo", "2090-Q3", "text/csv", KOP + "GM0363,2088,100,30,0,70,,\n").statusCode()).isEqualTo(201);

        JsonNode kwartaal = leesOk("gemeente-amsterdam", "GM0363", "?kwartaal=2090-Q2");
        assertThat(kwartaal.path("rijen")).as("the correction replaced the whole quarter").hasSize(1);
        assertThat(kwartaal.path("rijen").get(0).path("voldaan").asInt()).isEqualTo(20);

        JsonNode cohort = leesOk("gemeente-amsterdam", "GM0363", "");
        assertThat(cohort.path("rijen")).filteredOn(r -> r.path("cohortjaar").asInt() == 2088)
                .extracting(r -> r.path("kwartaal").asText() + "=" + r.path("voldaan").asInt())
                .containsExactly("2090-Q2=20", "2090-Q3=30");
    }

    @Test
    void anInvalidFileIsRefusedWholeNamingLineAndColumnAndTheQuarterStaysAsItWas() throws Exception {
        assertThat(put("duo", "2090-Q4", "text/csv", KOP + "GM0363,2086,10,5,5,0,,\n").statusCode()).isEqualTo(201);

        HttpResponse<String> telling = put("duo", "2090-Q4", "text/csv", KOP + "GM0363,2086,10,5,5,0,,\nGM0344,2086,10,5,5,1,,\n");
        assertThat(telling.statusCode()).isEqualTo(400);
        assertThat(telling.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode fout = JSON.readTree(telling.body()).path("invalidParams").get(0);
        assertThat(fout.path("name").asText()).isEqualTo("/regel/3/kolom/3");
        assertThat(fout.path("reason").asText()).contains("line 3, column 3").contains("do not add up");

        HttpResponse<String> kop = put("duo", "2090-Q4", "text/csv", "gemeente,cohortjaar\nGM0363,2086\n");
        assertThat(JSON.readTree(kop.body()).path("invalidParams").get(0).path("name").asText()).isEqualTo("/regel/1/kolom/1");

        HttpResponse<String> getal = put("duo", "2090-Q4", "text/csv", KOP + "GM0363,2086,tien,5,5,0,,\n");
        assertThat(JSON.readTree(getal.body()).path("invalidParams").get(0).path("name").asText()).isEqualTo("/regel/2/kolom/3");

        HttpResponse<String> onbekend = put("duo", "2090-Q4", "application/json", """
                {"kwartaal": "2090-Q4", "rijen": [{"gemeentecode": "GM9999", "cohortjaar": 2086, "inburgeringsplichtigen": 1,
                 "voldaan": 1, "ontheven": 0, "nogInburgeringsplichtig": 0}]}""");
        assertThat(onbekend.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(onbekend.body()).path("invalidParams").get(0).path("name").asText()).isEqualTo("/rijen/0/gemeentecode");

        HttpResponse<String> anderKwartaal = put("duo", "2090-Q4", "application/json", """
                {"kwartaal": "2090-Q3", "rijen": [{"gemeentecode": "GM0363", "cohortjaar": 2086, "inburgeringsplichtigen": 1,
                 "voldaan": 1, "ontheven": 0, "nogInburgeringsplichtig": 0}]}""");
        assertThat(JSON.readTree(anderKwartaal.body()).path("invalidParams").get(0).path("name").asText()).isEqualTo("/kwartaal");

        assertThat(put("duo", "2090-Q4", "application/json", "{niet json").statusCode()).isEqualTo(400);
        assertThat(put("duo", "2090-Q9", "application/json", "{}").statusCode()).isEqualTo(400);

        JsonNode bewaard = leesOk("gemeente-amsterdam", "GM0363", "?kwartaal=2090-Q4");
        assertThat(bewaard.path("rijen")).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT versie FROM inburgeringskwartaal WHERE kwartaal = '2090-Q4'", Integer.class)).isEqualTo(1);
    }

    private HttpResponse<String> put(String partner, String kwartaal, String contentType, String body) {
        var client = client(partner);
        return client.send(HttpRequest.newBuilder(client.uri("/api/v1/inburgeringsresultaten/" + kwartaal))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    private JsonNode leesOk(String partner, String gemeentecode, String query) throws Exception {
        HttpResponse<String> r = client(partner).get("/api/v1/gemeenten/" + gemeentecode + "/inburgeringsresultaten" + query);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }
}
