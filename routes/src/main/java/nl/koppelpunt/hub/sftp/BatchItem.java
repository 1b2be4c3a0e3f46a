package nl.koppelpunt.hub.sftp;

import java.util.List;

import nl.koppelpunt.connectors.intake.Probleem;
import nl.koppelpunt.schemas.Violation;

/**
 * One message read from a batch file: its position, the sender's id and the message as JSON bytes; or why it could
 * not be read.
 *
 * @param regel     the line it starts on (NDJSON: its line; XML: the line of its {@code <bericht>})
 * @param element   XML only: the index of its {@code <bericht>} in the batch, from 1; null for NDJSON
 * @param id        the sender's id for it (the idempotency key), or null when missing or unusable
 * @param bericht   the message in its JSON form, or null when it could not be read
 * @param probleem  why it could not be read, or null
 */
record BatchItem(int regel, Integer element, String id, byte[] bericht, Probleem probleem, String detail,
                 List<Violation> violations) {

    static BatchItem bericht(int regel, Integer element, String id, byte[] bericht) {
        return new BatchItem(regel, element, id, bericht, null, null, List.of());
    }

    static BatchItem fout(int regel, Integer element, String id, Probleem probleem, String detail, List<Violation> violations) {
        return new BatchItem(regel, element, id, null, probleem, detail, violations);
    }

    BatchItem metFout(Probleem probleem, String detail, List<Violation> violations) {
        return fout(regel, element, id, probleem, detail, violations);
    }
}
