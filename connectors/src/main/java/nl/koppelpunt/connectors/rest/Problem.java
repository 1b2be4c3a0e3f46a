package nl.koppelpunt.connectors.rest;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem, in the shape of the Logius API Design Rules: {@code invalidParams} names each failing field
 * (a JSON pointer into the body, or a header name) with a reason.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance,
                      List<InvalidParam> invalidParams) {

    /** A failing field and why. The reason never repeats the value: it may be personal data. */
    public record InvalidParam(String name, String reason) {
    }

    static String typeFor(String slug) {
        return "urn:koppelpunt:probleem:" + slug;
    }
}
