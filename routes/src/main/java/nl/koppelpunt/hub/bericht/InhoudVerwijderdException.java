package nl.koppelpunt.hub.bericht;

import java.util.UUID;

/**
 * The payload of a message is gone: erased after a withdrawal of consent, or past its retention. Only the metadata and
 * the timeline remain; nothing can be processed or delivered from it any more.
 */
public class InhoudVerwijderdException extends IllegalStateException {

    public InhoudVerwijderdException(UUID berichtId) {
        super("the payload of bericht " + berichtId + " has been erased (see its timeline: inhoud-verwijderd)");
    }
}
