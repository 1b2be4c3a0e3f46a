package nl.koppelpunt.connectors.beheer;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What administrators can see and do with parked and failed messages; implemented by the hub. */
public interface Beheer {

    List<Parkering> geparkeerd(Filter filter);

    List<Mislukt> mislukt(Filter filter);

    /**
     * Puts one message's parkings and failed deliveries (or its failed processing) back through the rules.
     *
     * @return how many parts were replayed; 0 when there was nothing to replay
     * @throws nl.koppelpunt.connectors.rest.NotFoundException when the message does not exist
     */
    int herhaal(UUID berichtId);

    /** Replays every parked ({@code geparkeerd}) or failed ({@code mislukt}) message that matches the filter. */
    int herhaalAlle(String soort, Filter filter);

    /** Reads the partner configuration again; what waited for a now onboarded gemeente is released. */
    Herladen herlaadPartners();

    /** Search criteria; null means any. */
    record Filter(String berichttype, String gemeentecode, String reden, String abonnement, OffsetDateTime vanaf,
                  OffsetDateTime tot, int limit) {
    }

    /** A parked message. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Parkering(UUID berichtId, String berichttype, String afzender, String reden, String gemeentecode,
                     OffsetDateTime geparkeerdOp, OffsetDateTime verlooptOp) {
    }

    /** A failed delivery, or a message whose processing failed (then without delivery and subscription). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Mislukt(UUID berichtId, UUID bezorgingId, String berichttype, String abonnement, String gemeentecode,
                   int pogingen, String laatsteFout, OffsetDateTime mislukteOp) {
    }

    /** The outcome of a reload. */
    record Herladen(int partners, int abonnementen) {
    }
}
