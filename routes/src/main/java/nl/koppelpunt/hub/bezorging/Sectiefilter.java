package nl.koppelpunt.hub.bezorging;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Data minimisation (rule 7): a department receives only the klantprofiel sections its subscription names. The
 * version, the date and the person's BSN always go, or the receiver could not tell whom and which version it holds.
 */
final class Sectiefilter {

    private static final Set<String> ALTIJD = Set.of("profielversie", "datum");

    private Sectiefilter() {
    }

    static ObjectNode filter(ObjectNode profiel, Set<String> secties) {
        ObjectNode uit = profiel.objectNode();
        profiel.fields().forEachRemaining(veld -> {
            if (ALTIJD.contains(veld.getKey()) || secties.contains(veld.getKey())) {
                uit.set(veld.getKey(), veld.getValue());
            }
        });
        if (!uit.has("persoonsgegevens")) {
            JsonNode bsn = profiel.path("persoonsgegevens").path("burgerservicenummer");
            uit.putObject("persoonsgegevens").set("burgerservicenummer", bsn);
        }
        return uit;
    }
}
