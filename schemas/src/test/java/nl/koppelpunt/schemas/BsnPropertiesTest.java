package nl.koppelpunt.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The 11-proef detects every single-digit error; these properties pin that down. */
class BsnPropertiesTest {

    @Property
    void everyPrefixHasAtMostOneCheckDigit(@ForAll("prefixes") String prefix) {
        long valid = IntStream.rangeClosed(0, 9).filter(d -> Bsn.isValid(prefix + d)).count();
        assertThat(valid).isLessThanOrEqualTo(1);
    }

    @Property
    void changingOneDigitOfAValidBsnMakesItInvalid(@ForAll("validBsns") String bsn,
            @ForAll @IntRange(min = 0, max = 8) int position, @ForAll @IntRange(min = 1, max = 9) int shift) {
        int digit = bsn.charAt(position) - '0';
        char changed = (char) ('0' + (digit + shift) % 10);
        String mutated = bsn.substring(0, position) + changed + bsn.substring(position + 1);
        assertThat(Bsn.isValid(mutated)).isFalse();
    }

    @Provide
    Arbitrary<String> prefixes() {
        return Arbitraries.strings().withCharRange('0', '9').ofLength(8);
    }

    /** Valid numbers built from a random prefix and its check digit, when it has one. */
    @Provide
    Arbitrary<String> validBsns() {
        return prefixes()
                .map(prefix -> IntStream.rangeClosed(0, 9).mapToObj(d -> prefix + d)
                        .filter(Bsn::isValid).findFirst().orElse(null))
                .filter(bsn -> bsn != null);
    }
}
