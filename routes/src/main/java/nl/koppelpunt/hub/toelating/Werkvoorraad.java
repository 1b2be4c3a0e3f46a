package nl.koppelpunt.hub.toelating;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * How many accepted messages wait for processing: the depth of the {@code ontvangen} queue, asked of the broker
 * itself (Artemis management over JMS, so it works the same for the embedded and an external broker, and counts a
 * backlog left from before a restart). Sampled in the background: the intake path only reads a number.
 */
@Component
public class Werkvoorraad implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(Werkvoorraad.class);
    private static final long ONBEKEND = -1;

    private final ConnectionFactory connectionFactory;
    private final String wachtrij;
    private final long intervalMs;
    private final AtomicLong diepte = new AtomicLong(ONBEKEND);
    private final Object gemeten = new Object();
    private volatile ScheduledExecutorService planner;
    private Connection connection;
    private Session session;
    private MessageProducer vrager;
    private MessageConsumer antwoorden;
    private TemporaryQueue antwoordWachtrij;
    private boolean gemeld;

    public Werkvoorraad(ConnectionFactory connectionFactory, MeterRegistry meters,
                        @Value("${koppelpunt.wachtrijen.ontvangen}") String wachtrij,
                        @Value("${koppelpunt.intake.toelating.meet-interval-ms:200}") long intervalMs) {
        // A connection of its own: the cached one serves the senders, and a management request/reply must not
        // compete with them for sessions.
        this.connectionFactory = connectionFactory instanceof CachingConnectionFactory caching
                && caching.getTargetConnectionFactory() != null ? caching.getTargetConnectionFactory() : connectionFactory;
        this.wachtrij = wachtrij;
        this.intervalMs = intervalMs;
        Gauge.builder("koppelpunt.wachtrij.diepte", diepte, AtomicLong::get)
                .tag("wachtrij", "ontvangen")
                .description("Messages accepted and waiting for processing (-1: unknown)")
                .register(meters);
    }

    /** The latest measured depth, or -1 when it is not known (yet, or the broker did not answer). */
    public long diepte() {
        return diepte.get();
    }

    /**
     * Waits until the backlog is at most {@code maximum} (or unknown), for at most {@code maxWachtNanos}; woken by
     * every new measurement. Returns whether it got there.
     */
    public boolean wachtTotHoogstens(long maximum, long maxWachtNanos) throws InterruptedException {
        long deadline = System.nanoTime() + maxWachtNanos;
        synchronized (gemeten) {
            while (diepte.get() > maximum) {
                long rest = deadline - System.nanoTime();
                if (rest <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(gemeten, rest);
            }
        }
        return true;
    }

    /** Measures now, on the caller's thread (also used by the background sampler). */
    public synchronized long meet() {
        try {
            if (session == null) {
                verbind();
            }
            Message vraag = session.createMessage();
            JMSManagementHelper.putAttribute(vraag, "queue." + wachtrij, "messageCount");
            vraag.setJMSReplyTo(antwoordWachtrij);
            vrager.send(vraag);
            Message antwoord = antwoorden.receive(2_000);
            if (antwoord == null || !JMSManagementHelper.hasOperationSucceeded(antwoord)) {
                throw new IllegalStateException("no answer from the broker's management address");
            }
            long aantal = ((Number) JMSManagementHelper.getResult(antwoord)).longValue();
            zet(aantal);
            gemeld = false;
            return aantal;
        } catch (Exception e) {
            if (!gemeld) {
                LOG.warn("Queue depth of {} unknown ({}); intake admission falls back to accepting", wachtrij, e.toString());
                gemeld = true;
            }
            sluit();
            zet(ONBEKEND);
            return ONBEKEND;
        }
    }

    private void zet(long waarde) {
        diepte.set(waarde);
        synchronized (gemeten) {
            gemeten.notifyAll();
        }
    }

    private void verbind() throws JMSException {
        connection = connectionFactory.createConnection();
        session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue beheer = session.createQueue("activemq.management");
        vrager = session.createProducer(beheer);
        antwoordWachtrij = session.createTemporaryQueue();
        antwoorden = session.createConsumer(antwoordWachtrij);
        connection.start();
    }

    private void sluit() {
        if (connection != null) {
            try {
                connection.close();
            } catch (JMSException ignored) {
                // closing a broken connection; nothing to do
            }
        }
        connection = null;
        session = null;
    }

    @Override
    public void start() {
        planner = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "koppelpunt-werkvoorraad");
            t.setDaemon(true);
            return t;
        });
        planner.scheduleWithFixedDelay(this::meet, 0, intervalMs, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService p = planner;
        planner = null;
        if (p != null) {
            p.shutdownNow();
        }
        synchronized (this) {
            sluit();
        }
    }

    @Override
    public boolean isRunning() {
        return planner != null;
    }
}
