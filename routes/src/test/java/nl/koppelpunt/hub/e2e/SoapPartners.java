package nl.koppelpunt.hub.e2e;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import java.security.cert.X509Certificate;

import javax.net.ssl.SSLContext;

import jakarta.servlet.http.HttpServletRequest;

import jakarta.xml.soap.SOAPPart;

import org.apache.wss4j.common.crypto.Merlin;
import org.citrusframework.ws.client.WebServiceClient;
import org.citrusframework.ws.client.WebServiceClientBuilder;
import org.citrusframework.ws.server.WebServiceServer;
import org.citrusframework.ws.server.WebServiceServerBuilder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.springframework.ws.client.WebServiceClientException;
import org.springframework.ws.client.support.interceptor.ClientInterceptor;
import org.springframework.ws.context.MessageContext;
import org.springframework.ws.soap.SoapHeaderElement;
import org.springframework.ws.soap.server.SoapEndpointInterceptor;
import org.springframework.ws.soap.saaj.SaajSoapMessage;
import org.springframework.ws.transport.context.TransportContextHolder;
import org.springframework.ws.transport.http.HttpServletConnection;
import org.springframework.ws.transport.http.JdkHttpClientMessageSender;
import org.w3c.dom.Node;

import nl.koppelpunt.connectors.pki.PemSslContexts;

/**
 * Citrus (Spring WS) SOAP endpoints for the WUS partners: a partner's {@link WebServiceClient} that calls the gateway's
 * SOAP intake over mutual TLS and signs each request with WSS4J ({@link WusHandtekening}), verifying the gateway's
 * signed answer; and a gemeente's {@link WebServiceServer} on HTTPS that demands a client certificate from the CA and
 * verifies every incoming call's signature before Citrus sees it. Failed verifications do not pass silently: the
 * client's send fails, and the server answers with a fault and records the reason ({@link Gemeente#fouten()}).
 */
final class SoapPartners {

    private static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";

    private SoapPartners() {
    }

    /** A partner's SOAP client for {@code https://localhost:<port>/services/koppelpunt}, signing as that partner. */
    static Partner partner(Path pki, String partnerId, int port) {
        SSLContext ssl = PemSslContexts.client(pki.resolve(partnerId + ".crt"), pki.resolve(partnerId + ".key"),
                pki.resolve("ca.crt"));
        Ondertekening ondertekening = new Ondertekening(WusHandtekening.ondertekenaar(pki, partnerId),
                WusHandtekening.vertrouwd(pki));
        WebServiceClient client = new WebServiceClientBuilder()
                .defaultUri("https://localhost:" + port + "/services/koppelpunt")
                .messageSender(new JdkHttpClientMessageSender(java.net.http.HttpClient.newBuilder().sslContext(ssl).build()))
                .interceptor(ondertekening)
                .pollingInterval(50)
                .timeout(30_000)
                .build();
        client.setName(partnerId + "-soap");
        return new Partner(client, ondertekening.antwoorden);
    }

    /** The client, and what the gateway's verified answers were signed with, oldest first. */
    record Partner(WebServiceClient client, List<WusHandtekening.Geverifieerd> antwoorden) {
    }

