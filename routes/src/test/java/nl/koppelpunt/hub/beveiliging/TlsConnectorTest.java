package nl.koppelpunt.hub.beveiliging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import nl.koppelpunt.connectors.pki.PemSslContexts;
import nl.koppelpunt.hub.support.HubIntegrationTest;

/**
 * The HTTPS connector speaks TLS 1.2 and 1.3 only, and TLS 1.2 only with ECDHE + AEAD suites. Old protocol versions
 * are offered with a hand-written ClientHello (the JDK client will not send them); weak TLS 1.2 suites with the JDK
 * client restricted to that one suite, which it would otherwise offer by default.
 */
class TlsConnectorTest extends HubIntegrationTest {

    private static final int TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 = 0xC02F;
    /** TLS alerts the server may answer a refused hello with (RFC 8446 §6.2). */
    private static final int HANDSHAKE_FAILURE = 40;
    private static final int PROTOCOL_VERSION = 70;
    private static final int INSUFFICIENT_SECURITY = 71;

    @Test
    void tls13IsTheDefault() throws Exception {
        SSLSession session = handshake(new String[] {"TLSv1.3", "TLSv1.2"}, null);
        assertThat(session.getProtocol()).isEqualTo("TLSv1.3");
        assertThat(session.getCipherSuite()).isIn("TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256",
                "TLS_CHACHA20_POLY1305_SHA256");
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"})
    void tls12WithAStrongSuiteWorks(String suite) throws Exception {
        SSLSession session = handshake(new String[] {"TLSv1.2"}, suite);
        assertThat(session.getProtocol()).isEqualTo("TLSv1.2");
        assertThat(session.getCipherSuite()).isEqualTo(suite);
    }

    /** CBC (MAC-then-encrypt), static RSA key exchange (no forward secrecy), finite-field DHE. */
    @ParameterizedTest
    @ValueSource(strings = {"TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA",
            "TLS_RSA_WITH_AES_128_GCM_SHA256", "TLS_RSA_WITH_AES_256_CBC_SHA256", "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256"})
    void tls12WithAWeakSuiteIsRefused(String suite) throws Exception {
        // The refusal must be the server's: this JDK's client offers the suite by default.
        assertThat(SSLContext.getDefault().getDefaultSSLParameters().getCipherSuites()).contains(suite);

        assertThatThrownBy(() -> handshake(new String[] {"TLSv1.2"}, suite)).isInstanceOf(SSLHandshakeException.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"SSLv3, 0x0300", "TLSv1.0, 0x0301", "TLSv1.1, 0x0302"})
    void anOldProtocolVersionIsRefused(String naam, String versie) throws Exception {
        ClientHello.Antwoord antwoord = ClientHello.stuur(port, Integer.decode(versie),
                // Strong suites and the suites TLS 1.0/1.1 clients commonly offer: only the version can be the reason.
                TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, 0xC013 /* ECDHE_RSA_AES_128_CBC_SHA */,
                0xC014 /* ECDHE_RSA_AES_256_CBC_SHA */, 0x002F /* RSA_AES_128_CBC_SHA */);

        assertThat(antwoord.serverHello()).as("the server must not accept %s", naam).isFalse();
        if (!antwoord.gesloten()) {
            assertThat(antwoord.alert()).isIn(PROTOCOL_VERSION, HANDSHAKE_FAILURE, INSUFFICIENT_SECURITY);
        }
    }

    /** The hand-written hello itself is sound: offered as TLS 1.2 with a strong suite, the server takes it. */
    @Test
    void theHandWrittenHelloIsAcceptedAsTls12WithAStrongSuite() throws Exception {
        ClientHello.Antwoord antwoord = ClientHello.stuur(port, ClientHello.TLS_1_2, TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256);

        assertThat(antwoord.serverHello()).isTrue();
        assertThat(antwoord.versie()).isEqualTo(ClientHello.TLS_1_2);
        assertThat(antwoord.suite()).isEqualTo(TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256);
    }

    @Test
    void theHandWrittenHelloIsRefusedAsTls12WithOnlyWeakSuites() throws Exception {
        ClientHello.Antwoord antwoord = ClientHello.stuur(port, ClientHello.TLS_1_2,
                0xC027 /* ECDHE_RSA_AES_128_CBC_SHA256 */, 0x009C /* RSA_AES_128_GCM_SHA256 */, 0x000A /* RSA_3DES */);

        assertThat(antwoord.serverHello()).isFalse();
        if (!antwoord.gesloten()) {
            assertThat(antwoord.alert()).isEqualTo(HANDSHAKE_FAILURE);
        }
    }

    /** A full handshake as partner COA (client certificate included), with only these protocols and this suite. */
    private SSLSession handshake(String[] protocols, String suite) throws Exception {
        SSLContext context = PemSslContexts.client(DATA_DIR.resolve("pki/coa.crt"), DATA_DIR.resolve("pki/coa.key"),
                DATA_DIR.resolve("pki/ca.crt"));
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.setEnabledProtocols(protocols);
            if (suite != null) {
                socket.setEnabledCipherSuites(new String[] {suite});
            }
            socket.startHandshake();
            return socket.getSession();
        }
    }
}
