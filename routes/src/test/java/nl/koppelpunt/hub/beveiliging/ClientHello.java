package nl.koppelpunt.hub.beveiliging;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.security.SecureRandom;

/**
 * A hand-written TLS ClientHello (RFC 5246 §7.4.1.2), so a test can offer what the JDK's own client refuses to send
 * (TLS 1.0 and 1.1 are disabled in {@code jdk.tls.disabledAlgorithms}): the server's answer is then the server's
 * decision alone. Only the first record of the answer is read: a ServerHello or an alert.
 */
final class ClientHello {

    static final int SSL_3_0 = 0x0300;
    static final int TLS_1_0 = 0x0301;
    static final int TLS_1_1 = 0x0302;
    static final int TLS_1_2 = 0x0303;

    private static final int HANDSHAKE = 22;
    private static final int ALERT = 21;
    private static final int SERVER_HELLO = 2;

    /** What the server said first. */
    record Antwoord(boolean serverHello, int versie, int suite, int alert, boolean gesloten) {

        static Antwoord metServerHello(int versie, int suite) {
            return new Antwoord(true, versie, suite, -1, false);
        }

        static Antwoord metAlert(int beschrijving) {
            return new Antwoord(false, -1, -1, beschrijving, false);
        }

        static Antwoord verbindingDicht() {
            return new Antwoord(false, -1, -1, -1, true);
        }
    }

    private ClientHello() {
    }

    /** Offers {@code versie} as the highest version and only {@code suites}; returns the server's first answer. */
    static Antwoord stuur(int port, int versie, int... suites) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(record(handshake(versie, suites)));
            out.flush();
            return lees(new DataInputStream(socket.getInputStream()));
        }
    }

    private static Antwoord lees(DataInputStream in) throws IOException {
        int type;
        byte[] body;
        try {
            type = in.readUnsignedByte();
            in.readUnsignedShort();
            body = new byte[in.readUnsignedShort()];
            in.readFully(body);
        } catch (EOFException | java.net.SocketException e) {
            return Antwoord.verbindingDicht();
        }
        if (type == ALERT) {
            return Antwoord.metAlert(body[1] & 0xff);
        }
        if (type != HANDSHAKE || (body[0] & 0xff) != SERVER_HELLO) {
            throw new IllegalStateException("unexpected TLS record type " + type);
        }
        int versie = u16(body, 4);
        int sessionIdLength = body[4 + 2 + 32] & 0xff;
        int suite = u16(body, 4 + 2 + 32 + 1 + sessionIdLength);
        return Antwoord.metServerHello(versie, suite);
    }

    private static byte[] handshake(int versie, int[] suites) {
        Bytes hello = new Bytes();
        hello.u16(versie);
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        hello.raw(random);
        hello.u8(0); // no session id
        hello.u16(2 * (suites.length + 1));
        for (int suite : suites) {
            hello.u16(suite);
        }
        hello.u16(0x00FF); // TLS_EMPTY_RENEGOTIATION_INFO_SCSV: a well-behaved client, refused for no other reason
        hello.u8(1).u8(0); // compression: null only
        Bytes extensions = new Bytes();
        // supported_groups: x25519, secp256r1, secp384r1 (so ECDHE suites can be chosen)
        extensions.u16(0x000a).u16(8).u16(6).u16(0x001d).u16(0x0017).u16(0x0018);
        // ec_point_formats: uncompressed
        extensions.u16(0x000b).u16(2).u8(1).u8(0);
        // signature_algorithms: rsa_pss_rsae_sha256, rsa_pkcs1_sha256, ecdsa_secp256r1_sha256, rsa_pss_rsae_sha384
        extensions.u16(0x000d).u16(10).u16(8).u16(0x0804).u16(0x0401).u16(0x0403).u16(0x0805);
        hello.u16(extensions.size()).raw(extensions.toByteArray());

        Bytes handshake = new Bytes();
        handshake.u8(1).u24(hello.size()).raw(hello.toByteArray());
        return handshake.toByteArray();
    }

    private static byte[] record(byte[] handshake) {
        // The record layer says TLS 1.0, as real clients do for their first flight.
        return new Bytes().u8(HANDSHAKE).u16(TLS_1_0).u16(handshake.length).raw(handshake).toByteArray();
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
    }

    private static final class Bytes extends ByteArrayOutputStream {

        Bytes u8(int v) {
            write(v);
            return this;
        }

        Bytes u16(int v) {
            return u8(v >>> 8).u8(v & 0xff);
        }

        Bytes u24(int v) {
            return u8(v >>> 16).u16(v & 0xffff);
        }

        Bytes raw(byte[] bytes) {
            write(bytes, 0, bytes.length);
            return this;
        }
    }
}
