package nl.koppelpunt.hub.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.citrusframework.actions.ReceiveTimeoutAction.Builder.receiveTimeout;
import static org.citrusframework.container.RepeatOnErrorUntilTrue.Builder.repeatOnError;
import static org.citrusframework.dsl.JsonPathSupport.jsonPath;
import static org.citrusframework.dsl.MessageSupport.MessageHeaderSupport.fromHeaders;
import static org.citrusframework.http.actions.HttpActionBuilder.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.awaitility.core.ConditionTimeoutException;
import org.citrusframework.TestCaseRunner;
import org.citrusframework.annotations.CitrusResource;
import org.citrusframework.context.TestContext;
import org.citrusframework.dsl.JsonPathSupport;
import org.citrusframework.http.client.HttpClient;
import org.citrusframework.http.message.HttpMessageHeaders;
import org.citrusframework.http.server.HttpServer;
import org.citrusframework.junit.jupiter.CitrusSupport;
import org.citrusframework.message.MessageType;
import org.citrusframework.spi.Resources;
import org.citrusframework.variable.VariableExtractor;
import org.junit.jupiter.api.BeforeEach;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
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
 * context) and data directory, and every test class with the same set shares one started gateway. The gateway reads
 * them from a writable copy ({@link #partnerFolder()}), so a scenario can onboard a gemeente by adding a file and
 * reloading ({@link #beheerReloadsPartners(int, int)}); it must remove that file again (and reload) when it is done.
 *
 * <p>Every test starts from a clean state: no messages, registries, parkings or deliveries (the tables are truncated,
 * as the JDK-HttpServer tests do), and no requests waiting at the gemeenten. A test should end with what it sent
 * settled (delivered, dropped or failed), so that nothing of it is still on its way when the next one starts.
 *
 * <p>Scenarios are written with the helpers below; for anything else the Citrus {@link #runner} and
 * {@link #gemeente(String)} / {@link #partner(String)} endpoints are there to use directly.
 */
@CitrusSupport
@SpringBootTest(classes = KoppelpuntApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {
        "e2e.partners=partners",
        "koppelpunt.partners.location=file:${e2e.partner-files}/${e2e.partners}/*.yaml",
        // A retried delivery waits 100 ms, 200 ms, ... instead of 1 s, 2 s, ...: recovery scenarios stay short.
        "koppelpunt.bezorging.wachttijd-ms=100",
        "koppelpunt.data-dir=${e2e.data-root}/${e2e.partners}",
        // citrus-http needs Spring Integration on the class path; keep Boot from configuring it into the gateway.
        "spring.autoconfigure.exclude=org.springframework.boot.autoconfigure.integration.IntegrationAutoConfiguration",
        // A delivery still retrying when the JVM ends (a gemeente that never answered) must not hold the exit for
        // Camel's default 45 s; the broker keeps the message anyway.
        "camel.main.shutdown-timeout=5",
        // Citrus does not log message contents: they hold BSNs (test BSNs, but no BSN belongs in any log);
        // a failed validation still names the field and the difference.
        "logging.level.[Logger.Message_IN]=INFO",
        "logging.level.[Logger.Message_OUT]=INFO"})
public abstract class E2eTest {

    /** Matches the gateway's message ids (any UUID version). */
    public static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    /** How long a gemeente waits for an expected delivery; also how long a status is awaited. */
    public static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(15);
    /** How often an awaited status is read again. */
    public static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    /** How long what an earlier (failed) test left under way may take to settle. */
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(E2eTest.class);

    private static final Path DATA_ROOT = tempDir();
    /** Writable copies of every partner set under {@code classpath:e2e/}: {@code <set>/<partner>.yaml}. */
    private static final Path PARTNER_FILES = copyPartnerFiles(DATA_ROOT.resolve("partner-files"));
    /** The gateway's tables, emptied before each test. */
    private static final String TRUNCATE = "TRUNCATE bericht, koppeling, toestemming, parkering, bezorging,"
            + " bericht_gebeurtenis, camel_messageprocessed CASCADE";

    /**
     * The gateway's data directory for a partner set ({@code koppelpunt.data-dir}), for a partner that must exist
     * before the gateway starts: e.g. a gemeente's TLS server needs a certificate from the development CA made there.
     */
    static Path dataDir(String partnerSet) {
        return DATA_ROOT.resolve(partnerSet);
    }

    @CitrusResource
    protected TestCaseRunner runner;

    @CitrusResource
    protected TestContext context;

    @LocalServerPort
    protected int port;

    @Value("${koppelpunt.pki.dir}")
    protected Path pkiDir;

    @Value("${e2e.partner-files}/${e2e.partners}")
    private Path partnerFolder;

    /** The gateway's database. */
    @Autowired
    protected JdbcTemplate jdbc;

    @DynamicPropertySource
    static void e2eProperties(DynamicPropertyRegistry registry) {
        // Evaluated when the gateway's context is built: the gemeente servers are up before the gateway starts.
        GemeenteServers.started();
        registry.add("e2e.data-root", DATA_ROOT::toString);
        registry.add("e2e.partner-files", PARTNER_FILES::toString);
        for (String gemeente : GemeenteServers.ONTVANGERS) {
            registry.add("e2e.port." + gemeente, () -> GemeenteServers.port(gemeente));
        }
    }

    @BeforeEach
    void startClean() {
        settleWhatIsUnderWay();
        jdbc.execute(TRUNCATE);
    }

    /**
     * After a passing test nothing is under way and this returns at once. After a failed one, deliveries may still
     * wait for an answer or be retried: they are answered 200 (and the gateway records them) before the tables are
     * emptied, so that none of it reaches the next test or keeps a delivery queue's consumer busy. Messages that are
     * still under way after {@link #SETTLE_TIMEOUT} are left to the truncation.
     */
    private void settleWhatIsUnderWay() {
        try {
            await().atMost(SETTLE_TIMEOUT).pollInterval(POLL_INTERVAL).until(() ->
                    GemeenteServers.answerWaiting(HttpStatus.OK) == 0
                            && jdbc.queryForObject("SELECT count(*) FROM bericht WHERE status = 'ontvangen'",
                                    Integer.class) == 0);
        } catch (ConditionTimeoutException e) {
            LOG.warn("Still under way after {}; emptied anyway: {}", SETTLE_TIMEOUT,
                    jdbc.queryForList("SELECT id, berichttype, status FROM bericht WHERE status = 'ontvangen'"));
        }
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
        partnerGets(partnerId, "/api/v1/berichten/" + berichtId, withBerichtId(berichtId, expected));
    }

    /**
     * Like {@link #partnerSeesBericht}, but the message may get there: {@code GET /api/v1/berichten/{berichtId}} is
     * read every {@link #POLL_INTERVAL} until every JSON path matches, for at most {@link #DELIVERY_TIMEOUT} (then the
     * last mismatch fails the test). E.g. {@code Map.of("$.status", "bezorgd")}.
     */
    protected void partnerAwaitsBericht(String partnerId, String berichtId, Map<String, Object> expected) {
        HttpClient client = partner(partnerId);
        int attempts = (int) (DELIVERY_TIMEOUT.toMillis() / POLL_INTERVAL.toMillis());
        runner.$(repeatOnError()
                .until((index, ctx) -> index > attempts)
                .autoSleep(POLL_INTERVAL)
                .actions(http().client(client).send().get("/api/v1/berichten/" + berichtId),
                        http().client(client).receive().response(HttpStatus.OK).message()
                                .type(MessageType.JSON)
                                .validate(jsonPaths(withBerichtId(berichtId, expected)))));
    }

    /** A partner reads {@code path} (200, JSON) and every JSON path in {@code expected} must match. */
    protected void partnerGets(String partnerId, String path, Map<String, Object> expected) {
        HttpClient client = partner(partnerId);
        runner.$(http().client(client).send().get(path));
        runner.$(http().client(client).receive().response(HttpStatus.OK).message()
                .type(MessageType.JSON)
                .validate(jsonPaths(expected)));
    }

    /**
     * A partner posts to {@code path} without a body (a command of the admin API), the gateway answers {@code status}
     * and every JSON path in {@code expected} must match its JSON answer.
     */
    protected void partnerPostsCommand(String partnerId, String path, int status, Map<String, Object> expected) {
        HttpClient client = partner(partnerId);
        runner.$(http().client(client).send().post(path));
        runner.$(http().client(client).receive().response(HttpStatus.valueOf(status)).message()
                .type(MessageType.JSON)
                .validate(jsonPaths(expected)));
    }

    /**
     * Beheer reloads the partner files ({@code POST /api/v1/beheer/partners/herladen}, 200) and the gateway reports
     * how many partners and subscriptions it now has.
     */
    protected void beheerReloadsPartners(int partners, int abonnementen) {
        partnerPostsCommand("beheer", "/api/v1/beheer/partners/herladen", 200,
                Map.of("$.partners", partners, "$.abonnementen", abonnementen));
    }

    /** The writable folder the gateway reads its partner files from ({@code koppelpunt.partners.location}). */
    protected Path partnerFolder() {
        return partnerFolder;
    }

    // --------------------------------------------------------------------------------------------------- gemeenten

    /** The Citrus server of {@code gemeente-utrecht} or {@code gemeente-amsterdam}. */
    protected HttpServer gemeente(String gemeente) {
        return GemeenteServers.server(gemeente);
    }

    /** What a gemeente received, from the request's headers. */
    public record Delivery(String idempotencyKey, String berichttype, String berichtId, String profielversie) {
    }

    /** See {@link #gemeenteReceives(String, String, String, Map, int, String)}, answering without a body. */
    protected Delivery gemeenteReceives(String gemeente, String afdeling, String expectedJson,
                                        Map<String, Object> expectedHeaders, int answerStatus) {
        return gemeenteReceives(gemeente, afdeling, expectedJson, expectedHeaders, answerStatus, null);
    }

    /**
     * Within {@link #DELIVERY_TIMEOUT}, the gemeente's department receives a {@code POST /<afdeling>}; its body must
     * equal {@code expectedJson} (Citrus JSON validation: every field, in any order; values may be {@code @ignore@},
     * {@code @matches('...')@}, {@code ${variable}}...) and each expected header must be present (names ignore case)
     * and match. Then the gemeente answers {@code answerStatus} (200, 400, 503...) with {@code answerBody} if given.
     *
     * @param expectedJson JSON text, or the classpath resource holding it (anything not starting with { or [)
     * @return the received request's {@code Idempotency-Key}, {@code Koppelpunt-Berichttype},
     *         {@code Koppelpunt-Bericht-Id} and {@code Koppelpunt-Profielversie} (null when absent)
     */
    protected Delivery gemeenteReceives(String gemeente, String afdeling, String expectedJson,
                                        Map<String, Object> expectedHeaders, int answerStatus, String answerBody) {
        HttpServer server = gemeente(gemeente);
        Delivery[] received = new Delivery[1];
        try {
            runner.$(http().server(server).receive().post("/" + afdeling)
                    .selector(Map.of(HttpMessageHeaders.HTTP_REQUEST_URI, "/" + afdeling))
                    .timeout(DELIVERY_TIMEOUT.toMillis())
                    .message()
                    .type(MessageType.JSON)
                    .headerNameIgnoreCase(true)
                    .body(json(expectedJson))
                    .headers(new LinkedHashMap<>(expectedHeaders))
                    // Runs before the validation.
                    .extract((VariableExtractor) (message, ctx) -> {
                        Map<String, Object> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                        headers.putAll(message.getHeaders());
                        received[0] = new Delivery(text(headers.get("Idempotency-Key")),
                                text(headers.get("Koppelpunt-Berichttype")), text(headers.get("Koppelpunt-Bericht-Id")),
                                text(headers.get("Koppelpunt-Profielversie")));
                    }));
        } catch (RuntimeException | AssertionError e) {
            if (received[0] != null) {
                answerTakenRequest(server);
            }
            throw e;
        }
        var answer = http().server(server).send().response(HttpStatus.valueOf(answerStatus)).message();
        if (answerBody != null) {
            answer.contentType("application/json").body(answerBody);
        }
        runner.$(answer);
        return received[0];
    }

    /** Nothing arrives at the gemeente's department ({@code POST} or otherwise) within {@code window}. */
    protected void gemeenteReceivesNothing(String gemeente, String afdeling, Duration window) {
        HttpServer server = gemeente(gemeente);
        try {
            runner.$(receiveTimeout(server)
                    .selector(Map.of(HttpMessageHeaders.HTTP_REQUEST_URI, "/" + afdeling))
                    .timeout(window.toMillis()));
        } catch (RuntimeException | AssertionError e) {
            answerTakenRequest(server);
            throw e;
        }
    }

    /** Nothing arrives at any department of the gemeente within {@code window}. */
    protected void gemeenteReceivesNothing(String gemeente, Duration window) {
        HttpServer server = gemeente(gemeente);
        try {
            runner.$(receiveTimeout(server).timeout(window.toMillis()));
        } catch (RuntimeException | AssertionError e) {
            answerTakenRequest(server);
            throw e;
        }
    }

    /**
     * A failed receive took a request off the server's queue without answering it: answer it 200 now, so the
     * gateway's delivery does not hang until {@link GemeenteServers#ANSWER_TIMEOUT_MS} (holding up that queue for the
     * next test) and the test's failure stays the only one. Outside the Citrus runner: the test has failed already.
     */
    private void answerTakenRequest(HttpServer server) {
        try {
            http().server(server).send().response(HttpStatus.OK).build().execute(context);
        } catch (RuntimeException e) {
            LOG.warn("Could not answer the request the failed receive took at {}: {}", server.getName(), e.toString());
        }
    }

    // ------------------------------------------------------------------------------------------------------ helpers

    private static Map<String, Object> withBerichtId(String berichtId, Map<String, Object> expected) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("$.berichtId", berichtId);
        all.putAll(expected);
        return all;
    }

    private static JsonPathSupport jsonPaths(Map<String, Object> expected) {
        return jsonPath().expressions(new LinkedHashMap<>(expected));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

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

    private static Path copyPartnerFiles(Path target) {
        try {
            for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:e2e/*/*.yaml")) {
                String url = file.getURL().toString();
                String[] parts = url.substring(url.lastIndexOf("/e2e/") + "/e2e/".length()).split("/");
                Path copy = Files.createDirectories(target.resolve(parts[0])).resolve(parts[1]);
                try (var in = file.getInputStream()) {
                    Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return target;
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
