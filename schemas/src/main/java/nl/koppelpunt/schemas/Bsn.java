package nl.koppelpunt.schemas;

/**
 * The burgerservicenummer (BSN) check: exactly 9 digits that pass the 11-proef.
 *
 * <p>The 11-proef for a BSN weighs the digits d1..d9 with 9, 8, 7, 6, 5, 4, 3, 2 and -1:
 * {@code (9*d1 + 8*d2 + 7*d3 + 6*d4 + 5*d5 + 4*d6 + 3*d7 + 2*d8 - 1*d9) % 11 == 0}.
 *
 * <p>Decision: a weighted sum of exactly 0 is REJECTED, although 0 is divisible by 11. Such a
 * sum only arises from (nearly) all-zero numbers such as {@code 000000012} or
 * {@code 000000000}, which are never issued; accepting them would let placeholder values
 * through as if they identified a person. The same rule is documented in the description of
 * the {@code bsn} definition in {@code common.schema.json}.
 *
 * <p>A BSN is personal data: this class never logs or echoes the value.
 */
public final class Bsn {

    /** Number of digits of a BSN. */
    public static final int LENGTH = 9;

    private Bsn() {
    }

    /**
     * Whether the text is a valid BSN.
     *
     * @param candidate the text to check; {@code null} is invalid
     * @return true when it has exactly 9 ASCII digits, a weighted sum that is not 0 and
     *     passes the 11-proef
     */
    public static boolean isValid(String candidate) {
        if (!hasNineDigits(candidate)) {
            return false;
        }
        int sum = weightedSum(candidate);
        return sum != 0 && sum % 11 == 0;
    }

    /**
     * Whether the text has the shape of a BSN (exactly 9 ASCII digits), without the 11-proef.
     *
     * @param candidate the text to check; {@code null} has no such shape
     * @return true for exactly 9 characters '0'..'9'
     */
    public static boolean hasNineDigits(String candidate) {
        if (candidate == null || candidate.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = candidate.charAt(i);
            // Character.isDigit would also accept Arabic-Indic and other Unicode digits.
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int weightedSum(String digits) {
        int sum = 0;
        for (int i = 0; i < LENGTH - 1; i++) {
            sum += (LENGTH - i) * (digits.charAt(i) - '0');
        }
        return sum - (digits.charAt(LENGTH - 1) - '0');
    }
}
