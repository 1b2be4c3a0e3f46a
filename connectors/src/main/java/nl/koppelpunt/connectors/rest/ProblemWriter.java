package nl.koppelpunt.connectors.rest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Renders problems as {@code application/problem+json} bytes. Writing bytes ourselves keeps the content type fixed
 * whatever the client's Accept header says, and lets servlet filters and controllers answer in the same form.
 */
@Component
public class ProblemWriter {

    private final ObjectMapper mapper;

    public ProblemWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public ResponseEntity<byte[]> entity(HttpStatus status, String slug, String title, String detail, String instance,
                                         List<Problem.InvalidParam> invalidParams) {
        return entity(status, slug, title, detail, instance, invalidParams, new HttpHeaders());
    }

    public ResponseEntity<byte[]> entity(HttpStatus status, String slug, String title, String detail, String instance,
                                         List<Problem.InvalidParam> invalidParams, HttpHeaders headers) {
        Problem problem = new Problem(Problem.typeFor(slug), title, status.value(), detail, instance, invalidParams);
        return ResponseEntity.status(status).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(bytes(problem));
    }

    /** For filters, which answer before any controller is chosen. */
    public void write(HttpServletResponse response, HttpStatus status, String slug, String title, String detail,
                      String instance) throws IOException {
        byte[] body = bytes(new Problem(Problem.typeFor(slug), title, status.value(), detail, instance, List.of()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private byte[] bytes(Problem problem) {
        try {
            return mapper.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
