package nl.koppelpunt.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class BsnTest {

    @ParameterizedTest
    @ValueSource(strings = {"123456782", "111222333", "999996708"})
    void acceptsTheTestNumbersUsedInTheExamples(String bsn) {
        assertThat(Bsn.isValid(bsn)).isTrue();
    }

    @Test
    void rejectsANumberThatFailsTheElfproef() {
        // 9*1 + 8*2 + 7*3 + 6*4 + 5*5 + 4*6 + 3*7 + 2*8 - 9 = 147, and 147 % 11 = 4
        assertThat(Bsn.isValid("123456789")).isFalse();
    }

    @Test
    void rejectsWeightedSumZeroAlthoughItIsDivisibleByEleven() {
        // 2*1 - 2 = 0: passes the bare arithmetic, but such numbers are never issued.
        assertThat(Bsn.isValid("000000012")).isFalse();
        assertThat(Bsn.isValid("000000000")).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"12345678", "1234567820", "12345678a", "12345 782", " 123456782", "١٢٣٤٥٦٧٨٢"})
    void rejectsWrongShapes(String candidate) {
        assertThat(Bsn.isValid(candidate)).isFalse();
    }

    @Test
    void shapeCheckIsSeparateFromTheElfproef() {
        assertThat(Bsn.hasNineDigits("123456789")).isTrue();
        assertThat(Bsn.hasNineDigits("12345678")).isFalse();
        assertThat(Bsn.hasNineDigits("12345678x")).isFalse();
    }
}
