package nl.koppelpunt.connectors.rest;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import nl.koppelpunt.connectors.partner.Limieten;
import nl.koppelpunt.connectors.partner.Partner;

/**
 * Per-partner limits on every endpoint of the API port, right after authentication (the partner is known from its
 * certificate, so one partner's flood cannot use up another's share): a token bucket per partner (→ 429 with
 * {@code Retry-After} in whole seconds, until the next token) and the partner's largest request body (→ 413, refused on
 * its Content-Length before anything is read, or while reading a chunked body).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class PartnerLimietFilter extends OncePerRequestFilter {

    static final String MAX_BODY_ATTRIBUTE = PartnerLimietFilter.class.getName() + ".maxBodyBytes";

    private final IntakeLimieten limieten;
    private final PartnerEmmers emmers;
    private final ProblemWriter problems;

    public PartnerLimietFilter(IntakeLimieten limieten, PartnerEmmers emmers, ProblemWriter problems) {
        this.limieten = limieten;
        this.emmers = emmers;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Partner partner = ClientCertificateFilter.partnerOf(request);
        if (partner == null) {
            // Not authenticated: the certificate filter has answered 401 already and this filter is not reached.
            chain.doFilter(request, response);
            return;
        }
        Limieten limiet = limieten.voor(partner);
        Duration wachten = emmers.neem(partner.id(), limiet);
        if (!wachten.isZero()) {
            long seconden = seconden(wachten);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconden));
            problems.write(response, HttpStatus.TOO_MANY_REQUESTS, "te-veel-verzoeken", "Te veel verzoeken",
                    "Hoogstens " + limiet.verzoekenPerSeconde() + " verzoeken per seconde (" + limiet.burst()
                            + " tegelijk); probeer het over " + seconden + " seconde(n) opnieuw.",
                    request.getRequestURI());
            return;
        }
        int maxBody = limiet.maxBodyBytes();
        if (request.getContentLengthLong() > maxBody) {
            problems.write(response, HttpStatus.PAYLOAD_TOO_LARGE, "bericht-te-groot", "Het bericht is te groot",
                    "Een bericht mag hoogstens " + maxBody + " bytes zijn.", request.getRequestURI());
            return;
        }
        request.setAttribute(MAX_BODY_ATTRIBUTE, maxBody);
        chain.doFilter(new BegrensdVerzoek(request, maxBody), response);
    }

    /** Whole seconds, rounded up and at least 1: a client that waits that long finds a token. */
    static long seconden(Duration wachten) {
        long seconden = wachten.getSeconds() + (wachten.getNano() > 0 ? 1 : 0);
        return Math.max(1, seconden);
    }

    /** The largest body this request's partner may send; {@code standaard} if this filter did not run. */
    static int maxBodyBytes(HttpServletRequest request, int standaard) {
        return request.getAttribute(MAX_BODY_ATTRIBUTE) instanceof Integer max ? max : standaard;
    }
}
