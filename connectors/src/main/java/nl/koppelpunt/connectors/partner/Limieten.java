package nl.koppelpunt.connectors.partner;

/**
 * A partner's intake limits: a token bucket ({@code verzoekenPerSeconde} refilled continuously, at most {@code burst}
 * at once) and the largest request body. In a partner file every field is optional: a {@code null} here means "the
 * global default" ({@code koppelpunt.intake.*}), filled in with {@link #aangevuldMet(Limieten)}.
 *
 * @param verzoekenPerSeconde sustained requests per second
 * @param burst               requests allowed at once after a quiet spell (the bucket's capacity)
 * @param maxBodyBytes        the largest request body in bytes
 */
public record Limieten(Long verzoekenPerSeconde, Long burst, Integer maxBodyBytes) {

    /** Upper bounds that catch a typo (an extra zero) before it lets one partner swamp the hub or its memory. */
    public static final long MAX_VERZOEKEN_PER_SECONDE = 100_000;
    public static final long MAX_BURST = 1_000_000;
    /** A body is buffered in memory before validation. */
    public static final int MAX_BODY_BYTES = 64 * 1024 * 1024;

    /** Nothing set: every limit is the global default. */
    public static final Limieten STANDAARD = new Limieten(null, null, null);

    public Limieten {
        check(verzoekenPerSeconde == null || (verzoekenPerSeconde >= 1 && verzoekenPerSeconde <= MAX_VERZOEKEN_PER_SECONDE),
                "verzoeken-per-seconde must be a whole number from 1 to " + MAX_VERZOEKEN_PER_SECONDE + ", not " + verzoekenPerSeconde);
        check(burst == null || (burst >= 1 && burst <= MAX_BURST),
                "burst must be a whole number from 1 to " + MAX_BURST + ", not " + burst);
        check(maxBodyBytes == null || (maxBodyBytes >= 1 && maxBodyBytes <= MAX_BODY_BYTES),
                "max-body-bytes must be a whole number from 1 to " + MAX_BODY_BYTES + ", not " + maxBodyBytes);
    }

    /** These limits, with every field that is not set taken from {@code standaard}. */
    public Limieten aangevuldMet(Limieten standaard) {
        return new Limieten(verzoekenPerSeconde != null ? verzoekenPerSeconde : standaard.verzoekenPerSeconde,
                burst != null ? burst : standaard.burst,
                maxBodyBytes != null ? maxBodyBytes : standaard.maxBodyBytes);
    }

    /** True when every field is set (the global defaults, or a partner's limits after {@link #aangevuldMet}). */
    public boolean volledig() {
        return verzoekenPerSeconde != null && burst != null && maxBodyBytes != null;
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
