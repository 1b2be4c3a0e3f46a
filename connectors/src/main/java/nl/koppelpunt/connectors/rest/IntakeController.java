package nl.koppelpunt.connectors.rest;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import nl.koppelpunt.connectors.autorisatie.Operatie;
import nl.koppelpunt.connectors.intake.IntakeException;
import nl.koppelpunt.connectors.intake.IntakeGateway;
import nl.koppelpunt.connectors.intake.IntakeReceipt;
import nl.koppelpunt.connectors.intake.IntakeRequest;
import nl.koppelpunt.connectors.intake.Probleem;
import nl.koppelpunt.schemas.Berichttype;
import nl.koppelpunt.schemas.Violation;

/**
 * REST intake: {@code POST /api/v1/{klantprofielen|screenings|koppelingen|toestemmingen|duo-inburgeringsstatussen}}. This adapter only does
 * what is HTTP-specific (collection → type, the Idempotency-Key header, the size limit, 202 + Location); validation,
 * authorisation and durability are the hub's intake flow, shared by every channel.
 */
@RestController
@RequestMapping("/api/v1")
public class IntakeController {

    private static final Map<String, Berichttype> COLLECTIES = Map.of(
            "klantprofielen", Berichttype.KLANTPROFIEL,
            "screenings", Berichttype.SCREENING,
            "koppelingen", Berichttype.KOPPELING,
            "toestemmingen", Berichttype.TOESTEMMING,
            "duo-inburgeringsstatussen", Berichttype.DUO_INBURGERINGSSTATUS);
    /** Printable, log-safe and bounded: the key is stored and shown back to the sender. */
    private static final Pattern KEY = Pattern.compile("^[A-Za-z0-9._:-]{1,128}$");

    private final IntakeGateway intake;
    private final int maxBodyBytes;

    public IntakeController(IntakeGateway intake, @Value("${koppelpunt.intake.max-body-bytes:1048576}") int maxBodyBytes) {
        this.intake = intake;
        this.maxBodyBytes = maxBodyBytes;
    }

    @PostMapping(path = "/{collectie:klantprofielen|screenings|koppelingen|toestemmingen|duo-inburgeringsstatussen}",
            consumes = {MediaType.APPLICATION_JSON_VALUE, "application/*+json"})
    @Vereist(Operatie.VERSTUREN)
    public ResponseEntity<IntakeAntwoord> post(@PathVariable String collectie,
                                               @RequestHeader(name = ApiHeaders.IDEMPOTENCY_KEY, required = false) String key,
                                               @RequestHeader(name = "traceparent", required = false) String traceparent,
                                               HttpServletRequest request) throws IOException {
        requireKey(key);
        byte[] body = BoundedBody.read(request, PartnerLimietFilter.maxBodyBytes(request, maxBodyBytes));
        IntakeReceipt receipt = intake.accept(new IntakeRequest(ClientCertificateFilter.partnerOf(request),
                COLLECTIES.get(collectie), key, "rest", body, traceparent));
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/berichten/" + receipt.berichtId()))
                .header(ApiHeaders.IDEMPOTENT_REPLAYED, Boolean.toString(receipt.herhaald()))
                .body(new IntakeAntwoord(receipt.berichtId().toString(), receipt.status().code()));
    }

    private static void requireKey(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            String reason = key == null ? "De header ontbreekt: geef het eigen berichtkenmerk van de afzender mee."
                    : "Gebruik 1 tot 128 tekens uit A-Z, a-z, 0-9 en . _ : -";
            throw new IntakeException(Probleem.ONGELDIG_VERZOEK, "Idempotency-Key ontbreekt of is ongeldig",
                    List.of(new Violation(ApiHeaders.IDEMPOTENCY_KEY, reason)));
        }
    }

    /** The 202 body. */
    public record IntakeAntwoord(String berichtId, String status) {
    }
}
