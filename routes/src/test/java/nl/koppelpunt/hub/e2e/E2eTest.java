package nl.koppelpunt.hub.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.citrusframework.actions.ReceiveTimeoutAction.Builder.receiveTimeout;
import static org.citrusframework.dsl.JsonPathSupport.jsonPath;
import static org.citrusframework.dsl.MessageSupport.MessageHeaderSupport.fromHeaders;
import static org.citrusframework.http.actions.HttpActionBuilder.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.citrusframework.TestCaseRunner;
import org.citrusframework.annotations.CitrusResource;
import org.citrusframework.context.TestContext;
import org.citrusframework.http.client.HttpClient;
import org.citrusframework.http.message.HttpMessageHeaders;
import org.citrusframework.http.server.HttpServer;
import org.citrusframework.junit.jupiter.CitrusSupport;
import org.citrusframework.message.MessageType;
import org.citrusframework.spi.Resources;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import nl.koppelpunt.hub.KoppelpuntApplication;

/**
 * End-to-end tests: the real gateway (embedded PostgreSQL and Artemis, HTTPS with client certificates) in a data
 * directory of its own, with Citrus playing the partners. COA, TVS and beheer are Citrus HTTP clients over mutual TLS;
 * gemeente Utrecht and Amsterdam are Citrus HTTP servers ({@link GemeenteServers}), started before the gateway.
 *
 * <p>The partner files come from {@code classpath:e2e/<e2e.partners>/*.yaml}: by default {@code partners} (gemeenten
 * with {@code abonnementen} pointing at the Citrus servers). A subclass picks another set with
 * {@code @TestPropertySource(properties = "e2e.partners=partners-intake")}; each set gets its own gateway (Spring
 * context) and data directory, and every test class with the same set shares one started gateway.
 *
 * <p>Scenarios are written with the helpers below; for anything else the Citrus {@link #runner} and
 * {@link #gemeente(String)} / {@link #partner(String)} endpoints are there to use directly.
 */
@CitrusSupport
@SpringBootTest(classes = KoppelpuntApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {
        "e2e.partners=partners",
        "koppelpunt.partners.location=classpath:e2e/${e2e.partners}/*.yaml",
        "koppelpunt.data-dir=${e2e.data-root}/${e2e.partners}",
        // citrus-http needs Spring Integration on the class path; keep Boot from configuring it into the gateway.
        "spring.autoconfigure.exclude=org.springframework.boot.autoconfigure.integration.IntegrationAutoConfiguration",
        // A delivery still retrying when the JVM ends (a gemeente that never answered) must not hold the exit for
        // Camel's default 45 s; the broker keeps the message anyway.
        "camel.main.shutdown-timeout=5",
        // Citrus logs every message it sends and receives (test data only), so a failed validation can be read.
        "logging.level.[Logger.Message_IN]=DEBUG",
        "logging.level.[Logger.Message_OUT]=DEBUG"})
public abstract class E2eTest {

    /** Matches the gateway's message ids (any UUID version). */
    public static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    /** How long a gemeente waits for an expected delivery. */
    public static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(15);

    private static final Path DATA_ROOT = tempDir();

    @CitrusResource
    protected TestCaseRunner runner;

    @CitrusResource
    protected TestContext context;

    @LocalServerPort
    protected int port;

    @Value("${koppelpunt.pki.dir}")
    protected Path pkiDir;

    @DynamicPropertySource
    static void e2eProperties(DynamicPropertyRegistry registry) {
        // Evaluated when the gateway's context is built: the gemeente servers are up before the gateway starts.
        GemeenteServers.started();
        registry.add("e2e.data-root", DATA_ROOT::toString);
        for (String gemeente : GemeenteServers.GEMEENTEN) {
            registry.add("e2e.port." + gemeente, () -> GemeenteServers.port(gemeente));
        }
    }

    @BeforeEach
    void forgetEarlierRequests() {
        GemeenteServers.purge();
    }

    // ---------------------------------------------------------------------------------------------------- partners

