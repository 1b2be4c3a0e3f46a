package nl.koppelpunt.hub.bezorging;

import java.io.IOException;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

import nl.koppelpunt.connectors.partner.Abonnement;
import nl.koppelpunt.connectors.partner.PartnerRegister;
import nl.koppelpunt.hub.bericht.BerichtRepository;
import nl.koppelpunt.hub.opslag.BezorgingRepository;
import nl.koppelpunt.hub.regels.Bezorging;
import nl.koppelpunt.schemas.Berichttype;

/**
 * Builds the webhook request: the message (a klantprofiel cut down to the subscription's sections) and exactly the
 * documented headers. Every other header is removed first, so nothing internal reaches a receiver.
 */
@Component
public class BezorgVoorbereiding {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BezorgingRepository bezorgingen;
    private final BerichtRepository berichten;
    private final PartnerRegister partners;

    public BezorgVoorbereiding(BezorgingRepository bezorgingen, BerichtRepository berichten, PartnerRegister partners) {
        this.bezorgingen = bezorgingen;
        this.berichten = berichten;
        this.partners = partners;
    }

    /** Fills the (fresh) exchange of the webhook call — or of another channel's route — for this delivery. */
    public void vul(Exchange exchange, UUID bezorgingId) throws IOException {
        Bezorging bezorging = bezorgingen.van(bezorgingId).orElseThrow();
        Abonnement abonnement = partners.huidig().abonnement(bezorging.abonnementId())
                .orElseThrow(() -> new IllegalStateException("abonnement " + bezorging.abonnementId() + " is no longer configured"));
        byte[] inhoud = berichten.inhoud(bezorging.berichtId());
        if (bezorging.type() == Berichttype.KLANTPROFIEL) {
            inhoud = JSON.writeValueAsBytes(Sectiefilter.filter((ObjectNode) JSON.readTree(inhoud), abonnement.secties()));
        }
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setBody(inhoud);
        message.setHeader(Exchange.HTTP_METHOD, "POST");
        if (abonnement.url() != null) { // an sftp subscription has no webhook; it takes the rest as it is
            message.setHeader(Exchange.HTTP_URI, abonnement.url().toString());
        }
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setHeader("Idempotency-Key", bezorging.id().toString());
        message.setHeader("Koppelpunt-Berichttype", bezorging.type().code());
        message.setHeader("Koppelpunt-Bericht-Id", bezorging.berichtId().toString());
        // Which gemeente the delivery is for: a gemeente's own code, or for TVS the gekoppelde gemeente whose staff
        // may see it (TVS receives for every gemeente and must show each its own). Signed with the rest.
        message.setHeader("Koppelpunt-Gemeentecode", bezorging.gemeentecode());
        if (bezorging.profielversie() != null) {
            message.setHeader("Koppelpunt-Profielversie", bezorging.profielversie().toString());
        }
    }
}
