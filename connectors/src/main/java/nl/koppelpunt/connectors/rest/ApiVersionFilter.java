package nl.koppelpunt.connectors.rest;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Sets {@code API-Version} right after the security headers, before anything else runs, so even a 401 carries it. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class ApiVersionFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader(ApiHeaders.API_VERSION, ApiHeaders.VERSION);
        chain.doFilter(request, response);
    }
}
