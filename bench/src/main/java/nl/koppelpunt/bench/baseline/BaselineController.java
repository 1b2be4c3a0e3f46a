package nl.koppelpunt.bench.baseline;

import java.net.URI;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** The REST entry, shaped like the gateway's: 202 with the berichtId once the message is durable. */
@RestController
public class BaselineController {

    private final ProducerTemplate producer;

    public BaselineController(ProducerTemplate producer) {
        this.producer = producer;
    }

    @PostMapping(path = "/api/v1/klantprofielen", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, String>> post(@RequestHeader("Idempotency-Key") String key, @RequestBody byte[] body) {
        Exchange exchange = producer.send(BaselineRoutes.INTAKE, e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeader(BaselineRoutes.SLEUTEL, key);
        });
        if (exchange.getException() != null) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("fout",
                    exchange.getException().getClass().getSimpleName()));
        }
        String id = exchange.getMessage().getHeader(BaselineRoutes.BERICHT_ID, String.class);
        return ResponseEntity.accepted().location(URI.create("/api/v1/berichten/" + id))
                .body(Map.of("berichtId", id, "status", "ontvangen"));
    }
}
