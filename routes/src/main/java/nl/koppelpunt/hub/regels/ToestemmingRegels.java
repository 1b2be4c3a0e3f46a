package nl.koppelpunt.hub.regels;

import java.time.LocalDate;

import com.fasterxml.jackson.databind.JsonNode;

import nl.koppelpunt.schemas.Berichttype;

/**
 * Rule 2's registry and rule 4: consent given releases the profiles that waited for it; consent withdrawn drops
 * every waiting or planned profile for that gemeente, deletes their payloads, and tells the gemeente, if it ever
 * received anything about the person (a gemeente that never had the person's data must not learn about them from a
 * withdrawal). An erased profile is not sent again after a new consent: COA sends a new version then.
 */
final class ToestemmingRegels {

    private ToestemmingRegels() {
    }

    static String verwerk(Ronde ronde, BerichtRef bericht, JsonNode toestemming) {
        String p = bericht.onderwerpPseudoniem();
        String gemeente = toestemming.path("gemeentecode").asText();
        boolean gegeven = "gegeven".equals(toestemming.path("status").asText());
        LocalDate einddatum = toestemming.hasNonNull("einddatum") ? LocalDate.parse(toestemming.get("einddatum").asText()) : null;
        ronde.opslag.zetToestemming(p, new Toestemmingstand(gemeente, toestemming.path("doel").asText(), gegeven,
                LocalDate.parse(toestemming.path("datum").asText()), einddatum), bericht.id());

        boolean gekoppeld = ronde.opslag.actieveKoppeling(p).map(k -> k.gemeentecode().equals(gemeente)).orElse(false);
        if (gegeven) {
            // Released or not, the gekoppelde gemeente should hold the latest profile now (again, after a withdrawal).
            java.util.List<java.util.UUID> vrijgekomen = ronde.opslag.ontparkeer(p, Parkeerreden.GEEN_TOESTEMMING, gemeente);
            if (gekoppeld) {
                ronde.routeerLaatsteVan(p, vrijgekomen, Regels.NA_TOESTEMMING);
            } else {
                vrijgekomen.forEach(id -> ronde.verval(id, Vervalreden.NIET_MEER_GEKOPPELD));
            }
            return "toestemming gegeven";
        }
        java.util.Set<java.util.UUID> ingetrokken = new java.util.LinkedHashSet<>();
        ronde.opslag.ontparkeer(p, Parkeerreden.GEEN_TOESTEMMING, gemeente).forEach(id -> {
            ronde.verval(id, Vervalreden.TOESTEMMING_INGETROKKEN);
            ingetrokken.add(id);
        });
        ronde.opslag.geplandeBezorgingen(p, gemeente).stream()
                .filter(b -> Regels.vraagtToestemming(b.type()))
                .forEach(b -> {
                    ronde.vervalBezorging(b, Vervalreden.TOESTEMMING_INGETROKKEN);
                    ingetrokken.add(b.berichtId());
                });
        // Erasure, not just a status: what waited for this gemeente is deleted (unless it still waits elsewhere).
        ingetrokken.forEach(id -> ronde.wisInhoud(id, Vervalreden.TOESTEMMING_INGETROKKEN));
        if (ronde.partners.gemeente(gemeente).isPresent() && (gekoppeld || ronde.opslag.ooitBezorgd(p, gemeente))) {
            ronde.kennisgeving(Berichttype.INTREKKING, p, gemeente, Kennisgevingen.intrekking(toestemming));
        }
        return "toestemming ingetrokken";
    }
}
