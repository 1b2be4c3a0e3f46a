package nl.koppelpunt.connectors.rest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import nl.koppelpunt.connectors.autorisatie.Identiteitsclaims;
import nl.koppelpunt.connectors.autorisatie.Toegang;
import nl.koppelpunt.connectors.intake.IntakeException;
import nl.koppelpunt.connectors.intake.Probleem;
import nl.koppelpunt.connectors.partner.Partner;

/**
 * Authorisation of every REST endpoint under {@code /api}, after {@link ClientCertificateFilter} identified the
 * partner: first no header may claim another OIN (impersonation), then the endpoint's {@link Vereist} operation
 * must be allowed for the partner's role by the matrix. Refusals are exceptions, so they get the API's
 * problem+json like any other error. Per-owner limits (a partner's own messages) are the endpoint's, as 404.
 */
@Component
public class AutorisatieInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    private static final Logger LOG = LoggerFactory.getLogger(AutorisatieInterceptor.class);

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true; // no controller (a static resource or a 404): nothing to authorise, nothing served
        }
        Partner partner = ClientCertificateFilter.partnerOf(request);
        if (partner == null) {
            throw new IntakeException(Probleem.NIET_TOEGESTAAN, "Geen geauthenticeerde partner.");
        }
        Identiteitsclaims.controleerHeaders(partner, headers(request));
        Vereist vereist = method.getMethodAnnotation(Vereist.class);
        if (vereist == null) {
            LOG.warn("Endpoint {} has no @Vereist operation and is refused to everyone", method.getShortLogMessage());
            throw new IntakeException(Probleem.NIET_TOEGESTAAN, "Voor dit endpoint is geen autorisatieregel vastgelegd.");
        }
        if (vereist.value().perBerichttype()) {
            return true; // per message type: decided by the intake that every channel shares
        }
        if (vereist.alle()) {
            Toegang.vereisAlle(partner, vereist.value());
        } else {
            Toegang.vereis(partner, vereist.value());
        }
        return true;
    }

    private static Map<String, List<String>> headers(HttpServletRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String naam : Collections.list(request.getHeaderNames())) {
            headers.put(naam, new ArrayList<>(Collections.list(request.getHeaders(naam))));
        }
        return headers;
    }
}
