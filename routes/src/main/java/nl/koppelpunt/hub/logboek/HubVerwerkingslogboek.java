package nl.koppelpunt.hub.logboek;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import nl.koppelpunt.connectors.logboek.Verwerkingslogboek;
import nl.koppelpunt.hub.privacy.Pseudonimiseerder;

/** The API's view of the processing log: looked up by pseudonym only; the BSN is used for the lookup and dropped. */
@Component
public class HubVerwerkingslogboek implements Verwerkingslogboek {

    private final Verwerkingslog log;
    private final Pseudonimiseerder pseudonimiseerder;

    public HubVerwerkingslogboek(Verwerkingslog log, Pseudonimiseerder pseudonimiseerder) {
        this.log = log;
        this.pseudonimiseerder = pseudonimiseerder;
    }

    @Override
    @Transactional
    public List<Verwerking> zoek(String bsn, String door) {
        String pseudoniem = pseudonimiseerder.pseudoniem(bsn);
        List<Verwerking> gevonden = log.van(pseudoniem);
        log.vastleggenVoorBetrokkene(pseudoniem, "ingezien-door-auditor", door, gevonden.size() + " verwerkingen");
        return gevonden;
    }

    @Override
    @Transactional
    public void ingezien(Collection<UUID> berichtIds, String door) {
        log.ingezien(berichtIds, door);
    }
}
