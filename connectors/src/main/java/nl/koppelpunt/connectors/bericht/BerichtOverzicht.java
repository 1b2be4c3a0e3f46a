package nl.koppelpunt.connectors.bericht;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A message's metadata and timeline, as served by {@code GET /api/v1/berichten/{berichtId}}. Never the payload. */
public record BerichtOverzicht(UUID berichtId, String berichttype, String afzender, String kanaal,
                               String idempotencyKey, BerichtStatus status, OffsetDateTime ontvangenOp,
                               List<Gebeurtenis> gebeurtenissen) {

    /** One entry of the message's event log. */
    public record Gebeurtenis(String soort, OffsetDateTime tijdstip, String toelichting) {
    }
}