    /** The Citrus client of a partner that calls the gateway ({@code coa}, {@code tvs}, {@code beheer}), over mutual TLS. */
    protected HttpClient partner(String partnerId) {
        return PartnerClients.mutualTls(partnerId, pkiDir, port);
    }

    /** COA posts a message; see {@link #partnerPosts(String, String, String, String, Map)}. */
    protected String coaPosts(String path, String idempotencyKey, String jsonResource) {
        return partnerPosts("coa", path, idempotencyKey, jsonResource, Map.of());
    }

    /** COA posts a template (e.g. {@code e2e/berichten/koppeling.json}) with these Citrus variables filled in. */
    protected String coaPosts(String path, String idempotencyKey, String jsonResource, Map<String, Object> variables) {
        return partnerPosts("coa", path, idempotencyKey, jsonResource, variables);
    }

    /** TVS posts a message; see {@link #partnerPosts(String, String, String, String, Map)}. */
    protected String tvsPosts(String path, String idempotencyKey, String jsonResource, Map<String, Object> variables) {
        return partnerPosts("tvs", path, idempotencyKey, jsonResource, variables);
    }

    /**
     * A partner posts the JSON classpath resource to {@code path} (e.g. {@code /api/v1/klantprofielen}) with an
     * {@code Idempotency-Key}, and the gateway must answer {@code 202} with {@code {"berichtId": <uuid>, "status":
     * "ontvangen"}}, {@code Location: /api/v1/berichten/<berichtId>} and an {@code API-Version}. {@code ${...}} in the
     * resource are Citrus variables, filled from {@code variables}.
     *
     * @return the berichtId; also left in the Citrus variable {@code berichtId}
     */
    protected String partnerPosts(String partnerId, String path, String idempotencyKey, String jsonResource,
                                  Map<String, Object> variables) {
        HttpClient client = partner(partnerId);
        variables.forEach(context::setVariable);
        runner.$(http().client(client).send().post(path).message()
                .contentType("application/json")
                .header("Idempotency-Key", idempotencyKey)
                .body(Resources.fromClasspath(jsonResource)));
        runner.$(http().client(client).receive().response(HttpStatus.ACCEPTED).message()
                .type(MessageType.JSON)
                .headerNameIgnoreCase(true)
                .body("{\"berichtId\": \"@matches('" + UUID_PATTERN + "')@\", \"status\": \"ontvangen\"}")
                .header("Location", "@matches('/api/v1/berichten/" + UUID_PATTERN + "')@")
                .header("API-Version", "@matches('[0-9]+\\.[0-9]+\\.[0-9]+')@")
                .extract(jsonPath().expression("$.berichtId", "berichtId"))
                .extract(fromHeaders().header("Location", "location")));
        String berichtId = context.getVariable("berichtId");
        assertThat(context.getVariable("location")).isEqualTo("/api/v1/berichten/" + berichtId);
        return berichtId;
    }

    /**
     * A partner posts and the gateway refuses with {@code status} and {@code application/problem+json}.
     *
     * @return the problem's {@code type}
     */
    protected String partnerPostIsRefused(String partnerId, String path, String idempotencyKey, String jsonResource,
                                          Map<String, Object> variables, int status) {
        HttpClient client = partner(partnerId);
        variables.forEach(context::setVariable);
        runner.$(http().client(client).send().post(path).message()
                .contentType("application/json")
                .header("Idempotency-Key", idempotencyKey)
                .body(Resources.fromClasspath(jsonResource)));
        runner.$(http().client(client).receive().response(HttpStatus.valueOf(status)).message()
                .type(MessageType.JSON)
                .headerNameIgnoreCase(true)
                .header("Content-Type", "@startsWith('application/problem+json')@")
                .validate(jsonPath().expression("$.type", "@startsWith('urn:koppelpunt:probleem:')@"))
                .extract(jsonPath().expression("$.type", "probleemType")));
        return context.getVariable("probleemType");
    }