    /**
     * A gemeente's SOAP server on 127.0.0.1 (a free port), TLS with {@code <pki>/server.crt} (localhost) and client
     * certificates required from {@code <pki>/ca.crt}. A call nobody receives in {@code answerTimeoutMs} gets a fault.
     */
    static Gemeente gemeente(Path pki, String name, long answerTimeoutMs) {
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setSslContext(PemSslContexts.server(pki.resolve("server.crt"), pki.resolve("server.key"), pki.resolve("ca.crt")));
        tls.setNeedClientAuth(true);
        // Puts the client certificate on each request (jakarta.servlet.request.X509Certificate); the host name check
        // against SNI is off, as Jetty would refuse "localhost" there.
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        secure.setSniHostCheck(false);
        HttpConfiguration http = new HttpConfiguration();
        http.addCustomizer(secure);
        // As in GemeenteServers: our own connector, loopback only, the port picked by the OS when it binds.
        ServerConnector connector = new ServerConnector(new Server(), tls, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        Verificatie verificatie = new Verificatie(WusHandtekening.vertrouwd(pki));
        WebServiceServer server = new WebServiceServerBuilder()
                .connector(connector)
                .interceptors(verificatie)
                .timeout(answerTimeoutMs)
                .autoStart(true)
                .build();
        server.setName(name);
        server.initialize();
        return new Gemeente(server, connector, verificatie);
    }

    /** The gemeente's server, and what its interceptor verified per wsa:MessageID (or could not). */
    record Gemeente(WebServiceServer server, ServerConnector connector, Verificatie verificatie) {

        int port() {
            return connector.getLocalPort();
        }

        /** What the call with this wsa:MessageID was signed with, as verified; null if no such call passed. */
        WusHandtekening.Geverifieerd geverifieerd(String messageId) {
            return verificatie.geverifieerd.get(messageId);
        }

        /** The TLS client certificate of the call with this wsa:MessageID; null if no such call passed. */
        X509Certificate tlsClient(String messageId) {
            return verificatie.tlsClients.get(messageId);
        }

        List<String> fouten() {
            return verificatie.fouten;
        }
    }

    /** Client side: signs each request; verifies each answer against the CA (Koppelpunt signs its answers). */
    private static final class Ondertekening implements ClientInterceptor {

        private final Merlin ondertekenaar;
        private final Merlin vertrouwd;
        private final List<WusHandtekening.Geverifieerd> antwoorden = new CopyOnWriteArrayList<>();

        Ondertekening(Merlin ondertekenaar, Merlin vertrouwd) {
            this.ondertekenaar = ondertekenaar;
            this.vertrouwd = vertrouwd;
        }

        @Override
        public boolean handleRequest(MessageContext context) throws WebServiceClientException {
            WusHandtekening.onderteken(soapPart(context.getRequest()), ondertekenaar);
            return true;
        }

        @Override
        public boolean handleResponse(MessageContext context) throws WebServiceClientException {
            antwoorden.add(WusHandtekening.verifieer(soapPart(context.getResponse()), vertrouwd));
            return true;
        }

        @Override
        public boolean handleFault(MessageContext context) throws WebServiceClientException {
            // A fault is left to the test: Citrus hands it over as the send's failure.
            return true;
        }

        @Override
        public void afterCompletion(MessageContext context, Exception ex) throws WebServiceClientException {
        }
    }

    /**
     * Server side: every call must carry a valid WUS signature before Citrus receives it. It understands (in SOAP's
     * mustUnderstand sense) wsse:Security, which it verifies, and the WS-Addressing headers, which the test validates.
     */
    static final class Verificatie implements SoapEndpointInterceptor {

        private final Merlin vertrouwd;
        private final Map<String, WusHandtekening.Geverifieerd> geverifieerd = new ConcurrentHashMap<>();
        private final Map<String, X509Certificate> tlsClients = new ConcurrentHashMap<>();
        private final List<String> fouten = new CopyOnWriteArrayList<>();

        Verificatie(Merlin vertrouwd) {
            this.vertrouwd = vertrouwd;
        }

        @Override
        public boolean handleRequest(MessageContext context, Object endpoint) {
            SOAPPart envelope = soapPart(context.getRequest());
            Node messageId = envelope.getElementsByTagNameNS(WusHandtekening.WSA, "MessageID").item(0);
            try {
                WusHandtekening.Geverifieerd resultaat = WusHandtekening.verifieer(envelope, vertrouwd);
                String id = messageId == null ? "" : messageId.getTextContent().trim();
                geverifieerd.put(id, resultaat);
                HttpServletRequest request = ((HttpServletConnection) TransportContextHolder.getTransportContext()
                        .getConnection()).getHttpServletRequest();
                if (request.getAttribute("jakarta.servlet.request.X509Certificate") instanceof X509Certificate[] chain
                        && chain.length > 0) {
                    tlsClients.put(id, chain[0]);
                }
                return true;
            } catch (RuntimeException e) {
                fouten.add(e.getMessage());
                throw e;
            }
        }

        @Override
        public boolean understands(SoapHeaderElement header) {
            String ns = header.getName().getNamespaceURI();
            return WusHandtekening.WSA.equals(ns) || WSSE.equals(ns);
        }

        @Override
        public boolean handleResponse(MessageContext context, Object endpoint) {
            return true;
        }

        @Override
        public boolean handleFault(MessageContext context, Object endpoint) {
            return true;
        }

        @Override
        public void afterCompletion(MessageContext context, Object endpoint, Exception ex) {
        }
    }

    private static SOAPPart soapPart(org.springframework.ws.WebServiceMessage message) {
        return ((SaajSoapMessage) message).getSaajMessage().getSOAPPart();
    }
}
