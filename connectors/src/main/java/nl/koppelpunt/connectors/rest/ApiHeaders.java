package nl.koppelpunt.connectors.rest;

/** HTTP header names of Koppelpunt's REST API. */
public final class ApiHeaders {

    /** The API's full version on every response, per the Logius API Design Rules (/core/version-header). */
    public static final String API_VERSION = "API-Version";
    /** The sender's own message id; repeats with the same key and body create nothing new. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** {@code true} on a 202 that answers a repeat of an earlier request with the same key. */
    public static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";
    /** The API version served; kept in step with {@code info.version} of the published OpenAPI document. */
    public static final String VERSION = "1.0.0";

    private ApiHeaders() {
    }
}
