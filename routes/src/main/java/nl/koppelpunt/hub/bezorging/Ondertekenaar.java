package nl.koppelpunt.hub.bezorging;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

import nl.koppelpunt.connectors.ondertekening.VerzoekOndertekening;

/**
 * Signs the prepared webhook request right before it is sent: over the body bytes that go out and the headers that
 * say what they are (docs/security/ondertekening.md). It runs in the webhook route, so every attempt — a retry, a
 * replay — is signed anew with a fresh {@code created}. It logs nothing: the body is personal data.
 */
@Component
public class Ondertekenaar implements Processor {

    /** The request headers every signature covers, in this order (after @method, @target-uri and content-digest). */
    static final List<String> GEDEKT = List.of("Content-Type", "Idempotency-Key", "Koppelpunt-Bericht-Id", "Koppelpunt-Berichttype",
            "Koppelpunt-Gemeentecode");
    /** Covered too when the request has it (a klantprofiel). */
    static final List<String> GEDEKT_INDIEN_AANWEZIG = List.of("Koppelpunt-Profielversie");

    private final VerzoekOndertekening ondertekening;

    public Ondertekenaar(VerzoekOndertekening ondertekening) {
        this.ondertekening = ondertekening;
    }

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        Map<String, String> velden = new LinkedHashMap<>();
        for (String naam : GEDEKT) {
            String waarde = message.getHeader(naam, String.class);
            if (waarde == null) {
                throw new IllegalStateException("webhook request without " + naam + "; not signed, not sent");
            }
            velden.put(naam, waarde);
        }
        for (String naam : GEDEKT_INDIEN_AANWEZIG) {
            String waarde = message.getHeader(naam, String.class);
            if (waarde != null) {
                velden.put(naam, waarde);
            }
        }
        // byte[] is what BezorgVoorbereiding sets and what the HTTP producer sends unchanged.
        byte[] inhoud = message.getBody(byte[].class);
        URI doel = URI.create(message.getHeader(Exchange.HTTP_URI, String.class));
        String methode = message.getHeader(Exchange.HTTP_METHOD, String.class);
        ondertekening.onderteken(methode, doel, velden, inhoud).forEach(message::setHeader);
    }
}
