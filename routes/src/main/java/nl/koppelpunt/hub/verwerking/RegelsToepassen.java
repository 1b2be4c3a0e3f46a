package nl.koppelpunt.hub.verwerking;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

import nl.koppelpunt.hub.KoppelpuntHeaders;
import nl.koppelpunt.hub.bericht.BerichtRepository;
import nl.koppelpunt.hub.opslag.BezorgingRepository;
import nl.koppelpunt.hub.regels.Bezorging;
import nl.koppelpunt.hub.regels.RegelMotor;
import nl.koppelpunt.hub.regio.ScreeningSectoren;

/**
 * Applies the rules to a message taken off the queue; the body becomes the deliveries they planned, marked queued in
 * the same database transaction because the consumer's JMS transaction sends them (see {@link VerwerkingRoute}).
 */
@Component
public class RegelsToepassen implements Processor {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RegelMotor motor;
    private final BerichtRepository berichten;
    private final BezorgingRepository bezorgingen;
    private final ScreeningSectoren sectoren;

    public RegelsToepassen(RegelMotor motor, BerichtRepository berichten, BezorgingRepository bezorgingen,
                           ScreeningSectoren sectoren) {
        this.motor = motor;
        this.berichten = berichten;
        this.bezorgingen = bezorgingen;
        this.sectoren = sectoren;
    }

    @Override
    public void process(Exchange exchange) throws IOException {
        UUID id = UUID.fromString(exchange.getMessage().getHeader(KoppelpuntHeaders.BERICHT_ID, String.class));
        JsonNode inhoud = JSON.readTree(berichten.inhoud(id));
        List<Bezorging> gepland = motor.verwerk(id, inhoud);
        // The payload is encrypted at rest; the regional figures get a screening's sectors now, while it is plain.
        sectoren.legVast(id, inhoud);
        bezorgingen.markeerInWachtrijBinnenTransactie(gepland.stream().map(Bezorging::id).toList(), Instant.now());
        exchange.getMessage().setBody(gepland);
    }

    /**
     * A message processed before whose JMS transaction did not commit (the process stopped, or the commit failed
     * after the database commit): the deliveries that transaction was sending may be lost, so every delivery still
     * planned for the person is queued again. A copy is harmless: a delivery goes only while it is planned, and the
     * person's messages share one message group, so copies are taken one after the other.
     */
    public void opnieuwVersturen(Exchange exchange) {
        String pseudoniem = exchange.getMessage().getHeader(KoppelpuntHeaders.GROEP, String.class);
        exchange.getMessage().setBody(pseudoniem == null ? List.of() : bezorgingen.geplandVoor(pseudoniem));
    }
}
