package nl.koppelpunt.connectors.rest;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import nl.koppelpunt.connectors.partner.Partner;
import nl.koppelpunt.connectors.partner.PartnerRegister;
import nl.koppelpunt.connectors.pki.Oin;

/**
 * Mutual TLS identity. TLS has already checked that the certificate chains to a trusted CA; here its OIN
 * (subject serialNumber, the PKIoverheid convention) must belong to an onboarded partner. No certificate, no OIN or
 * an unknown OIN gets a 401 before any controller runs; the partner found is put on the request for the rest. The
 * exceptions are {@link OpenbareSleutels#PADEN}: Koppelpunt's public keys are for anyone.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class ClientCertificateFilter extends OncePerRequestFilter {

    static final String PARTNER_ATTRIBUTE = ClientCertificateFilter.class.getName() + ".partner";
    private static final String CERTIFICATES_ATTRIBUTE = "jakarta.servlet.request.X509Certificate";

    private final PartnerRegister partners;
    private final ProblemWriter problems;

    public ClientCertificateFilter(PartnerRegister partners, ProblemWriter problems) {
        this.partners = partners;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Partner> partner = identify(request);
        if (partner.isEmpty()) {
            problems.write(response, HttpStatus.UNAUTHORIZED, "niet-geauthenticeerd", "Niet geauthenticeerd",
                    "Een geldig clientcertificaat van een aangesloten partner is vereist (mutual TLS).",
                    request.getRequestURI());
            return;
        }
        request.setAttribute(PARTNER_ATTRIBUTE, partner.get());
        chain.doFilter(request, response);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // Exactly this path and only for reading: anything else, also a near miss, still needs a certificate.
        return OpenbareSleutels.PADEN.contains(request.getRequestURI())
                && ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()));
    }

    private Optional<Partner> identify(HttpServletRequest request) {
        if (!(request.getAttribute(CERTIFICATES_ATTRIBUTE) instanceof X509Certificate[] chain) || chain.length == 0) {
            return Optional.empty();
        }
        return Oin.fromCertificate(chain[0]).flatMap(oin -> partners.huidig().byOin(oin));
    }

    /** The partner authenticated by this filter; controllers only run after it succeeded. */
    public static Partner partnerOf(HttpServletRequest request) {
        return (Partner) request.getAttribute(PARTNER_ATTRIBUTE);
    }
}
