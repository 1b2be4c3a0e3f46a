package nl.koppelpunt.hub.regio;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import nl.koppelpunt.connectors.autorisatie.Operatie;
import nl.koppelpunt.connectors.intake.IntakeException;
import nl.koppelpunt.connectors.intake.Probleem;
import nl.koppelpunt.connectors.rest.Vereist;
import nl.koppelpunt.hub.regio.Onderdrukking.Telling;
import nl.koppelpunt.schemas.Violation;

/**
 * {@code GET /api/v1/arbeidsmarktregios/{code}/statistieken}: per gemeente of the region, how many vergunninghouders
 * are gekoppeld, gave consent, had their profile delivered, or have a message parked, and per sector of their latest
 * screening; small counts suppressed
 * ({@link Onderdrukking}). Aggregated and without personal data, so every partner organisation may read every region.
 */
@RestController
public class RegiostatistiekController {

    private static final Pattern REGIO = Pattern.compile("^AM[0-9]{2}$");

    private final RegiostatistiekRepository opslag;
    private final Onderdrukking onderdrukking;

    public RegiostatistiekController(RegiostatistiekRepository opslag,
                                     @Value("${koppelpunt.statistiek.drempel:5}") int drempel) {
        this.opslag = opslag;
        this.onderdrukking = new Onderdrukking(drempel);
    }

    /** The answer; deliberately without totals over gemeenten (they would give suppressed cells away). */
    public record Regiostatistiek(String arbeidsmarktregio, int drempel, List<Gemeente> gemeenten) {
    }

    /** One gemeente's row. */
    public record Gemeente(String gemeentecode, Telling gekoppeld, Telling toestemming, Telling profielBezorgd,
                           Telling geparkeerd, Map<String, Telling> sectoren) {
    }

    @GetMapping("/api/v1/arbeidsmarktregios/{code}/statistieken")
    @Vereist(value = Operatie.REGIOSTATISTIEK_LEZEN, alle = true)
    public Regiostatistiek statistieken(@PathVariable String code) {
        if (!REGIO.matcher(code).matches()) {
            throw new IntakeException(Probleem.ONGELDIG_VERZOEK, "Ongeldig verzoek.",
                    List.of(new Violation("code", "Verwacht AM gevolgd door twee cijfers, bijvoorbeeld AM12.")));
        }
        Map<String, Map<String, Long>> sectoren = opslag.sectorenPerGemeente(code);
        List<Gemeente> gemeenten = opslag.perGemeente(code).stream().map(t -> new Gemeente(t.gemeentecode(),
                onderdrukking.gekoppeld(t.gekoppeld()), onderdrukking.deelVan(t.toestemming(), t.gekoppeld()),
                onderdrukking.deelVan(t.profielBezorgd(), t.gekoppeld()), onderdrukking.deelVan(t.geparkeerd(), t.gekoppeld()),
                sectoren(sectoren.getOrDefault(t.gemeentecode(), Map.of()), t.gekoppeld())))
                .toList();
        return new Regiostatistiek(code, onderdrukking.drempel(), gemeenten);
    }

    /**
     * Every sector of the contract's list, always: listing only the sectors someone named would say, through a
     * suppressed cell, that at least one person named it.
     */
    private Map<String, Telling> sectoren(Map<String, Long> tellingen, long gekoppeld) {
        Map<String, Telling> uit = new LinkedHashMap<>();
        for (String sector : ScreeningSectoren.SECTOREN) {
            uit.put(sector, onderdrukking.deelVan(tellingen.getOrDefault(sector, 0L), gekoppeld));
        }
        return uit;
    }
}
