package nl.koppelpunt.connectors.pki;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;

class OinPropertiesTest {

    @Property
    void everyTwentyDigitStringIsValid(@ForAll @NumericChars @StringLength(20) String value) {
        assertThat(Oin.isValid(value)).isTrue();
    }

    @Property
    void digitStringsOfAnyOtherLengthAreInvalid(@ForAll @NumericChars @StringLength(max = 40) String value) {
        Assume.that(value.length() != 20);
        assertThat(Oin.isValid(value)).isFalse();
    }

    @Property
    void oneNonAsciiDigitAnywhereMakesItInvalid(@ForAll @NumericChars @StringLength(20) String digits,
            @ForAll("nonAsciiDigits") char other, @ForAll("positions") int position) {
        String value = digits.substring(0, position) + other + digits.substring(position + 1);
        assertThat(Oin.isValid(value)).isFalse();
    }

    @Provide
    Arbitrary<Character> nonAsciiDigits() {
        return Arbitraries.chars().filter(c -> c < '0' || c > '9');
    }

    @Provide
    Arbitrary<Integer> positions() {
        return Arbitraries.integers().between(0, 19);
    }
}
