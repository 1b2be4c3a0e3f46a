package nl.koppelpunt.hub.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Waits until the gateway has settled: nothing waiting for processing, nothing planned for delivery. A scenario that
 * ends this way cannot leave a late delivery behind for the next one to meet.
 */
public final class Rust {

    private Rust() {
    }

    public static void wachtTotRustig(JdbcTemplate jdbc, Duration wacht) {
        await().atMost(wacht).until(() -> jdbc.queryForObject(
                "SELECT (SELECT count(*) FROM bezorging WHERE status = 'gepland') + (SELECT count(*) FROM bericht WHERE status = 'ontvangen')",
                Integer.class) == 0);
    }
}
