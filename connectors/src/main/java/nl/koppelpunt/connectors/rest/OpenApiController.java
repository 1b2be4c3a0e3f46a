package nl.koppelpunt.connectors.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import nl.koppelpunt.connectors.autorisatie.Operatie;
import nl.koppelpunt.schemas.ContractCatalog;

/** Serves the published OpenAPI 3.1 description, bundled with the message schemas, at a fixed URI (ADR /core/doc-openapi). */
@RestController
public class OpenApiController {

    private final byte[] document;

    public OpenApiController(ObjectMapper mapper) throws JsonProcessingException {
        // Built once: the document is static for the life of the process.
        this.document = mapper.writeValueAsBytes(ContractCatalog.v1().openApiDocument());
    }

    @GetMapping("/api/v1/openapi.json")
    @Vereist(Operatie.CONTRACT_LEZEN)
    public ResponseEntity<byte[]> openApi() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(document);
    }
}
