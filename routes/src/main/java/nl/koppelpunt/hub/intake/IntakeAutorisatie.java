package nl.koppelpunt.hub.intake;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

import nl.koppelpunt.connectors.intake.IntakeException;
import nl.koppelpunt.connectors.intake.IntakeRequest;
import nl.koppelpunt.connectors.intake.Probleem;
import nl.koppelpunt.hub.KoppelpuntHeaders;

/** Role × message type: an authenticated partner may send only what its role and its configuration allow. */
@Component
public class IntakeAutorisatie implements Processor {

    @Override
    public void process(Exchange exchange) {
        IntakeRequest request = exchange.getProperty(KoppelpuntHeaders.INTAKE_VERZOEK, IntakeRequest.class);
        if (!request.afzender().magVersturen(request.type())) {
            throw new IntakeException(Probleem.NIET_TOEGESTAAN, "Partner " + request.afzender().id() + " (rol "
                    + request.afzender().rol().code() + ") mag geen " + request.type().code() + " versturen.");
        }
    }
}
