package nl.koppelpunt.hub.intake;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

import nl.koppelpunt.connectors.intake.IntakeException;
import nl.koppelpunt.connectors.intake.IntakeRequest;
import nl.koppelpunt.connectors.intake.Probleem;
import nl.koppelpunt.hub.KoppelpuntHeaders;
import nl.koppelpunt.schemas.ContractValidator;
import nl.koppelpunt.schemas.Violation;

/**
 * Parses the raw message strictly and validates it against its published contract. Reasons name the place of the
 * error, never the offending value, because values are personal data.
 */
@Component
public class ContractControle implements Processor {

    private final StrictJson json;
    private final ContractValidator validator;

    public ContractControle(ContractValidator validator, StrictJson json) {
        this.validator = validator;
        this.json = json;
    }

    @Override
    public void process(Exchange exchange) {
        IntakeRequest request = exchange.getProperty(KoppelpuntHeaders.INTAKE_VERZOEK, IntakeRequest.class);
        JsonNode message = parse(request.inhoud());
        List<Violation> violations = validator.validate(request.type(), message);
        if (!violations.isEmpty()) {
            throw new IntakeException(Probleem.ONGELDIG_BERICHT, violations.size() + " veld(en) voldoen niet aan het contract "
                    + request.type().code() + " v1.", violations);
        }
        exchange.setProperty(KoppelpuntHeaders.BERICHT_JSON, message);
    }

    private JsonNode parse(byte[] body) {
        try {
            return json.parse(body);
        } catch (StreamConstraintsException e) {
            throw invalid("Het bericht is dieper genest dan " + json.maxNestingDepth() + " niveaus.");
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " (regel " + at.getLineNr() + ", kolom " + at.getColumnNr() + ")";
            throw invalid("Het bericht is geen geldige JSON" + where + ".");
        } catch (IOException e) {
            throw invalid("Het bericht kon niet gelezen worden.");
        }
    }

    private static IntakeException invalid(String reason) {
        return new IntakeException(Probleem.ONGELDIG_BERICHT, reason, List.of(new Violation("", reason)));
    }
}
