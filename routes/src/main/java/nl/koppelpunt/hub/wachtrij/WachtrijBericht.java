package nl.koppelpunt.hub.wachtrij;

import java.time.Instant;
import java.util.UUID;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

import nl.koppelpunt.hub.KoppelpuntHeaders;
import nl.koppelpunt.hub.bericht.BerichtRepository;
import nl.koppelpunt.hub.bericht.Opslagresultaat;

/** Shapes the JMS message for a stored bericht, and records it queued once the broker has it. */
@Component
public class WachtrijBericht {

    private final BerichtRepository repository;

    public WachtrijBericht(BerichtRepository repository) {
        this.repository = repository;
    }

    /**
     * Only the id, the type and the person's pseudonym (as message group, so one person's messages stay in order)
     * go onto the broker; every other header is dropped so nothing else leaks into the journal.
     */
    public void prepareer(Exchange exchange) {
        Opslagresultaat bericht = exchange.getMessage().getBody(Opslagresultaat.class);
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(KoppelpuntHeaders.BERICHT_ID, bericht.id().toString());
        message.setHeader(KoppelpuntHeaders.BERICHTTYPE, bericht.berichttype());
        message.setHeader(KoppelpuntHeaders.GROEP, bericht.onderwerpPseudoniem());
        message.setBody(bericht.id().toString());
        // Taken before the send: the consumer may finish before the send returns, and the timeline must still read
        // queued → processed.
        exchange.setProperty(KoppelpuntHeaders.IN_WACHTRIJ_OP, Instant.now());
    }

    public void markeer(Exchange exchange) {
        repository.markeerInWachtrij(UUID.fromString(exchange.getMessage().getHeader(KoppelpuntHeaders.BERICHT_ID, String.class)),
                exchange.getProperty(KoppelpuntHeaders.IN_WACHTRIJ_OP, Instant.class));
    }
}
