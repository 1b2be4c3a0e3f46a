package nl.koppelpunt.connectors.bericht;

import java.util.Optional;
import java.util.UUID;

/** Read side of the transaction log, implemented by the hub. */
public interface BerichtenQuery {

    Optional<BerichtOverzicht> find(UUID berichtId);
}
