package nl.koppelpunt.hub.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;

import org.apache.wss4j.common.crypto.Merlin;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.WSDataRef;
import org.apache.wss4j.dom.engine.WSSConfig;
import org.apache.wss4j.dom.engine.WSSecurityEngine;
import org.apache.wss4j.dom.engine.WSSecurityEngineResult;
import org.apache.wss4j.dom.handler.RequestData;
import org.apache.wss4j.dom.handler.WSHandlerResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import nl.koppelpunt.connectors.pki.Oin;
import nl.koppelpunt.connectors.pki.PemSslContexts;
import nl.koppelpunt.schemas.Berichttype;
import nl.koppelpunt.schemas.XmlEncoding;

/**
 * A gemeente's implementation of the koppelpunt-gemeente service as a gemeente would build it with any WS-Security
 * stack: an HTTPS server that demands a client certificate from the CA, verifies each call's WS-Security header with
 * WSS4J (signature against the CA, what it covers, which algorithms), reads WS-Addressing, and answers with
 * {@code ontvangen} or a scripted soap:Server / soap:Client fault. It records what it verified, never trusting it.
 */
public final class SoapGemeente implements AutoCloseable {

    static final String SOAP = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String WSA = "http://www.w3.org/2005/08/addressing";
    static final String WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
    static final String GEMEENTE = "https://koppelpunt.nl/contracten/v1/soap/gemeente";

    /** What a call carried, as verified. */
    public record Ontvangen(String pad, String messageId, String action, String to, Berichttype type, JsonNode bericht,
                            String ondertekenaarOin, String tlsClientOin, Set<QName> ondertekend, String handtekeningalgoritme,
                            Set<String> digestalgoritmen, String traceparent, String antwoord) {
    }

    /** A scripted answer. */
    public enum Antwoord { ONTVANGEN, SERVER_FAULT, CLIENT_FAULT, HTTP_503, TE_LAAT }

    private final HttpsServer server;
    private final Merlin vertrouwd = new Merlin();
    private final XmlEncoding encoding = new XmlEncoding();
    private final List<Ontvangen> ontvangen = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Antwoord> script = new ConcurrentLinkedQueue<>();
    private final List<String> fouten = new CopyOnWriteArrayList<>();
    private volatile java.util.concurrent.CountDownLatch slagboom = new java.util.concurrent.CountDownLatch(1);

    /** Serves TLS with the given server certificate and demands client certificates issued by {@code ca}. */
    public SoapGemeente(Path serverCrt, Path serverKey, Path ca) {
        try {
            SSLContext ssl = PemSslContexts.server(serverCrt, serverKey, ca);
            server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
            server.setHttpsConfigurator(new HttpsConfigurator(ssl) {
                @Override
                public void configure(HttpsParameters params) {
                    SSLParameters parameters = ssl.getDefaultSSLParameters();
                    parameters.setNeedClientAuth(true);
                    params.setSSLParameters(parameters);
                }
            });
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            try (InputStream in = java.nio.file.Files.newInputStream(ca)) {
                trust.setCertificateEntry("ca", java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in));
            }
            vertrouwd.setTrustStore(trust);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The next calls get these answers, in order; after that {@code ontvangen}. */
    public void antwoord(Antwoord... antwoorden) {
        script.addAll(List.of(antwoorden));
    }

    public List<Ontvangen> ontvangen() {
        return List.copyOf(ontvangen);
    }

    /** Calls that failed verification (the reason), which a real gemeente would have refused. */
    public List<String> fouten() {
        return List.copyOf(fouten);
    }

    /** The calls answered with {@code ontvangen}, each MessageID once (the gemeente de-duplicates on it). */
    public List<Ontvangen> aangenomen() {
        List<Ontvangen> uit = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Ontvangen o : ontvangen) {
            if (o.antwoord().equals(Antwoord.ONTVANGEN.name()) && ids.add(o.messageId())) {
                uit.add(o);
            }
        }
        return uit;
    }

    /** Lets answers held back by {@link Antwoord#TE_LAAT} go. */
    public void laatDoor() {
        slagboom.countDown();
    }

