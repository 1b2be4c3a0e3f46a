package nl.koppelpunt.connectors.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import nl.koppelpunt.connectors.partner.Limieten;

class PartnerEmmersTest {

    private final PartnerEmmers emmers = new PartnerEmmers();

    @Test
    void aPartnerGetsItsBurstThenMustWaitAboutOneTokenInterval() {
        Limieten limiet = new Limieten(2L, 3L, 1024);
        for (int i = 0; i < 3; i++) {
            assertThat(emmers.neem("coa", limiet)).as("request %d of the burst", i + 1).isZero();
        }
        Duration wachten = emmers.neem("coa", limiet);

        // 2 per second: the next token is at most half a second away.
        assertThat(wachten).isPositive().isLessThanOrEqualTo(Duration.ofMillis(500));
        assertThat(PartnerLimietFilter.seconden(wachten)).isEqualTo(1);
    }

    @Test
    void partnersHaveBucketsOfTheirOwn() {
        Limieten limiet = new Limieten(1L, 1L, 1024);
        assertThat(emmers.neem("coa", limiet)).isZero();
        assertThat(emmers.neem("coa", limiet)).isPositive();

        assertThat(emmers.neem("tvs", limiet)).isZero();
    }

    @Test
    void aChangedLimitTakesEffectOnTheNextRequest() {
        assertThat(emmers.neem("coa", new Limieten(1L, 1L, 1024))).isZero();
        assertThat(emmers.neem("coa", new Limieten(1L, 1L, 1024))).isPositive();

        assertThat(emmers.neem("coa", new Limieten(1L, 5L, 1024))).isZero();
    }

    @Test
    void retryAfterIsWholeSecondsRoundedUp() {
        assertThat(PartnerLimietFilter.seconden(Duration.ofNanos(1))).isEqualTo(1);
        assertThat(PartnerLimietFilter.seconden(Duration.ofSeconds(2))).isEqualTo(2);
        assertThat(PartnerLimietFilter.seconden(Duration.ofMillis(2001))).isEqualTo(3);
    }
}
