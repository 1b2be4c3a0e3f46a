package nl.koppelpunt.hub.bezorging;

import java.util.UUID;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

import nl.koppelpunt.hub.KoppelpuntHeaders;

/**
 * One delivery attempt as one unit — re-check the rules, build the request, call the webhook route — so that a
 * redelivery by the subscription route repeats all of it, the rules included. The webhook call gets an exchange of
 * its own, carrying nothing but the request.
 */
@Component
public class Bezorger implements Processor {

    private final BezorgControle controle;
    private final BezorgVoorbereiding voorbereiding;
    private final ProducerTemplate producer;

    public Bezorger(BezorgControle controle, BezorgVoorbereiding voorbereiding, ProducerTemplate producer) {
        this.controle = controle;
        this.voorbereiding = voorbereiding;
        this.producer = producer;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        UUID id = UUID.fromString(exchange.getProperty(KoppelpuntHeaders.BEZORGING_ID, String.class));
        exchange.setProperty(KoppelpuntHeaders.BEZORGD, false);
        if (!controle.magBezorgen(id)) {
            return;
        }
        Exchange aanroep = producer.send(BezorgRoute.WEBHOOK, e -> voorbereiding.vul(e, id));
        if (aanroep.getException() != null) {
            throw aanroep.getException();
        }
        exchange.setProperty(KoppelpuntHeaders.BEZORGD, true);
    }
}
