package nl.koppelpunt.connectors.autorisatie;

/**
 * What a partner can ask Koppelpunt to do; one axis of the authorisation matrix ({@link Autorisatie}). An operation
 * is either per message type ({@link #perBerichttype()}: the matrix has a cell per role and type) or about one
 * resource (one cell per role).
 */
public enum Operatie {
    /** Deliver a message of a type to the hub, over any channel (the intake is shared, so one cell covers REST, SOAP and SFTP). */
    VERSTUREN("versturen", true, "send a message of this type, over any channel, in its own name only"),
    /** Receive a message's content (payload). Only deliveries carry content; no API answer ever does. */
    INHOUD_LEZEN("inhoud-lezen", true, "receive the content of a message of this type: only by delivery to the own"
            + " subscriptions, never in an API answer"),
    /** Status and timeline of a message, {@code GET /berichten/{id}}; without content. Own = sent by the partner. */
    STATUS_LEZEN("status-lezen", false, "status and timeline of a message, without content (own: sent by the partner)"),
    /** Deliveries to a gemeente. Own = to the partner's own gemeente. No endpoint serves this yet. */
    BEZORGING_LEZEN("bezorging-lezen", false, "deliveries to a gemeente (own: to its own gemeente); no endpoint yet"),
    /** The lists of parked and failed messages ({@code /beheer/geparkeerd}, {@code /beheer/mislukt}): metadata only. */
    OVERZICHT_LEZEN("overzicht-lezen", false, "list parked and failed messages, without content"),
    /** Put parked or failed messages through the rules again ({@code /beheer/.../herhalen}). */
    HERHALEN("herhalen", false, "put parked and failed messages through the rules again"),
    /** Read the partner configuration again ({@code /beheer/partners/herladen}). */
    PARTNERS_HERLADEN("partners-herladen", false, "read the partner configuration again"),
    /** The processing log (who processed whose data, why, when), e.g. for a data subject's right of access. */
    VERWERKINGSLOG_LEZEN("verwerkingslog-lezen", false, "read the processing log, without message content"),
    /** DUO's quarterly inburgering results for all gemeenten ({@code PUT /inburgeringsresultaten/{kwartaal}}). */
    INBURGERINGSRESULTATEN_AANLEVEREN("inburgeringsresultaten-aanleveren", false,
            "deliver DUO's quarterly inburgering results (all gemeenten; a newer file replaces the quarter)"),
    /** DUO's inburgering results per gemeente. Own = the partner's own gemeente. */
    INBURGERINGSRESULTATEN_LEZEN("inburgeringsresultaten-lezen", false,
            "DUO's inburgering results (own: of its own gemeente)"),
    /** Aggregated figures per arbeidsmarktregio, small counts suppressed, without personal data. */
    REGIOSTATISTIEK_LEZEN("regiostatistiek-lezen", false, "aggregated figures per arbeidsmarktregio, small counts suppressed, no personal data"),
    /** The published contracts and the OpenAPI document: no data of anyone. */
    CONTRACT_LEZEN("contract-lezen", false, "the published contracts and OpenAPI document (no one's data)");

    private final String code;
    private final boolean perBerichttype;
    private final String omschrijving;

    Operatie(String code, boolean perBerichttype, String omschrijving) {
        this.code = code;
        this.perBerichttype = perBerichttype;
        this.omschrijving = omschrijving;
    }

    /** The stable kebab-case name, as in the documentation and the OpenAPI extension {@code x-koppelpunt-autorisatie}. */
    public String code() {
        return code;
    }

    /** Whether the matrix decides this operation per message type. */
    public boolean perBerichttype() {
        return perBerichttype;
    }

    /** One line for the documentation table. */
    public String omschrijving() {
        return omschrijving;
    }

    public static Operatie fromCode(String code) {
        for (Operatie operatie : values()) {
            if (operatie.code.equals(code)) {
                return operatie;
            }
        }
        throw new IllegalArgumentException("unknown operatie '" + code + "'");
    }
}
