package nl.koppelpunt.hub.intake;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

import nl.koppelpunt.connectors.intake.IntakeReceipt;
import nl.koppelpunt.connectors.intake.IntakeRequest;
import nl.koppelpunt.hub.KoppelpuntHeaders;
import nl.koppelpunt.hub.bericht.BerichtRepository;
import nl.koppelpunt.hub.bericht.NieuwBericht;
import nl.koppelpunt.hub.bericht.Opslagresultaat;
import nl.koppelpunt.hub.logboek.Traceparent;
import nl.koppelpunt.hub.privacy.Pseudonimiseerder;

/**
 * Commits the validated message to the transaction log (idempotent per sender and key) and prepares the receipt.
 * Ids are UUIDv7: time-ordered, so the primary key index stays compact under a high insert rate.
 */
@Component
public class IntakeOpslag implements Processor {

    private static final TimeBasedEpochGenerator IDS = Generators.timeBasedEpochGenerator();

    private final BerichtRepository repository;
    private final Pseudonimiseerder pseudonimiseerder;
    private final StrictJson json;

    public IntakeOpslag(BerichtRepository repository, Pseudonimiseerder pseudonimiseerder, StrictJson json) {
        this.repository = repository;
        this.pseudonimiseerder = pseudonimiseerder;
        this.json = json;
    }

    @Override
    public void process(Exchange exchange) {
        IntakeRequest request = exchange.getProperty(KoppelpuntHeaders.INTAKE_VERZOEK, IntakeRequest.class);
        JsonNode message = exchange.getProperty(KoppelpuntHeaders.BERICHT_JSON, JsonNode.class);
        String bsn = message.at(request.type().subjectPointer()).asText();
        UUID id = IDS.generate();
        // The sender's trace continues here; the intake is a span of its own, the parent of all later processing.
        Traceparent trace = Traceparent.parse(request.traceparent()).map(Traceparent::kind).orElseGet(Traceparent::nieuw);
        Opslagresultaat result = repository.opslaan(new NieuwBericht(id, request.type().code(), request.afzender().id(),
                request.kanaal(), request.idempotencyKey(), pseudonimiseerder.vingerafdruk(json.fingerprint(message)),
                request.inhoud(),
                pseudonimiseerder.pseudoniem(bsn), message.hasNonNull("profielversie") ? message.get("profielversie").asInt() : null,
                trace.traceId(), trace.spanId()));
        exchange.setProperty(KoppelpuntHeaders.ONTVANGSTBEWIJS,
                new IntakeReceipt(result.id(), result.status(), result.herhaald()));
        exchange.setProperty(KoppelpuntHeaders.IN_WACHTRIJ_ZETTEN, result.inWachtrijZetten());
        exchange.getMessage().setBody(result);
    }
}
