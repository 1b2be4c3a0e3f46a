package nl.koppelpunt.connectors.logboek;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The processing log as the API offers it: the right of access for auditors, and recording what administrators saw. */
public interface Verwerkingslogboek {

    /**
     * Every processing of the person with this BSN, oldest first. The search itself is recorded as a processing
     * ({@code ingezien-door-auditor}) by {@code door}.
     *
     * @throws IllegalArgumentException never for a BSN: validation is the caller's
     */
    List<Verwerking> zoek(String bsn, String door);

    /** Records that an administrator ({@code door}) was shown these messages' metadata. */
    void ingezien(Collection<UUID> berichtIds, String door);

    /** One processing of one data subject (field names after Logboek Dataverwerkingen). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Verwerking(OffsetDateTime tijdstip, String handeling, String verwerkingsactiviteitId, String betrokkene,
                      UUID berichtId, String berichttype, String partner, String status, String traceId,
                      String spanId, String parentSpanId, String toelichting) {
    }
}
