package nl.koppelpunt.connectors.bericht;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A message's metadata and timeline, as served by {@code GET /api/v1/berichten/{berichtId}}. Never the payload. */
public record BerichtOverzicht(UUID berichtId, String berichttype, String afzender, String kanaal,
                               String idempotencyKey, BerichtStatus status, OffsetDateTime ontvangenOp,
                               List<Gebeurtenis> gebeurtenissen) {

    /** One entry of the message's event log; an absent explanation is left out rather than sent as null. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Gebeurtenis(String soort, OffsetDateTime tijdstip, String toelichting) {
    }
}
