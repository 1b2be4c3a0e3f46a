package nl.koppelpunt.hub.verwerking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.UseAdviceWith;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.UncategorizedJmsException;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import nl.koppelpunt.hub.KoppelpuntApplication;
import nl.koppelpunt.hub.KoppelpuntHeaders;
import nl.koppelpunt.hub.support.Berichten;
import nl.koppelpunt.hub.support.HubClient;
import nl.koppelpunt.hub.support.Voorbeelden;

/**
 * Route tests by route id (AdviceWith) against the real broker and database: a broker failure at intake is a 503
 * and nothing is lost; a failing consumer is redelivered and processes once; a duplicate JMS message is recognised.
 */
@CamelSpringBootTest
@UseAdviceWith
@DirtiesContext
@SpringBootTest(classes = KoppelpuntApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class VerwerkingRouteTest {

    private static final Path DATA_DIR = HubClient.tijdelijkeMap("koppelpunt-route-");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicBoolean BROKER_DOWN = new AtomicBoolean();
    private static final AtomicInteger CONSUMER_FAILURES_LEFT = new AtomicInteger();
    private static final AtomicInteger CONSUMER_ATTEMPTS = new AtomicInteger();
    /** Simulated processing failures hit only this message, so no other test's message can use them up. */
    private static final java.util.concurrent.atomic.AtomicReference<String> FAIL_FOR = new java.util.concurrent.atomic.AtomicReference<>("");
    private static final AtomicInteger TARGET_ATTEMPTS = new AtomicInteger();
    private static final java.util.concurrent.atomic.AtomicReference<String> FAIL_AFTER_SENDS = new java.util.concurrent.atomic.AtomicReference<>();
    private static final AtomicInteger PASSES_AFTER_SENDS = new AtomicInteger();
    private static final AtomicBoolean FAILED_AFTER_SENDS = new AtomicBoolean();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("koppelpunt.data-dir", DATA_DIR::toString);
        // Sweep quickly so the recovery of a stranded message is observable within the test.
        registry.add("koppelpunt.wachtrijen.herstel-na-seconden", () -> "0");
        registry.add("koppelpunt.wachtrijen.herstel-interval-ms", () -> "500");
        // Dead-letter quickly: three attempts, 100 ms apart.
        registry.add("koppelpunt.broker.max-pogingen", () -> "3");
        registry.add("koppelpunt.broker.wachttijd-ms", () -> "100");
        // Deliveries stay on their queues, so the test can count what processing put there.
        registry.add("koppelpunt.bezorging.auto-startup", () -> "false");
    }

    @Autowired
    CamelContext camel;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    jakarta.jms.ConnectionFactory connectionFactory;
    @Autowired
    nl.koppelpunt.hub.toelating.Werkvoorraad werkvoorraad;
    @LocalServerPort
    int port;

    @BeforeEach
    void adviseOnce() throws Exception {
        if (camel.isStarted()) {
            return;
        }
        AdviceWith.adviceWith(camel, "in-wachtrij", a -> a.weaveById("in-wachtrij-versturen").before().process(e -> {
            if (BROKER_DOWN.get()) {
                throw new UncategorizedJmsException("broker unavailable (simulated)");
            }
        }));
        AdviceWith.adviceWith(camel, "regels", a -> a.weaveById("regels-toepassen").before().process(e -> {
            CONSUMER_ATTEMPTS.incrementAndGet();
            if (!FAIL_FOR.get().equals(e.getMessage().getHeader(KoppelpuntHeaders.BERICHT_ID, String.class))) {
                return;
            }
            TARGET_ATTEMPTS.incrementAndGet();
            if (CONSUMER_FAILURES_LEFT.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new IllegalStateException("consumer failure (simulated)");
            }
        }));
        AdviceWith.adviceWith(camel, "verwerking", a -> a.weaveAddLast().process(e -> {
            String id = e.getMessage().getHeader(KoppelpuntHeaders.BERICHT_ID, String.class);
            if (id.equals(FAIL_AFTER_SENDS.get())) {
                PASSES_AFTER_SENDS.incrementAndGet();
                if (FAILED_AFTER_SENDS.compareAndSet(false, true)) {
                    throw new IllegalStateException("failure after the deliveries were sent (simulated)");
                }
            }
        }));
        camel.start();
    }

    @Test
    void aFailureAfterTheDeliveriesWereSentRollsThemBackAndTheRedeliverySendsEachOnce() throws Exception {
        String bsn = "999996708";
        HubClient coa = coa();
        UUID koppeling = berichtId(coa.post("/api/v1/koppelingen", uniqueKey(), Berichten.koppeling(bsn, "GM0363")));
        UUID toestemming = berichtId(coa.post("/api/v1/toestemmingen", uniqueKey(), Berichten.toestemming(bsn, "GM0363", true)));
        await().atMost(Duration.ofSeconds(30)).until(() -> events(koppeling, "verwerkt") + events(toestemming, "verwerkt") == 2);

        PASSES_AFTER_SENDS.set(0);
        FAILED_AFTER_SENDS.set(false);
        String key = uniqueKey();
        FAIL_AFTER_SENDS.set(jdbc.queryForObject("SELECT gen_random_uuid()::text", String.class)); // no match yet
        // The id is only known after the 202, and the consumer may be faster: hold processing until it is set.
        camel.getRouteController().stopRoute("verwerking");
        UUID profiel = berichtId(coa.post("/api/v1/klantprofielen", key, Berichten.klantprofiel(bsn, 1)));
        FAIL_AFTER_SENDS.set(profiel.toString());
        camel.getRouteController().startRoute("verwerking");

        // First pass: rules committed, deliveries sent, then the failure rolls the JMS transaction back. Second pass
        // (redelivery): recognised as processed, the person's planned deliveries are sent again.
        await().atMost(Duration.ofSeconds(30)).until(() -> PASSES_AFTER_SENDS.get() == 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> werkvoorraad.meet() == 0);

        List<UUID> bezorgingen = jdbc.queryForList("SELECT id FROM bezorging WHERE bericht_id = ? AND in_wachtrij_op IS NOT NULL",
                UUID.class, profiel);
        // Amsterdam's two departments, and TVS on Amsterdam's behalf.
        assertThat(bezorgingen).as("planned and marked queued in the rules' transaction").hasSize(3);
        assertThat(events(profiel, "verwerkt")).isEqualTo(1);
        for (String abonnement : List.of("gemeente-amsterdam.werk-en-inkomen", "gemeente-amsterdam.huisvesting", "tvs.schermen")) {
            assertThat(opDeWachtrij("koppelpunt.bezorging." + abonnement, bezorgingen))
                    .as("the first pass's sends were rolled back with its acknowledgement; the second sent each once")
                    .isEqualTo(1);
        }
    }

    /** Browses a delivery queue for the given delivery ids (the consumers are not started in this test class). */
    private int opDeWachtrij(String wachtrij, List<UUID> bezorgingen) throws Exception {
        try (jakarta.jms.Connection connection = connectionFactory.createConnection()) {
            jakarta.jms.Session session = connection.createSession(false, jakarta.jms.Session.AUTO_ACKNOWLEDGE);
            connection.start();
            String selector = KoppelpuntHeaders.BEZORGING_ID + " IN ("
                    + String.join(",", bezorgingen.stream().map(id -> "'" + id + "'").toList()) + ")";
            int count = 0;
            var messages = session.createBrowser(session.createQueue(wachtrij), selector).getEnumeration();
            while (messages.hasMoreElements()) {
                messages.nextElement();
                count++;
            }
            return count;
        }
    }

    private static UUID berichtId(HttpResponse<String> accepted) throws Exception {
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        return UUID.fromString(JSON.readTree(accepted.body()).path("berichtId").asText());
    }

    private static String uniqueKey() {
        return "test-" + UUID.randomUUID();
    }

    @Test
    void brokerFailureIs503AndARetryWithTheSameKeyQueuesTheOriginal() throws Exception {
        HubClient coa = coa();
        String key = "retry-" + UUID.randomUUID();
        BROKER_DOWN.set(true);
        HttpResponse<String> refused;
        try {
            refused = coa.post("/api/v1/klantprofielen", key, Voorbeelden.seedKlantprofiel());
        } finally {
            BROKER_DOWN.set(false);
        }
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(JSON.readTree(refused.body()).path("type").asText()).isEqualTo("urn:koppelpunt:probleem:hub-niet-beschikbaar");

        HttpResponse<String> retried = coa.post("/api/v1/klantprofielen", key, Voorbeelden.seedKlantprofiel());
        assertThat(retried.statusCode()).isEqualTo(202);
        UUID id = UUID.fromString(JSON.readTree(retried.body()).path("berichtId").asText());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM bericht WHERE idempotentie_sleutel = ?", Integer.class, key)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> events(id, "verwerkt") == 1);
    }

    @Test
    void aMessageCommittedButNeverQueuedIsQueuedByTheSweep() throws Exception {
        String key = "stranded-" + UUID.randomUUID();
        BROKER_DOWN.set(true);
        try {
            assertThat(coa().post("/api/v1/klantprofielen", key, Voorbeelden.seedKlantprofiel()).statusCode()).isEqualTo(503);
        } finally {
            BROKER_DOWN.set(false);
        }
        UUID id = jdbc.queryForObject("SELECT id FROM bericht WHERE idempotentie_sleutel = ?", UUID.class, key);

        // No retry by the sender: the sweep finds the committed message and queues it. The queued mark is written
        // after the send returns, so the consumer may finish first: wait for both.
        await().atMost(Duration.ofSeconds(30)).until(() -> events(id, "verwerkt") == 1 && events(id, "in-wachtrij") == 1);
    }

    @Test
    void aFailingConsumerIsRolledBackRedeliveredAndProcessesOnce() throws Exception {
        UUID id = postFailing("redeliver-" + UUID.randomUUID(), 1);

        await().atMost(Duration.ofSeconds(30)).until(() -> events(id, "verwerkt") == 1);
        assertThat(TARGET_ATTEMPTS.get()).isEqualTo(2);
        assertThat(events(id, "verwerkt")).isEqualTo(1);
    }

    @Test
    void aDuplicateJmsMessageIsProcessedOnce() throws Exception {
        HttpResponse<String> accepted = coa().post("/api/v1/klantprofielen", "dup-" + UUID.randomUUID(),
                Voorbeelden.seedKlantprofiel());
        UUID id = UUID.fromString(JSON.readTree(accepted.body()).path("berichtId").asText());
        await().atMost(Duration.ofSeconds(30)).until(() -> events(id, "verwerkt") == 1);
        int attemptsBefore = CONSUMER_ATTEMPTS.get();

        // As if the recovery sweep of another instance queued it a second time.
        // Same message group as the original, so it is consumed in order before the marker below.
        String groep = jdbc.queryForObject("SELECT onderwerp_pseudoniem FROM bericht WHERE id = ?", String.class, id);
        producer.sendBodyAndHeaders("jms:queue:koppelpunt.ontvangen", id.toString(), Map.of(KoppelpuntHeaders.BERICHT_ID,
                id.toString(), KoppelpuntHeaders.BERICHTTYPE, "klantprofiel", KoppelpuntHeaders.GROEP, groep));
        // A marker message queued after the duplicate: once it is processed, the duplicate was consumed too.
        HttpResponse<String> marker = coa().post("/api/v1/klantprofielen", "marker-" + UUID.randomUUID(),
                Voorbeelden.seedKlantprofiel());
        UUID markerId = UUID.fromString(JSON.readTree(marker.body()).path("berichtId").asText());
        await().atMost(Duration.ofSeconds(30)).until(() -> events(markerId, "verwerkt") == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM camel_messageprocessed WHERE messageid = ?", Integer.class, markerId.toString()) == 1);

        assertThat(events(id, "verwerkt")).isEqualTo(1);
        assertThat(CONSUMER_ATTEMPTS.get() - attemptsBefore).as("only the marker reached the processing step").isEqualTo(1);
    }

    @Test
    void processingThatKeepsFailingIsDeadLetteredVisibleAndReplayable() throws Exception {
        UUID id = postFailing("dlq-" + UUID.randomUUID(), 3);

        await().atMost(Duration.ofSeconds(30)).until(() -> "mislukt".equals(
                jdbc.queryForObject("SELECT status FROM bericht WHERE id = ?", String.class, id)));
        assertThat(events(id, "verwerkt")).isZero();
        HubClient beheer = client("beheer");
        assertThat(beheer.get("/api/v1/beheer/mislukt").body()).contains(id.toString());

        HttpResponse<String> replay = beheer.send(java.net.http.HttpRequest.newBuilder(beheer.uri("/api/v1/beheer/berichten/" + id + "/herhalen"))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build());
        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> events(id, "verwerkt") == 1);
        assertThat(jdbc.queryForObject("SELECT status FROM bericht WHERE id = ?", String.class, id)).isNotEqualTo("mislukt");
    }

    /** Posts a profile whose processing fails {@code failures} times; processing is held until the id is known. */
    private UUID postFailing(String key, int failures) throws Exception {
        camel.getRouteController().stopRoute("verwerking");
        try {
            HttpResponse<String> accepted = coa().post("/api/v1/klantprofielen", key, Voorbeelden.seedKlantprofiel());
            UUID id = berichtId(accepted);
            TARGET_ATTEMPTS.set(0);
            CONSUMER_FAILURES_LEFT.set(failures);
            FAIL_FOR.set(id.toString());
            return id;
        } finally {
            camel.getRouteController().startRoute("verwerking");
        }
    }

    private HubClient coa() {
        return client("coa");
    }

    private HubClient client(String partner) {
        return HubClient.partner(DATA_DIR, partner, port);
    }

    private int events(UUID id, String soort) {
        return jdbc.queryForObject("SELECT count(*) FROM bericht_gebeurtenis WHERE bericht_id = ? AND soort = ?",
                Integer.class, id, soort);
    }

}
