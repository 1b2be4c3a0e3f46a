package nl.koppelpunt.connectors.pgp;

/** What the signature check of a decrypted PGP message found. A signature that does not verify is a {@link PgpFout}, not a value here. */
public enum PgpOndertekening {
    /** No signature in the message. */
    NIET_ONDERTEKEND,
    /** Signed by one of the trusted keys, and the signature verified over the whole content. */
    GELDIG,
    /** Signed, but by a key that is not among the trusted keys, so it could not be checked. */
    ONBEKENDE_ONDERTEKENAAR
}
