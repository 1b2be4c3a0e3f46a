package nl.koppelpunt.connectors.logboek;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import nl.koppelpunt.connectors.autorisatie.Operatie;
import nl.koppelpunt.connectors.intake.IntakeException;
import nl.koppelpunt.connectors.intake.Probleem;
import nl.koppelpunt.connectors.rest.ClientCertificateFilter;
import nl.koppelpunt.connectors.rest.Vereist;
import nl.koppelpunt.schemas.Bsn;
import nl.koppelpunt.schemas.Violation;

/**
 * The right of access (AVG art. 15) for auditors: every processing of one person, asked by BSN. The BSN travels in
 * the body of a POST, never in a URI (URIs end up in access logs and browser histories); the answer carries the
 * pseudonym and metadata, never message content.
 */
@RestController
public class VerwerkingenController {

    private final Verwerkingslogboek logboek;

    public VerwerkingenController(Verwerkingslogboek logboek) {
        this.logboek = logboek;
    }

    @PostMapping(path = "/api/v1/beheer/verwerkingen/zoeken", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Vereist(value = Operatie.VERWERKINGSLOG_LEZEN, alle = true)
    public Map<String, List<Verwerkingslogboek.Verwerking>> zoek(@RequestBody(required = false) Zoekvraag vraag,
                                                                 HttpServletRequest request) {
        String bsn = vraag == null ? null : vraag.burgerservicenummer();
        if (bsn == null || !Bsn.isValid(bsn)) {
            throw new IntakeException(Probleem.ONGELDIG_VERZOEK, "Ongeldige zoekvraag.", List.of(new Violation(
                    "/burgerservicenummer", bsn == null ? "Verplicht." : "Geen geldig burgerservicenummer (11-proef).")));
        }
        return Map.of("verwerkingen", logboek.zoek(bsn, ClientCertificateFilter.partnerOf(request).id()));
    }

    /** The body: the BSN of the person whose processings are asked for. */
    public record Zoekvraag(String burgerservicenummer) {

        /** Spring's web layer logs the body it read by this text (DEBUG): never with the BSN. */
        @Override
        public String toString() {
            return "Zoekvraag[burgerservicenummer=***]";
        }
    }
}
