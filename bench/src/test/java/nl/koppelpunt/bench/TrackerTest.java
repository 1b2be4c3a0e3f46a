package nl.koppelpunt.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrackerTest {

    private static final long MS = 1_000_000L;

    @Test
    void aMessageIsDeliveredWhenItsLastDepartmentGotItWhateverArrivesFirst() {
        Tracker t = new Tracker(2);
        t.window(1_000 * MS, 2_000 * MS);
        t.sent(1_100 * MS);
        // a delivery may overtake the 202 on its way back to the client
        t.delivery("a", 1_120 * MS);
        t.accepted("a", 1_100 * MS, 1_130 * MS);
        assertThat(t.pendingFromWindow()).isEqualTo(1);
        t.delivery("a", 1_150 * MS);
        assertThat(t.pendingFromWindow()).isZero();
        assertThat(t.deliveredInWindow.sum()).isEqualTo(1);
        assertThat(t.deliveriesInWindow.sum()).isEqualTo(2);
        assertThat(t.acceptLatency().getMaxValue()).isBetween(29_900L, 30_100L);
        assertThat(t.endToEndLatency().getMaxValue()).isBetween(49_900L, 50_100L);
    }

    @Test
    void onlyTheWindowCounts() {
        Tracker t = new Tracker(1);
        t.window(1_000 * MS, 2_000 * MS);
        t.accepted("warm-up", 900 * MS, 950 * MS);
        t.delivery("warm-up", 1_010 * MS);    // sent in the warm-up, delivered in the window: throughput yes, latency no
        t.accepted("late", 1_990 * MS, 2_010 * MS);
        t.delivery("late", 2_500 * MS);       // sent in the window, delivered after it: latency yes, throughput no
        t.error("HTTP 503", 1_500 * MS);
        t.error("HTTP 503", 500 * MS);
        assertThat(t.deliveredInWindow.sum()).isEqualTo(1);
        assertThat(t.acceptedInWindow.sum()).isZero();
        assertThat(t.endToEndLatency().getTotalCount()).isEqualTo(1);
        assertThat(t.errors()).containsEntry("HTTP 503", 1L);
    }
}
