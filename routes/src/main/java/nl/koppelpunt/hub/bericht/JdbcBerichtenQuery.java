package nl.koppelpunt.hub.bericht;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import nl.koppelpunt.connectors.bericht.BerichtOverzicht;
import nl.koppelpunt.connectors.bericht.BerichtenQuery;

/** The REST adapter's view of the transaction log. */
@Component
public class JdbcBerichtenQuery implements BerichtenQuery {

    private final BerichtRepository repository;

    public JdbcBerichtenQuery(BerichtRepository repository) {
        this.repository = repository;
    }

    @Override
    public Optional<BerichtOverzicht> find(UUID berichtId) {
        return repository.overzicht(berichtId);
    }
}
