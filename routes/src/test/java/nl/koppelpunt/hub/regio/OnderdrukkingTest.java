package nl.koppelpunt.hub.regio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Which counts may leave the hub at threshold 5. */
class OnderdrukkingTest {

    private final Onderdrukking vijf = new Onderdrukking(5);

    @ParameterizedTest(name = "gekoppeld {0}: shown {1}")
    @CsvSource({"0, false", "1, false", "4, false", "5, true", "120, true"})
    void gekoppeldIsShownFromTheThreshold(long gekoppeld, boolean getoond) {
        assertThat(vijf.gekoppeld(gekoppeld).onderdrukt()).isEqualTo(!getoond);
        assertThat(vijf.gekoppeld(gekoppeld).aantal()).isEqualTo(getoond ? gekoppeld : null);
    }

    @ParameterizedTest(name = "{0} of {1}: shown {2}")
    @CsvSource({"5, 10, true", "4, 10, false", "6, 10, false", "0, 10, false", "10, 10, false", "5, 4, false", "50, 200, true"})
    void aSubgroupNeedsItselfAndItsComplementAtTheThreshold(long deel, long gekoppeld, boolean getoond) {
        assertThat(vijf.deelVan(deel, gekoppeld).onderdrukt()).isEqualTo(!getoond);
        assertThat(vijf.deelVan(deel, gekoppeld).aantal()).isEqualTo(getoond ? deel : null);
    }

    @Test
    void aThresholdBelowOneIsAConfigurationError() {
        assertThatThrownBy(() -> new Onderdrukking(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
