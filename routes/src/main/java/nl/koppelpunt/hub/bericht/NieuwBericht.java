package nl.koppelpunt.hub.bericht;

import java.util.UUID;

/** A validated message about to be written to the transaction log. */
public record NieuwBericht(UUID id, String berichttype, String afzender, String kanaal, String idempotencyKey,
                           byte[] inhoudHash, byte[] inhoud, String onderwerpPseudoniem,
                           Integer profielversie, String traceId, String spanId) {
}
