package nl.koppelpunt.hub.verwerking;

import java.util.UUID;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

import nl.koppelpunt.hub.KoppelpuntHeaders;
import nl.koppelpunt.hub.bericht.BerichtRepository;

/** Records in the message's timeline that the hub has taken it off the queue and processed it. */
@Component
public class VerwerkingVastlegger implements Processor {

    private final BerichtRepository repository;

    public VerwerkingVastlegger(BerichtRepository repository) {
        this.repository = repository;
    }

    @Override
    public void process(Exchange exchange) {
        UUID id = UUID.fromString(exchange.getMessage().getHeader(KoppelpuntHeaders.BERICHT_ID, String.class));
        repository.gebeurtenis(id, "verwerkt", null);
    }
}
