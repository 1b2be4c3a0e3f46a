package nl.koppelpunt.hub.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.citrusframework.actions.ReceiveTimeoutAction.Builder.receiveTimeout;
import static org.citrusframework.http.actions.HttpActionBuilder.http;

import java.time.Duration;
import java.util.Map;

import org.citrusframework.http.client.HttpClient;
import org.citrusframework.http.message.HttpMessageHeaders;
import org.citrusframework.message.MessageType;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.TestPropertySource;

/**
 * The e2e scaffolding against the gateway as it is: COA (a Citrus client over mutual TLS) posts the seed's
 * klantprofiel and follows it; a gemeente (a Citrus server) receives, validates and answers, and "nothing arrives"
 * is checked without sleeping. Runs with partner files without abonnementen, so the gateway delivers nothing here.
 */
@TestPropertySource(properties = "e2e.partners=partners-intake")
class IntakeSmokeE2eTest extends E2eTest {

    private static final String SEED = "koppelpunt/contracts/v1/examples/klantprofiel/valid/seed-klantprofiel.json";

    @Test
    void coaPostsTheSeedKlantprofielOverMutualTlsAndFollowsIt() {
        String berichtId = coaPosts("/api/v1/klantprofielen", uniqueKey(), SEED);

        partnerSeesBericht("coa", berichtId, Map.of(
                "$.berichttype", "klantprofiel",
                "$.afzender", "coa",
                "$.kanaal", "rest"));
    }

    @Test
    void tvsPostsAKoppelingFromATemplateButNoKlantprofiel() {
        String berichtId = tvsPosts("/api/v1/koppelingen", uniqueKey(), "e2e/berichten/koppeling.json",
                Map.of("bsn", "111222333", "gemeentecode", "GM0363"));

        partnerSeesBericht("tvs", berichtId, Map.of("$.berichttype", "koppeling", "$.afzender", "tvs"));
        // TVS may send koppelingen only.
        assertThat(partnerPostIsRefused("tvs", "/api/v1/klantprofielen", uniqueKey(), SEED, Map.of(), 403))
                .startsWith("urn:koppelpunt:probleem:");
    }

    @Test
    void aGemeenteReceivesValidatesAndAnswersAndSilenceIsChecked() {
        // The gateway does not deliver yet: play its part with a plain Citrus client, forked, since the call only
        // returns once the gemeente has answered.
        HttpClient hub = PartnerClients.plain("hub-als-afzender",
                "http://localhost:" + GemeenteServers.port(GemeenteServers.UTRECHT));
        context.setVariable("berichtId", "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b");

        runner.$(http().client(hub).send().post("/werk-en-inkomen").fork(true).message()
                .contentType("application/json")
                .header("Idempotency-Key", "${berichtId}")
                .header("Koppelpunt-Berichttype", "klantprofiel")
                .header("Koppelpunt-Profielversie", "3")
                .body("{\"berichtId\": \"${berichtId}\", \"burgerservicenummer\": \"123456782\", \"profielversie\": 3,"
                        + " \"persoonsgegevens\": {\"naam\": \"Voorbeeld Vergunninghouder\"}}"));
        gemeenteReceives(GemeenteServers.UTRECHT, "werk-en-inkomen",
                "{\"berichtId\": \"${berichtId}\", \"burgerservicenummer\": \"@matches('[0-9]{9}')@\","
                        + " \"profielversie\": \"@greaterThan(2)@\", \"persoonsgegevens\": \"@ignore@\"}",
                Map.of("Idempotency-Key", "@matches('" + UUID_PATTERN + "')@",
                        "Koppelpunt-Berichttype", "klantprofiel",
                        "Koppelpunt-Profielversie", "3"),
                503);
        runner.$(http().client(hub).receive().response(HttpStatus.SERVICE_UNAVAILABLE));

        // The gemeente's other department and the other gemeente stay silent; measured, not slept.
        long start = System.nanoTime();
        gemeenteReceivesNothing(GemeenteServers.UTRECHT, "huisvesting", Duration.ofSeconds(2));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
        gemeenteReceivesNothing(GemeenteServers.AMSTERDAM, Duration.ofMillis(200));

        // A retry to the same department is answered 200 this time, and one answered 400 with a body.
        runner.$(http().client(hub).send().post("/huisvesting").fork(true).message()
                .contentType("application/json")
                .header("Idempotency-Key", "${berichtId}")
                .body("{\"berichtId\": \"${berichtId}\"}"));
        // Something arrived at /huisvesting: "nothing arrives" must now fail (checked outside the runner, so that
        // the expected failure does not fail this Citrus test case).
        assertThatThrownBy(() -> receiveTimeout(gemeente(GemeenteServers.UTRECHT))
                .selector(Map.of(HttpMessageHeaders.HTTP_REQUEST_URI, "/huisvesting"))
                .timeout(5_000).build().execute(context))
                .hasMessageContaining("Message timeout validation failed");
        runner.$(http().server(gemeente(GemeenteServers.UTRECHT)).send().response(HttpStatus.BAD_REQUEST).message()
                .contentType("application/problem+json").body("{\"title\": \"onleesbaar\"}"));
        runner.$(http().client(hub).receive().response(HttpStatus.BAD_REQUEST).message()
                .type(MessageType.JSON)
                .body("{\"title\": \"onleesbaar\"}"));

        runner.$(http().client(hub).send().post("/huisvesting").fork(true).message()
                .contentType("application/json")
                .header("Idempotency-Key", "${berichtId}")
                .body("{\"berichtId\": \"${berichtId}\"}"));
        gemeenteReceives(GemeenteServers.UTRECHT, "huisvesting", "{\"berichtId\": \"${berichtId}\"}",
                Map.of("Idempotency-Key", "${berichtId}"), 200);
        runner.$(http().client(hub).receive().response(HttpStatus.OK));
    }
}
