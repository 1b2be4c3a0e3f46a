package nl.koppelpunt.connectors.bericht;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A message's metadata, timeline, deliveries and parkings, as served by {@code GET /api/v1/berichten/{berichtId}}:
 * where it is and why. Never the payload.
 */
public record BerichtOverzicht(UUID berichtId, String berichttype, String afzender, String kanaal,
                               String idempotencyKey, BerichtStatus status, OffsetDateTime ontvangenOp,
                               List<Gebeurtenis> gebeurtenissen, List<BezorgingOverzicht> bezorgingen,
                               List<ParkeringOverzicht> parkeringen) {

    /** One entry of the message's event log; an absent explanation is left out rather than sent as null. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Gebeurtenis(String soort, OffsetDateTime tijdstip, String toelichting) {
    }

    /** One delivery to one subscription. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BezorgingOverzicht(UUID bezorgingId, String abonnement, String gemeentecode, String status,
                                     int pogingen, String laatsteFout, String reden, OffsetDateTime bezorgdOp) {
    }

    /** Why and until when the message waits. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ParkeringOverzicht(String reden, String gemeentecode, OffsetDateTime geparkeerdOp,
                                     OffsetDateTime verlooptOp) {
    }
}
