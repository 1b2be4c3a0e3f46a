package nl.koppelpunt.connectors.rest;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import nl.koppelpunt.connectors.beheer.InvalidConfigurationException;
import nl.koppelpunt.connectors.beheer.NothingToReplayException;
import nl.koppelpunt.connectors.intake.IntakeException;
import nl.koppelpunt.connectors.intake.Probleem;

/**
 * Every error of the REST API as {@code application/problem+json}, declared once. Bad input is a 4xx with the failing
 * fields; only a fault of the hub itself is a 5xx, and its detail reveals nothing of the message.
 */
@RestControllerAdvice
public class ProblemResponses {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponses.class);

    private final ProblemWriter problems;

    public ProblemResponses(ProblemWriter problems) {
        this.problems = problems;
    }

    @ExceptionHandler(IntakeException.class)
    ResponseEntity<byte[]> intake(IntakeException e, HttpServletRequest request) {
        HttpHeaders headers = new HttpHeaders();
        if (e.probleem() == Probleem.HUB_NIET_BESCHIKBAAR) {
            headers.set(HttpHeaders.RETRY_AFTER, "5");
        } else if (e.probleem() == Probleem.HUB_OVERBELAST) {
            // The backlog is measured every 200 ms and worked off at hundreds per second: try again soon.
            headers.set(HttpHeaders.RETRY_AFTER, "1");
        }
        List<Problem.InvalidParam> params = e.violations().stream()
                .map(v -> new Problem.InvalidParam(v.pointer(), v.reason())).toList();
        return problems.entity(statusOf(e.probleem()), e.probleem().slug(), e.probleem().titel(), e.getMessage(),
                request.getRequestURI(), params, headers);
    }

    private static HttpStatus statusOf(Probleem probleem) {
        return switch (probleem) {
            case ONGELDIG_BERICHT, ONGELDIG_VERZOEK -> HttpStatus.BAD_REQUEST;
            case NIET_TOEGESTAAN, ANDERE_IDENTITEIT -> HttpStatus.FORBIDDEN;
            case IDEMPOTENTIE_CONFLICT -> HttpStatus.CONFLICT;
            case HUB_NIET_BESCHIKBAAR, HUB_OVERBELAST -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }

    @ExceptionHandler(BodyTooLargeException.class)
    ResponseEntity<byte[]> tooLarge(BodyTooLargeException e, HttpServletRequest request) {
        return problems.entity(HttpStatus.PAYLOAD_TOO_LARGE, "bericht-te-groot", "Het bericht is te groot",
                "Een bericht mag hoogstens " + e.limit() + " bytes zijn.", request.getRequestURI(), List.of());
    }

    @ExceptionHandler(NothingToReplayException.class)
    ResponseEntity<byte[]> nothingToReplay(NothingToReplayException e, HttpServletRequest request) {
        return problems.entity(HttpStatus.CONFLICT, "niets-te-herhalen", "Niets te herhalen", e.getMessage(),
                request.getRequestURI(), List.of());
    }

    @ExceptionHandler(InvalidConfigurationException.class)
    ResponseEntity<byte[]> invalidConfiguration(InvalidConfigurationException e, HttpServletRequest request) {
        return problems.entity(HttpStatus.UNPROCESSABLE_ENTITY, "ongeldige-configuratie", "Ongeldige partnerconfiguratie",
                e.getMessage(), request.getRequestURI(), List.of());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<byte[]> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return problems.entity(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "mediatype-niet-ondersteund",
                "Mediatype niet ondersteund", "Stuur het bericht als application/json.", request.getRequestURI(),
                List.of(new Problem.InvalidParam(HttpHeaders.CONTENT_TYPE, "Verwacht application/json.")));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<byte[]> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
        return problems.entity(HttpStatus.NOT_ACCEPTABLE, "niet-acceptabel", "Niet acceptabel",
                "Deze API antwoordt in application/json.", request.getRequestURI(), List.of());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<byte[]> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        HttpHeaders headers = new HttpHeaders();
        if (e.getSupportedHttpMethods() != null) {
            headers.setAllow(e.getSupportedHttpMethods());
        }
        return problems.entity(HttpStatus.METHOD_NOT_ALLOWED, "methode-niet-toegestaan", "Methode niet toegestaan",
                "Methode " + e.getMethod() + " wordt hier niet ondersteund.", request.getRequestURI(), List.of(), headers);
    }

    @ExceptionHandler({NotFoundException.class, NoHandlerFoundException.class, NoResourceFoundException.class})
    ResponseEntity<byte[]> notFound(Exception e, HttpServletRequest request) {
        String detail = e instanceof NotFoundException ? e.getMessage() : "Deze resource bestaat niet.";
        return problems.entity(HttpStatus.NOT_FOUND, "niet-gevonden", "Niet gevonden", detail,
                request.getRequestURI(), List.of());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<byte[]> badParameter(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return problems.entity(HttpStatus.BAD_REQUEST, "ongeldig-verzoek", Probleem.ONGELDIG_VERZOEK.titel(),
                "Parameter " + e.getName() + " heeft niet de juiste vorm.", request.getRequestURI(),
                List.of(new Problem.InvalidParam(e.getName(), "Verwacht een " + simpleName(e.getRequiredType()) + ".")));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<byte[]> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        return problems.entity(HttpStatus.BAD_REQUEST, "ongeldig-verzoek", Probleem.ONGELDIG_VERZOEK.titel(),
                "Het verzoek kon niet gelezen worden.", request.getRequestURI(), List.of());
    }

    /** A fault of the hub itself. Logged by class only: the message may hold personal data. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<byte[]> unexpected(Exception e, HttpServletRequest request) {
        LOG.error("Unexpected error on {} {}: {}", request.getMethod(), request.getRequestURI(), e.getClass().getName());
        return problems.entity(HttpStatus.INTERNAL_SERVER_ERROR, "interne-fout", "Interne fout",
                "Er ging iets mis in Koppelpunt; het incident is gelogd.", request.getRequestURI(), List.of());
    }

    private static String simpleName(Class<?> type) {
        return type == null ? "waarde" : type.getSimpleName();
    }
}
