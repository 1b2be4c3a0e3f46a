package nl.koppelpunt.connectors.pki;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static nl.koppelpunt.connectors.pki.TestCertificates.DUO;
import static nl.koppelpunt.connectors.pki.TestCertificates.UTRECHT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PEM files in a real TLS handshake over loopback: a JDK server socket that demands a client certificate
 * from the development CA, the way the gateway will. Every wait is bounded by a socket or future timeout.
 */
class MutualTlsTest {

    private static final int TIMEOUT_MILLIS = 10_000;
    private static final String LOOPBACK = "127.0.0.1";

    @TempDir
    static Path dir;
    static DevelopmentPki pki;
    static ExecutorService executor;

    record Peer(X509Certificate certificate, Optional<String> oin) {
    }

    @BeforeAll
    static void setUp() {
        pki = DevelopmentPki.ensure(dir.resolve("pki"), List.of(UTRECHT), List.of());
        executor = Executors.newCachedThreadPool();
    }

    @AfterAll
    static void tearDown() {
        executor.shutdownNow();
    }

    @Test
    void serverSeesThePartnersCertificateAndOin() throws Exception {
        SSLContext client = PemSslContexts.client(pki.partnerCertificate(UTRECHT.id()), pki.partnerKey(UTRECHT.id()), pki.caCertificate());
        try (SSLServerSocket server = gatewaySocket()) {
            Future<Peer> seen = acceptOne(server);
            try (SSLSocket socket = connect(client, server)) {
                exchange(socket);
                X509Certificate gateway = (X509Certificate) socket.getSession().getPeerCertificates()[0];
                assertThat(Oin.fromCertificate(gateway)).contains(DevelopmentPki.KOPPELPUNT_OIN);
            }
            Peer peer = seen.get(TIMEOUT_MILLIS, MILLISECONDS);
            assertThat(peer.oin()).contains(UTRECHT.oin());
            assertThat(peer.certificate()).isEqualTo(TestCertificates.read(pki.partnerCertificate(UTRECHT.id())));
        }
    }

    @Test
    void partnerWhoseOinIsNotConfiguredStillPassesTlsSoAuthorisationMustCheckTheOin() throws Exception {
        Path crt = dir.resolve("duo.crt");
        Path key = dir.resolve("duo.key");
        pki.issue(DUO, crt, key);
        try (SSLServerSocket server = gatewaySocket()) {
            Future<Peer> seen = acceptOne(server);
            try (SSLSocket socket = connect(PemSslContexts.client(crt, key, pki.caCertificate()), server)) {
                exchange(socket);
            }
            assertThat(seen.get(TIMEOUT_MILLIS, MILLISECONDS).oin()).contains(DUO.oin());
        }
    }

    @Test
    void certificateFromAnUntrustedCaFailsTheHandshake() throws Exception {
        DevelopmentPki other = TestCertificates.untrustedCa(dir.resolve("other"));
        Path crt = dir.resolve("rogue.crt");
        Path key = dir.resolve("rogue.key");
        other.issue(UTRECHT, crt, key); // Utrecht's name and OIN: only the issuing key gives it away
        try (SSLServerSocket server = gatewaySocket()) {
            Future<Peer> seen = acceptOne(server);
            try (SSLSocket socket = connect(PemSslContexts.client(crt, key, pki.caCertificate()), server)) {
                // With TLS 1.3 the client can finish its half before the server rejects the certificate,
                // so the refusal may only reach the client on its first read.
                assertThatThrownBy(() -> exchange(socket)).isInstanceOf(IOException.class);
            }
            assertThatThrownBy(() -> seen.get(TIMEOUT_MILLIS, MILLISECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(SSLHandshakeException.class);
        }
    }

    @Test
    void clientWithoutCertificateIsRefused() throws Exception {
        try (SSLServerSocket server = gatewaySocket()) {
            Future<Peer> seen = acceptOne(server);
            try (SSLSocket socket = connect(PemSslContexts.trustOnly(pki.caCertificate()), server)) {
                assertThatThrownBy(() -> exchange(socket)).isInstanceOf(IOException.class);
            }
            assertThatThrownBy(() -> seen.get(TIMEOUT_MILLIS, MILLISECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(SSLHandshakeException.class);
        }
    }

    @Test
    void trustOnlyRefusesAServerFromAnotherCa() throws Exception {
        DevelopmentPki other = TestCertificates.untrustedCa(dir.resolve("other-for-client"));
        try (SSLServerSocket server = gatewaySocket()) {
            Future<Peer> seen = acceptOne(server);
            try (SSLSocket socket = connect(PemSslContexts.trustOnly(other.caCertificate()), server)) {
                assertThatThrownBy(socket::startHandshake).isInstanceOf(SSLHandshakeException.class);
            }
            assertThatThrownBy(() -> seen.get(TIMEOUT_MILLIS, MILLISECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(SSLException.class);
        }
    }

    private static SSLServerSocket gatewaySocket() throws IOException {
        SSLContext context = PemSslContexts.server(pki.serverCertificate(), pki.serverKey(), pki.caCertificate());
        SSLServerSocket server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 1, InetAddress.getByName(LOOPBACK));
        server.setNeedClientAuth(true);
        server.setSoTimeout(TIMEOUT_MILLIS);
        return server;
    }

    /** Accepts one connection, completes the handshake, answers one byte and reports who the client was. */
    private static Future<Peer> acceptOne(SSLServerSocket server) {
        return executor.submit(() -> {
            try (SSLSocket socket = (SSLSocket) server.accept()) {
                socket.setSoTimeout(TIMEOUT_MILLIS);
                socket.startHandshake();
                if (socket.getInputStream().read() < 0) {
                    throw new EOFException("client went away");
                }
                X509Certificate client = (X509Certificate) socket.getSession().getPeerCertificates()[0];
                socket.getOutputStream().write('y');
                socket.getOutputStream().flush();
                return new Peer(client, Oin.fromCertificate(client));
            }
        });
    }

    private static SSLSocket connect(SSLContext context, SSLServerSocket server) throws IOException {
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(LOOPBACK, server.getLocalPort());
        socket.setSoTimeout(TIMEOUT_MILLIS);
        // Check the server certificate's names as an HTTPS client would: here the IP address SAN 127.0.0.1.
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
        return socket;
    }

    private static void exchange(SSLSocket socket) throws IOException {
        socket.startHandshake();
        socket.getOutputStream().write('x');
        socket.getOutputStream().flush();
        if (socket.getInputStream().read() != 'y') {
            throw new EOFException("no answer from the server");
        }
    }
}
