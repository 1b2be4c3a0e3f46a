package nl.koppelpunt.bench.baseline;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** In: insert, persistent send. Out: transacted consume, POST per subscription. */
@Component
public class BaselineRoutes extends RouteBuilder {

    public static final String INTAKE = "direct:baseline-intake";
    static final String BERICHT_ID = "berichtId";
    static final String SLEUTEL = "sleutel";
    static final String INHOUD = "inhoud";

    private static final AtomicLong LAST = new AtomicLong();

    private final String webhook;
    private final int fanout;

    public BaselineRoutes(@Value("${baseline.webhook}") String webhook, @Value("${baseline.fanout:1}") int fanout) {
        this.webhook = webhook;
        this.fanout = fanout;
    }

    @Override
    public void configure() {
        from(INTAKE).routeId("baseline-intake")
                .process(e -> {
                    Message m = e.getMessage();
                    m.setHeader(BERICHT_ID, uuidV7());
                    m.setHeader(INHOUD, m.getBody(byte[].class));
                })
                .to("sql:INSERT INTO baseline_bericht (id, idempotentie_sleutel, inhoud) VALUES (:#" + BERICHT_ID
                        + ", :#" + SLEUTEL + ", :#" + INHOUD + ")").id("baseline-insert")
                .process(e -> {
                    Message m = e.getMessage();
                    m.setBody(m.getHeader(INHOUD, byte[].class));
                    String id = m.getHeader(BERICHT_ID, UUID.class).toString();
                    m.removeHeaders("*");
                    m.setHeader(BERICHT_ID, id);
                })
                .to("jms:queue:baseline.ontvangen?deliveryPersistent=true&exchangePattern=InOnly").id("baseline-send");

        from("jms:queue:baseline.ontvangen?transacted=true&lazyCreateTransactionManager=false"
                + "&concurrentConsumers={{baseline.consumers}}").routeId("baseline-bezorging")
                .loop(fanout).copy()
                    .process(this::webhookRequest)
                    .to("http://baseline-webhook?throwExceptionOnFailure=true&skipResponseHeaders=true"
                            + "&connectTimeout=5000&responseTimeout=30000").id("baseline-post")
                .end();
    }

    private void webhookRequest(Exchange exchange) {
        Message m = exchange.getMessage();
        String id = m.getHeader(BERICHT_ID, String.class);
        int index = exchange.getProperty(Exchange.LOOP_INDEX, 0, Integer.class);
        byte[] body = m.getBody(byte[].class);
        m.removeHeaders("*");
        m.setBody(body);
        m.setHeader(Exchange.HTTP_METHOD, "POST");
        m.setHeader(Exchange.HTTP_URI, webhook + "/baseline/afdeling-" + (index + 1));
        m.setHeader(Exchange.CONTENT_TYPE, "application/json");
        m.setHeader("Idempotency-Key", id + "-" + index);
        m.setHeader("Koppelpunt-Bericht-Id", id);
    }

    /** Time-ordered ids, as the gateway's UUIDv7, so the primary key index grows at its end as there. */
    static UUID uuidV7() {
        long ms = System.currentTimeMillis();
        long stamp = LAST.accumulateAndGet(ms << 12, (prev, next) -> Math.max(prev + 1, next));
        long msb = ((stamp >>> 12) << 16) | 0x7000L | (stamp & 0xFFFL);
        long lsb = (java.util.concurrent.ThreadLocalRandom.current().nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
