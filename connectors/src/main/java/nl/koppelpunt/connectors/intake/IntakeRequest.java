package nl.koppelpunt.connectors.intake;

import java.util.Objects;

import nl.koppelpunt.connectors.partner.Partner;
import nl.koppelpunt.schemas.Berichttype;

/**
 * A message as it arrives on any channel, before validation: the canonical hand-over from a transport adapter
 * (REST now; SOAP and SFTP later) to the hub's intake flow.
 *
 * @param afzender       the authenticated sender
 * @param type           the message type the channel says it is
 * @param idempotencyKey the sender's own message id
 * @param kanaal         the channel it came in on ({@code rest}, {@code soap}, {@code sftp})
 * @param inhoud         the raw JSON bytes, bounded in size by the adapter
 * @param traceparent    the W3C trace context the sender passed (may be null or invalid: then a new trace starts)
 */
public record IntakeRequest(Partner afzender, Berichttype type, String idempotencyKey, String kanaal, byte[] inhoud,
                            String traceparent) {

    public IntakeRequest(Partner afzender, Berichttype type, String idempotencyKey, String kanaal, byte[] inhoud) {
        this(afzender, type, idempotencyKey, kanaal, inhoud, null);
    }

    public IntakeRequest {
        Objects.requireNonNull(afzender, "afzender");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(kanaal, "kanaal");
        Objects.requireNonNull(inhoud, "inhoud");
    }
}
