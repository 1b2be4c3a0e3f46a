package nl.koppelpunt.connectors.rest;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers on every response of the API port, errors included. It runs first and sets the headers before
 * anything else can answer, so a 401 of the certificate filter, a 429 of the rate limit and every problem+json of the
 * controllers carry them too. The API serves JSON to machines: nothing may be framed, run as a script, cached on the
 * way or sent on as a referrer.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class SecurityHeadersFilter extends OncePerRequestFilter {

    /** One year; a partner that reached us over TLS must never be talked into plain HTTP for this host. */
    static final String HSTS = "max-age=31536000; includeSubDomains";
    /** JSON needs no sources of any kind; and no page may embed a response. */
    static final String CSP = "default-src 'none'; frame-ancestors 'none'";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        setHeaders(request, response);
        chain.doFilter(request, response);
    }

    private static void setHeaders(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("Strict-Transport-Security", HSTS);
        response.setHeader("X-Content-Type-Options", "nosniff");
        // Responses hold personal data (statuses, deliveries): no proxy or client cache may keep them. The one
        // exception: the public keys, which verifiers are meant to cache (their controller says how long;
        // a second Cache-Control here would contradict it, as Spring adds rather than replaces the header).
        if (!OpenbareSleutels.PADEN.contains(request.getRequestURI())) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        response.setHeader("Content-Security-Policy", CSP);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
    }

    /** A container error dispatch (sendError → /error) may have reset the response; set the headers again there. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterNestedErrorDispatch(HttpServletRequest request, HttpServletResponse response,
                                               FilterChain chain) throws ServletException, IOException {
        setHeaders(request, response);
        chain.doFilter(request, response);
    }
}
