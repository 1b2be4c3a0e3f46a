package nl.koppelpunt.hub.regio;

import java.util.List;
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
 * are gekoppeld, gave consent, had their profile delivered, or have a message parked; small counts suppressed
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
                           Telling geparkeerd) {
    }

    @GetMapping("/api/v1/arbeidsmarktregios/{code}/statistieken")
    @Vereist(value = Operatie.REGIOSTATISTIEK_LEZEN, alle = true)
    public Regiostatistiek statistieken(@PathVariable String code) {
        if (!REGIO.matcher(code).matches()) {
            throw new IntakeException(Probleem.ONGELDIG_VERZOEK, "Ongeldig verzoek.",
                    List.of(new Violation("code", "Verwacht AM gevolgd door twee cijfers, bijvoorbeeld AM12.")));
        }
        List<Gemeente> gemeenten = opslag.perGemeente(code).stream().map(t -> new Gemeente(t.gemeentecode(),
                onderdrukking.gekoppeld(t.gekoppeld()), onderdrukking.deelVan(t.toestemming(), t.gekoppeld()),
                onderdrukking.deelVan(t.profielBezorgd(), t.gekoppeld()), onderdrukking.deelVan(t.geparkeerd(), t.gekoppeld())))
                .toList();
        return new Regiostatistiek(code, onderdrukking.drempel(), gemeenten);
    }
}