    /**
     * A partner reads {@code GET /api/v1/berichten/{berichtId}} (200) and every JSON path in {@code expected} must
     * match (values may use Citrus matchers, e.g. {@code "@contains('bezorgd')@"}).
     */
    protected void partnerSeesBericht(String partnerId, String berichtId, Map<String, Object> expected) {
        HttpClient client = partner(partnerId);
        runner.$(http().client(client).send().get("/api/v1/berichten/" + berichtId));
        var jsonPaths = jsonPath().expression("$.berichtId", berichtId);
        expected.forEach(jsonPaths::expression);
        runner.$(http().client(client).receive().response(HttpStatus.OK).message()
                .type(MessageType.JSON)
                .validate(jsonPaths));
    }

    // --------------------------------------------------------------------------------------------------- gemeenten

    /** The Citrus server of {@code gemeente-utrecht} or {@code gemeente-amsterdam}. */
    protected HttpServer gemeente(String gemeente) {
        return GemeenteServers.server(gemeente);
    }

    /** See {@link #gemeenteReceives(String, String, String, Map, int, String)}, answering without a body. */
    protected void gemeenteReceives(String gemeente, String afdeling, String expectedJson,
                                    Map<String, Object> expectedHeaders, int answerStatus) {
        gemeenteReceives(gemeente, afdeling, expectedJson, expectedHeaders, answerStatus, null);
    }

    /**
     * Within {@link #DELIVERY_TIMEOUT}, the gemeente's department receives a {@code POST /<afdeling>}; its body must
     * equal {@code expectedJson} (Citrus JSON validation: every field, in any order; values may be {@code @ignore@},
     * {@code @matches('...')@}, {@code ${variable}}...) and each expected header must be present (names ignore case)
     * and match. Then the gemeente answers {@code answerStatus} (200, 400, 503...) with {@code answerBody} if given.
     *
     * @param expectedJson JSON text, or the classpath resource holding it (anything not starting with { or [)
     */
    protected void gemeenteReceives(String gemeente, String afdeling, String expectedJson,
                                    Map<String, Object> expectedHeaders, int answerStatus, String answerBody) {
        HttpServer server = gemeente(gemeente);
        runner.$(http().server(server).receive().post("/" + afdeling)
                .selector(Map.of(HttpMessageHeaders.HTTP_REQUEST_URI, "/" + afdeling))
                .timeout(DELIVERY_TIMEOUT.toMillis())
                .message()
                .type(MessageType.JSON)
                .headerNameIgnoreCase(true)
                .body(json(expectedJson))
                .headers(new LinkedHashMap<>(expectedHeaders)));
        var answer = http().server(server).send().response(HttpStatus.valueOf(answerStatus)).message();
        if (answerBody != null) {
            answer.contentType("application/json").body(answerBody);
        }
        runner.$(answer);
    }

    /** Nothing arrives at the gemeente's department ({@code POST} or otherwise) within {@code window}. */
    protected void gemeenteReceivesNothing(String gemeente, String afdeling, Duration window) {
        runner.$(receiveTimeout(gemeente(gemeente))
                .selector(Map.of(HttpMessageHeaders.HTTP_REQUEST_URI, "/" + afdeling))
                .timeout(window.toMillis()));
    }

    /** Nothing arrives at any department of the gemeente within {@code window}. */
    protected void gemeenteReceivesNothing(String gemeente, Duration window) {
        runner.$(receiveTimeout(gemeente(gemeente)).timeout(window.toMillis()));
    }

    // ------------------------------------------------------------------------------------------------------ helpers

    /** A fresh Idempotency-Key. */
    protected static String uniqueKey() {
        return "e2e-" + UUID.randomUUID();
    }

    private static String json(String textOrResource) {
        String trimmed = textOrResource.strip();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            return textOrResource;
        }
        try (var in = E2eTest.class.getClassLoader().getResourceAsStream(trimmed)) {
            if (in == null) {
                throw new IllegalArgumentException("no JSON and no classpath resource: " + trimmed);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("koppelpunt-e2e-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
