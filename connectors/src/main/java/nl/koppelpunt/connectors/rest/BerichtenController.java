package nl.koppelpunt.connectors.rest;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import nl.koppelpunt.connectors.autorisatie.Autorisatie;
import nl.koppelpunt.connectors.autorisatie.Eigenaar;
import nl.koppelpunt.connectors.autorisatie.Operatie;
import nl.koppelpunt.connectors.bericht.BerichtOverzicht;
import nl.koppelpunt.connectors.bericht.BerichtenQuery;
import nl.koppelpunt.connectors.partner.Partner;

/**
 * {@code GET /api/v1/berichten/{berichtId}}: status and timeline of a message, never its content (operation
 * {@code status-lezen}). A partner sees only what it sent; someone else's message answers 404 exactly like a missing
 * one, so ids cannot be probed; administrators and operators see every message; auditors none (403).
 */
@RestController
@RequestMapping("/api/v1/berichten")
public class BerichtenController {

    private final BerichtenQuery berichten;

    public BerichtenController(BerichtenQuery berichten) {
        this.berichten = berichten;
    }

    @GetMapping("/{berichtId}")
    @Vereist(Operatie.STATUS_LEZEN)
    public ResponseEntity<BerichtOverzicht> get(@PathVariable UUID berichtId, HttpServletRequest request) {
        Partner partner = ClientCertificateFilter.partnerOf(request);
        return berichten.find(berichtId)
                .filter(bericht -> Autorisatie.mag(partner, Operatie.STATUS_LEZEN, Eigenaar.partner(bericht.afzender())))
                .map(ResponseEntity::ok)
                .orElseThrow(() -> new NotFoundException("Bericht " + berichtId + " bestaat niet of is niet van u."));
    }
}
