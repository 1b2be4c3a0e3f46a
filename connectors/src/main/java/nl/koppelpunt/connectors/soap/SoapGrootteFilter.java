package nl.koppelpunt.connectors.soap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import nl.koppelpunt.connectors.partner.Partner;
import nl.koppelpunt.connectors.rest.ClientCertificateFilter;
import nl.koppelpunt.connectors.rest.IntakeLimieten;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A SOAP request whose declared Content-Length is over the partner's body limit gets a SOAP fault before a byte
 * is read, in the SOAP channel's own error form (the REST limit filter after this one would answer problem+json).
 * Bodies without a Content-Length are bounded by that filter's stream limit and CXF's StAX character limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 15)
public class SoapGrootteFilter extends OncePerRequestFilter {

    private final IntakeLimieten limieten;
    private final String soapPad;

    public SoapGrootteFilter(IntakeLimieten limieten, @Value("${cxf.path:/services}") String soapPad) {
        this.limieten = limieten;
        this.soapPad = soapPad.endsWith("/") ? soapPad : soapPad + "/";
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(soapPad);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Partner partner = ClientCertificateFilter.partnerOf(request);
        if (partner != null) {
            int max = limieten.voor(partner).maxBodyBytes();
            if (request.getContentLengthLong() > max) {
                // SOAP 1.1 over HTTP: a fault is sent with status 500.
                response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
                response.setContentType("text/xml;charset=UTF-8");
                response.getOutputStream().write(fault("Het bericht is te groot: een SOAP-bericht mag hoogstens " + max
                        + " bytes zijn.").getBytes(StandardCharsets.UTF_8));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static String fault(String reden) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><soap:Fault>"
                + "<faultcode>soap:Client</faultcode><faultstring>" + reden + "</faultstring>"
                + "<detail><kp:fout xmlns:kp=\"" + nl.koppelpunt.schemas.XmlEncoding.NAMESPACE + "\">"
                + "<kp:probleem>bericht-te-groot</kp:probleem></kp:fout></detail>"
                + "</soap:Fault></soap:Body></soap:Envelope>";
    }
}
