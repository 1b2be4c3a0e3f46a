package nl.koppelpunt.connectors.intake;

import java.util.UUID;

import nl.koppelpunt.connectors.bericht.BerichtStatus;

/**
 * What the hub answers once a message is durable: its own id, the status, and whether this was a repeat of an
 * earlier request with the same idempotency key (then nothing new was created).
 */
public record IntakeReceipt(UUID berichtId, BerichtStatus status, boolean herhaald) {
}
