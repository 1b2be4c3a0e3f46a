package nl.koppelpunt.connectors.beheer;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import nl.koppelpunt.connectors.autorisatie.Operatie;
import nl.koppelpunt.connectors.intake.IntakeException;
import nl.koppelpunt.connectors.intake.Probleem;
import nl.koppelpunt.connectors.logboek.Verwerkingslogboek;
import nl.koppelpunt.connectors.rest.ClientCertificateFilter;
import nl.koppelpunt.connectors.rest.Vereist;
import nl.koppelpunt.schemas.Berichttype;
import nl.koppelpunt.schemas.Violation;

/**
 * {@code /api/v1/beheer}: parked and failed messages, replay, and partner reload. Who may do what is the
 * authorisation matrix's (beheerder: all three; operator: view and replay); the lists show metadata, never content.
 * Every operation here spans all partners' messages, so it needs the cell {@code alle}.
 */
@RestController
@RequestMapping("/api/v1/beheer")
public class BeheerController {

    private static final Set<String> REDENEN = Set.of("geen-koppeling", "geen-toestemming", "gemeente-niet-aangesloten");

    private final Beheer beheer;
    private final Verwerkingslogboek logboek;

    public BeheerController(Beheer beheer, Verwerkingslogboek logboek) {
        this.beheer = beheer;
        this.logboek = logboek;
    }

    @GetMapping("/geparkeerd")
    @Vereist(value = Operatie.OVERZICHT_LEZEN, alle = true)
    public Map<String, List<Beheer.Parkering>> geparkeerd(
            @RequestParam(required = false) String berichttype, @RequestParam(required = false) String gemeentecode,
            @RequestParam(required = false) String reden,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime vanaf,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime tot,
            @RequestParam(defaultValue = "100") int limit, HttpServletRequest request) {
        List<Beheer.Parkering> items = beheer.geparkeerd(filter(berichttype, gemeentecode, reden, null, vanaf, tot, limit));
        // Seeing which person's message waits where is a processing of that person: recorded per message.
        logboek.ingezien(items.stream().map(Beheer.Parkering::berichtId).toList(), ClientCertificateFilter.partnerOf(request).id());
        return Map.of("items", items);
    }

    @GetMapping("/mislukt")
    @Vereist(value = Operatie.OVERZICHT_LEZEN, alle = true)
    public Map<String, List<Beheer.Mislukt>> mislukt(
            @RequestParam(required = false) String berichttype, @RequestParam(required = false) String gemeentecode,
            @RequestParam(required = false) String abonnement,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime vanaf,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime tot,
            @RequestParam(defaultValue = "100") int limit, HttpServletRequest request) {
        List<Beheer.Mislukt> items = beheer.mislukt(filter(berichttype, gemeentecode, null, abonnement, vanaf, tot, limit));
        logboek.ingezien(items.stream().map(Beheer.Mislukt::berichtId).toList(), ClientCertificateFilter.partnerOf(request).id());
        return Map.of("items", items);
    }

    @PostMapping("/berichten/{berichtId}/herhalen")
    @Vereist(value = Operatie.HERHALEN, alle = true)
    public ResponseEntity<Map<String, Object>> herhaal(@PathVariable UUID berichtId) {
        int herhaald = beheer.herhaal(berichtId);
        if (herhaald == 0) {
            throw new NothingToReplayException("Bericht " + berichtId + " is niet geparkeerd en heeft niets mislukts.");
        }
        return ResponseEntity.accepted().body(Map.of("berichtId", berichtId, "herhaald", herhaald));
    }

    @PostMapping("/herhalen")
    @Vereist(value = Operatie.HERHALEN, alle = true)
    public ResponseEntity<Map<String, Integer>> herhaalAlle(@RequestBody HerhaalOpdracht opdracht) {
        if (!Set.of("geparkeerd", "mislukt").contains(opdracht.soort())) {
            throw ongeldig("/soort", "Verwacht geparkeerd of mislukt.");
        }
        Beheer.Filter filter = filter(opdracht.berichttype(), opdracht.gemeentecode(), opdracht.reden(),
                opdracht.abonnement(), opdracht.vanaf(), opdracht.tot(), 1000);
        return ResponseEntity.accepted().body(Map.of("herhaald", beheer.herhaalAlle(opdracht.soort(), filter)));
    }

    @PostMapping("/partners/herladen")
    @Vereist(value = Operatie.PARTNERS_HERLADEN, alle = true)
    public Beheer.Herladen herlaad() {
        return beheer.herlaadPartners();
    }

    /** The body of {@code POST /beheer/herhalen}. */
    public record HerhaalOpdracht(String soort, String berichttype, String gemeentecode, String reden, String abonnement,
                                  OffsetDateTime vanaf, OffsetDateTime tot) {
    }

    private static Beheer.Filter filter(String berichttype, String gemeentecode, String reden, String abonnement,
                                        OffsetDateTime vanaf, OffsetDateTime tot, int limit) {
        if (berichttype != null && Berichttype.fromCode(berichttype).isEmpty()) {
            throw ongeldig("berichttype", "Onbekend berichttype.");
        }
        if (reden != null && !REDENEN.contains(reden)) {
            throw ongeldig("reden", "Verwacht geen-koppeling, geen-toestemming of gemeente-niet-aangesloten.");
        }
        if (gemeentecode != null && !gemeentecode.matches("^GM[0-9]{4}$")) {
            throw ongeldig("gemeentecode", "Verwacht GM gevolgd door vier cijfers.");
        }
        if (limit < 1 || limit > 1000) {
            throw ongeldig("limit", "Verwacht 1 tot en met 1000.");
        }
        return new Beheer.Filter(berichttype, gemeentecode, reden, abonnement, vanaf, tot, limit);
    }

    private static IntakeException ongeldig(String naam, String reden) {
        return new IntakeException(Probleem.ONGELDIG_VERZOEK, "Ongeldige zoekvraag.", List.of(new Violation(naam, reden)));
    }
}
