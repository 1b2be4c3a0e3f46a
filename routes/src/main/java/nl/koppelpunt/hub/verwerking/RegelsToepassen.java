package nl.koppelpunt.hub.verwerking;

import java.io.IOException;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

import nl.koppelpunt.hub.KoppelpuntHeaders;
import nl.koppelpunt.hub.bericht.BerichtRepository;
import nl.koppelpunt.hub.regels.RegelMotor;

/** Applies the rules to a message taken off the queue; the body becomes the deliveries they planned. */
@Component
public class RegelsToepassen implements Processor {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RegelMotor motor;
    private final BerichtRepository berichten;

    public RegelsToepassen(RegelMotor motor, BerichtRepository berichten) {
        this.motor = motor;
        this.berichten = berichten;
    }

    @Override
    public void process(Exchange exchange) throws IOException {
        UUID id = UUID.fromString(exchange.getMessage().getHeader(KoppelpuntHeaders.BERICHT_ID, String.class));
        exchange.getMessage().setBody(motor.verwerk(id, JSON.readTree(berichten.inhoud(id))));
    }
}