    public void reset() {
        slagboom.countDown();
        slagboom = new java.util.concurrent.CountDownLatch(1);
        ontvangen.clear();
        script.clear();
        fouten.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String relatesTo = "";
        try {
            Document envelope = parse(body);
            relatesTo = tekst(envelope, WSA, "MessageID");
            WSHandlerResult resultaat = verifieer(envelope);
            X509Certificate ondertekenaar = null;
            String algoritme = null;
            Set<QName> ondertekend = new HashSet<>();
            Set<String> digests = new HashSet<>();
            for (WSSecurityEngineResult actie : resultaat.getActionResults().getOrDefault(WSConstants.SIGN, List.of())) {
                ondertekenaar = (X509Certificate) actie.get(WSSecurityEngineResult.TAG_X509_CERTIFICATE);
                algoritme = (String) actie.get(WSSecurityEngineResult.TAG_SIGNATURE_METHOD);
                @SuppressWarnings("unchecked")
                List<WSDataRef> refs = (List<WSDataRef>) actie.get(WSSecurityEngineResult.TAG_DATA_REF_URIS);
                for (WSDataRef ref : refs) {
                    ondertekend.add(ref.getName());
                    digests.add(ref.getDigestAlgorithm());
                }
            }
            if (resultaat.getActionResults().getOrDefault(WSConstants.TS, List.of()).isEmpty()) {
                throw new IllegalStateException("no wsu:Timestamp");
            }
            Element bericht = bodyElement(envelope);
            Berichttype type = Berichttype.fromCode(bericht.getLocalName()).orElseThrow();
            SSLSession tls = ((com.sun.net.httpserver.HttpsExchange) exchange).getSSLSession();
            String tlsOin = Oin.fromCertificate((X509Certificate) tls.getPeerCertificates()[0]).orElse(null);
            Antwoord antwoord = script.poll();
            antwoord = antwoord == null ? Antwoord.ONTVANGEN : antwoord;
            ontvangen.add(new Ontvangen(exchange.getRequestURI().getPath(), relatesTo, tekst(envelope, WSA, "Action"),
                    tekst(envelope, WSA, "To"), type, encoding.toJson(type, bericht),
                    ondertekenaar == null ? null : Oin.fromCertificate(ondertekenaar).orElse(null), tlsOin, ondertekend,
                    algoritme, digests, exchange.getRequestHeaders().getFirst("traceparent"), antwoord.name()));
            switch (antwoord) {
                case SERVER_FAULT -> stuur(exchange, 500, fault("soap:Server", "Tijdelijk niet beschikbaar", relatesTo));
                case CLIENT_FAULT -> stuur(exchange, 500, fault("soap:Client", "Bericht geweigerd", relatesTo));
                case TE_LAAT -> {
                    // A back-office that answers only after the caller gave up (released by laatDoor()).
                    try {
                        slagboom.await(30, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    try {
                        stuur(exchange, 200, envelop(relatesTo, GEMEENTE + "/" + type.code() + "/ontvangen",
                                "<g:ontvangen xmlns:g='" + GEMEENTE + "'/>"));
                    } catch (IOException callerGone) {
                        // expected: Koppelpunt timed out and closed the connection
                    }
                }
                case HTTP_503 -> {
                    // A proxy in front of the back-office: no SOAP at all.
                    exchange.sendResponseHeaders(503, -1);
                    exchange.close();
                }
                default -> stuur(exchange, 200, envelop(relatesTo, GEMEENTE + "/" + type.code() + "/ontvangen",
                        "<g:ontvangen xmlns:g='" + GEMEENTE + "'><g:kenmerk>" + UUID.randomUUID() + "</g:kenmerk></g:ontvangen>"));
            }
        } catch (Exception e) {
            fouten.add(String.valueOf(e));
            stuur(exchange, 500, fault("soap:Client", "Verificatie mislukt", relatesTo));
        }
    }

    private WSHandlerResult verifieer(Document envelope) throws Exception {
        RequestData data = new RequestData();
        data.setWssConfig(WSSConfig.getNewInstance());
        data.setSigVerCrypto(vertrouwd);
        // What a WUS receiver demands: the signing certificate chains to a trusted CA.
        data.setSubjectCertConstraints(List.of(java.util.regex.Pattern.compile(".*")));
        WSHandlerResult result = new WSSecurityEngine().processSecurityHeader(envelope, data);
        if (result == null) {
            throw new IllegalStateException("no wsse:Security header");
        }
        return result;
    }

    private static Element bodyElement(Document envelope) {
        Element body = (Element) envelope.getElementsByTagNameNS(SOAP, "Body").item(0);
        for (Node n = body.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element) {
                return (Element) n;
            }
        }
        throw new IllegalStateException("empty Body");
    }

    private static String tekst(Document document, String ns, String naam) {
        Node node = document.getElementsByTagNameNS(ns, naam).item(0);
        return node == null ? null : node.getTextContent().trim();
    }

    private static String fault(String code, String reden, String relatesTo) {
        return envelop(relatesTo, "http://www.w3.org/2005/08/addressing/soap/fault",
                "<soap:Fault><faultcode>" + code + "</faultcode><faultstring>" + reden + "</faultstring></soap:Fault>");
    }

    private static String envelop(String relatesTo, String action, String inhoud) {
        return "<soap:Envelope xmlns:soap='" + SOAP + "' xmlns:wsa='" + WSA + "'><soap:Header>"
                + "<wsa:Action>" + action + "</wsa:Action><wsa:MessageID>urn:uuid:" + UUID.randomUUID() + "</wsa:MessageID>"
                + (relatesTo == null ? "" : "<wsa:RelatesTo>" + relatesTo + "</wsa:RelatesTo>")
                + "</soap:Header><soap:Body>" + inhoud + "</soap:Body></soap:Envelope>";
    }

    private static void stuur(HttpExchange exchange, int status, String xml) throws IOException {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/xml; charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static Document parse(byte[] body) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
