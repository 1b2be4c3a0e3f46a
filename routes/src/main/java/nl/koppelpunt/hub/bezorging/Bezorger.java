package nl.koppelpunt.hub.bezorging;

import java.util.UUID;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

import nl.koppelpunt.connectors.partner.Abonnement;
import nl.koppelpunt.connectors.partner.PartnerRegister;
import nl.koppelpunt.hub.KoppelpuntHeaders;
import nl.koppelpunt.hub.bericht.BerichtRepository;
import nl.koppelpunt.hub.logboek.Traceparent;

/**
 * One delivery attempt as one unit — re-check the rules, build the request, call the route of the subscription's
 * channel ({@code direct:bezorg-<kanaal>}; {@code rest} is the webhook) — so that a redelivery by the subscription
 * route repeats all of it, the rules included. The call gets an exchange of its own, carrying nothing but the request.
 */
@Component
public class Bezorger implements Processor {

    static final String TRACEPARENT = "traceparent";

    private final BezorgControle controle;
    private final BezorgVoorbereiding voorbereiding;
    private final ProducerTemplate producer;
    private final BerichtRepository berichten;
    private final PartnerRegister partners;

    public Bezorger(BezorgControle controle, BezorgVoorbereiding voorbereiding, ProducerTemplate producer,
                    BerichtRepository berichten, PartnerRegister partners) {
        this.berichten = berichten;
        this.partners = partners;
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
        // The delivery is a span of its own in the message's trace; the gemeente gets it as its parent (traceparent)
        // and the processing log records the delivery under the same span id.
        UUID berichtId = UUID.fromString(exchange.getMessage().getHeader(KoppelpuntHeaders.BERICHT_ID, String.class));
        Traceparent span = berichten.trace(berichtId).orElseGet(Traceparent::nieuw).kind();
        exchange.setProperty(KoppelpuntHeaders.SPAN_ID, span.spanId());
        String abonnementId = exchange.getMessage().getHeader(KoppelpuntHeaders.ABONNEMENT, String.class);
        Exchange aanroep = producer.send(kanaalRoute(abonnementId), e -> {
            voorbereiding.vul(e, id);
            e.getMessage().setHeader(TRACEPARENT, span.header());
            // Not a header: headers are what a webhook receives; a channel route reads its destination from this.
            e.setProperty(KoppelpuntHeaders.ABONNEMENT, abonnementId);
        });
        if (aanroep.getException() != null) {
            throw aanroep.getException();
        }
        exchange.setProperty(KoppelpuntHeaders.BEZORGD, true);
    }

    /** Looked up at every attempt, so a reload that changes a subscription's channel applies to waiting deliveries. */
    private String kanaalRoute(String abonnementId) {
        String kanaal = partners.huidig().abonnement(abonnementId).map(Abonnement::kanaal).orElse("rest");
        return "rest".equals(kanaal) ? BezorgRoute.WEBHOOK : "direct:bezorg-" + kanaal;
    }
}
