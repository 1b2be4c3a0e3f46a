package nl.koppelpunt.hub.bericht;

import java.util.UUID;

import nl.koppelpunt.connectors.bericht.BerichtStatus;

/**
 * The outcome of storing a message: the id that counts (the original one for a repeat), its status, whether this
 * was a repeat, and whether it still has to be queued (new, or a repeat whose first attempt never reached the queue).
 */
public record Opslagresultaat(UUID id, String berichttype, String onderwerpPseudoniem, BerichtStatus status,
                              boolean herhaald, boolean inWachtrijZetten) {
}
