package nl.koppelpunt.hub.intake;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

import nl.koppelpunt.connectors.autorisatie.Autorisatie;
import nl.koppelpunt.connectors.autorisatie.Identiteitsclaims;
import nl.koppelpunt.connectors.intake.IntakeException;
import nl.koppelpunt.connectors.intake.IntakeRequest;
import nl.koppelpunt.connectors.intake.Probleem;
import nl.koppelpunt.hub.KoppelpuntHeaders;

/**
 * Step {@code intake-authorise}, shared by every channel: the sender may send this type (the authorisation matrix's
 * cell {@code versturen} for its role, narrowed by its own configuration), and the message does not claim to come
 * from another OIN than the sender's certificate. Runs before the contract check, so an impersonation is refused as
 * such (403 naming the field) rather than as an unknown field.
 */
@Component
public class IntakeAutorisatie implements Processor {

    @Override
    public void process(Exchange exchange) {
        IntakeRequest request = exchange.getProperty(KoppelpuntHeaders.INTAKE_VERZOEK, IntakeRequest.class);
        if (!Autorisatie.magVersturen(request.afzender(), request.type())) {
            throw new IntakeException(Probleem.NIET_TOEGESTAAN, "Partner " + request.afzender().id() + " (rol "
                    + request.afzender().rol().code() + ") mag geen " + request.type().code() + " versturen.");
        }
        Identiteitsclaims.controleerBericht(request.afzender(), request.inhoud());
    }
}
