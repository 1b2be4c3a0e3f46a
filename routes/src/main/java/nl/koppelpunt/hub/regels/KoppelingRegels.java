package nl.koppelpunt.hub.regels;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import nl.koppelpunt.schemas.Berichttype;

/**
 * Rule 5 and the release half of rule 3: a koppeling message updates the registry; a new gekoppelde gemeente gets the
 * latest screening and klantprofiel, the old one an ontkoppeling, and what waited for a koppeling is released.
 */
final class KoppelingRegels {

    private KoppelingRegels() {
    }

    static String verwerk(Ronde ronde, BerichtRef bericht, JsonNode koppeling) {
        String p = bericht.onderwerpPseudoniem();
        String gemeente = koppeling.path("gemeentecode").asText();
        LocalDate datum = LocalDate.parse(koppeling.path("datum").asText());
        Optional<Koppelingstand> huidig = ronde.opslag.actieveKoppeling(p);
        boolean bijDezeGemeente = huidig.map(k -> k.gemeentecode().equals(gemeente)).orElse(false);

        if ("ontkoppeling".equals(koppeling.path("soort").asText())) {
            if (!bijDezeGemeente) {
                return "geen actieve koppeling met deze gemeente; niets gewijzigd";
            }
            ronde.opslag.beeindigKoppeling(p, datum, bericht.id());
            ontkoppeld(ronde, p, gemeente, Kennisgevingen.ontkoppeling(koppeling, gemeente, "ontkoppeld"));
            return "koppeling beëindigd";
        }
        if (bijDezeGemeente) {
            return "koppeling ongewijzigd";
        }
        huidig.ifPresent(oud -> {
            ronde.opslag.beeindigKoppeling(p, datum, bericht.id());
            ontkoppeld(ronde, p, oud.gemeentecode(), Kennisgevingen.ontkoppeling(koppeling, oud.gemeentecode(), "herkoppeld"));
        });
        ronde.opslag.beginKoppeling(p, new Koppelingstand(gemeente, tekst(koppeling, "arbeidsmarktregio"),
                tekst(koppeling, "azc"), datum), bericht.id());
        List<UUID> vrijgekomen = ronde.opslag.ontparkeer(p, Parkeerreden.GEEN_KOPPELING, null);
        ronde.routeerLaatsteVan(p, vrijgekomen, Regels.NA_KOPPELING);
        return huidig.isPresent() ? "herkoppeld" : "gekoppeld";
    }

    /** What was on its way to, or waiting for, the gemeente that lost the person is dropped; it gets a notice. */
    private static void ontkoppeld(Ronde ronde, String p, String gemeente, byte[] notice) {
        ronde.opslag.geplandeBezorgingen(p, gemeente).stream().filter(b -> !b.isKennisgeving())
                .forEach(b -> ronde.vervalBezorging(b, Vervalreden.NIET_MEER_GEKOPPELD));
        for (Parkeerreden reden : List.of(Parkeerreden.GEEN_TOESTEMMING, Parkeerreden.GEMEENTE_NIET_AANGESLOTEN)) {
            ronde.opslag.ontparkeer(p, reden, gemeente).forEach(id -> ronde.verval(id, Vervalreden.NIET_MEER_GEKOPPELD));
        }
        if (ronde.partners.gemeente(gemeente).isPresent()) {
            ronde.kennisgeving(Berichttype.ONTKOPPELING, p, gemeente, notice);
        }
    }

    private static String tekst(JsonNode node, String veld) {
        return node.hasNonNull(veld) ? node.get(veld).asText() : null;
    }
}
