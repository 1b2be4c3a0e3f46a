package nl.koppelpunt.hub.bezorging;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import nl.koppelpunt.hub.KoppelpuntHeaders;
import nl.koppelpunt.hub.opslag.BezorgingRepository;
import nl.koppelpunt.hub.regels.Bezorging;

/** Shapes the JMS message of a planned delivery, marks it queued, and finds the ones never queued. */
@Component
public class BezorgingWachtrij {

    private final BezorgingRepository bezorgingen;
    private final Duration grace;

    public BezorgingWachtrij(BezorgingRepository bezorgingen,
                             @Value("${koppelpunt.wachtrijen.herstel-na-seconden:30}") long graceSeconds) {
        this.bezorgingen = bezorgingen;
        this.grace = Duration.ofSeconds(graceSeconds);
    }

    /** Only ids, the subscription and the person's pseudonym (as message group) go onto the broker. */
    static Map<String, String> kenmerken(Bezorging bezorging) {
        return Map.of(KoppelpuntHeaders.BEZORGING_ID, bezorging.id().toString(),
                KoppelpuntHeaders.BERICHT_ID, bezorging.berichtId().toString(),
                KoppelpuntHeaders.ABONNEMENT, bezorging.abonnementId(),
                KoppelpuntHeaders.GROEP, bezorging.onderwerpPseudoniem());
    }

    public void prepareer(Exchange exchange) {
        Bezorging bezorging = exchange.getMessage().getBody(Bezorging.class);
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        kenmerken(bezorging).forEach(message::setHeader);
        message.setBody(bezorging.id().toString());
        exchange.setProperty(KoppelpuntHeaders.IN_WACHTRIJ_OP, Instant.now());
    }

    public void markeer(Exchange exchange) {
        bezorgingen.markeerInWachtrij(UUID.fromString(exchange.getMessage().getHeader(KoppelpuntHeaders.BEZORGING_ID, String.class)),
                exchange.getProperty(KoppelpuntHeaders.IN_WACHTRIJ_OP, Instant.class));
    }

    public void zoekOnverzonden(Exchange exchange) {
        exchange.getMessage().setBody(bezorgingen.nietInWachtrij(Instant.now().minus(grace), 500));
    }
}
