package nl.koppelpunt.hub;

/**
 * Names of Camel headers and exchange properties used by the hub's routes. Headers travel with a message over JMS;
 * properties stay inside one route run (so nothing personal is copied onto the broker by accident).
 */
public final class KoppelpuntHeaders {

    /** Header: the hub's id of the message (UUID string); the JMS body carries the same id. */
    public static final String BERICHT_ID = "KoppelpuntBerichtId";
    /** Header: the message type code, e.g. {@code klantprofiel}. */
    public static final String BERICHTTYPE = "KoppelpuntBerichttype";
    /** Header: JMS message group, the pseudonym of the person, so one person's messages keep their order. */
    public static final String GROEP = "JMSXGroupID";

    /** Header: the delivery id (UUID string); also the Idempotency-Key the receiver sees. */
    public static final String BEZORGING_ID = "KoppelpuntBezorgingId";
    /** Header: the subscription a delivery is for. */
    public static final String ABONNEMENT = "KoppelpuntAbonnement";

    /** Property: the {@code IntakeRequest} being taken in. */
    public static final String INTAKE_VERZOEK = "KoppelpuntIntakeVerzoek";
    /** Property: the parsed and validated message ({@code JsonNode}). */
    public static final String BERICHT_JSON = "KoppelpuntBerichtJson";
    /** Property: the {@code IntakeReceipt} to answer the sender with. */
    public static final String ONTVANGSTBEWIJS = "KoppelpuntOntvangstbewijs";
    /** Property: true when the stored message still has to be queued (new, or a repeat that never made it). */
    public static final String IN_WACHTRIJ_ZETTEN = "KoppelpuntInWachtrijZetten";

    /** Property: the moment the message was handed to the broker ({@code Instant}), recorded as its queue time. */
    public static final String IN_WACHTRIJ_OP = "KoppelpuntInWachtrijOp";

    /** Property: true when the rules allow the delivery now (re-checked before every attempt). */
    public static final String MAG_BEZORGEN = "KoppelpuntMagBezorgen";
    /** Property: the span id of the current delivery attempt (sent as traceparent, recorded in the processing log). */
    public static final String SPAN_ID = "KoppelpuntSpanId";
    /** Property: true once the receiver answered 2xx. */
    public static final String BEZORGD = "KoppelpuntBezorgd";

    private KoppelpuntHeaders() {
    }
}
