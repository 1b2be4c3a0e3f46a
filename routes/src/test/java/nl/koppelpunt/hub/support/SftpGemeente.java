package nl.koppelpunt.hub.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * A gemeente's SFTP server for tests: Apache MINA SSHD on a free port (the same port after a restart, so a test can
 * take it down and bring it back), one user with one authorised key, files landing in {@link #map()}. Its host key is
 * made here; {@link #hostSleutel()} is what the gemeente tells Koppelpunt to pin.
 */
public final class SftpGemeente implements AutoCloseable {

    public static final String GEBRUIKER = "koppelpunt";

    private final Path map;
    private final int poort;
    private final KeyPair hostSleutel;
    private final AtomicInteger aanmeldingen = new AtomicInteger();
    private volatile PublicKey toegestaan;
    private SshServer sshd;

    public SftpGemeente(Path map) {
        this.map = map;
        this.poort = vrijePoort();
        this.hostSleutel = nieuweSleutel();
    }

    /** Lets in the holder of this key (Koppelpunt's SSH client key, an OpenSSH .pub line). */
    public SftpGemeente staToe(PublicKey sleutel) {
        this.toegestaan = sleutel;
        return this;
    }

    public synchronized SftpGemeente start() {
        if (sshd != null) {
            return this;
        }
        try {
            Files.createDirectories(map);
            SshServer server = SshServer.setUpDefaultServer();
            server.setHost("localhost");
            server.setPort(poort);
            server.setKeyPairProvider(KeyPairProvider.wrap(hostSleutel));
            server.setPasswordAuthenticator(null);
            server.setKeyboardInteractiveAuthenticator(null);
            server.setPublickeyAuthenticator((user, key, session) -> {
                boolean ok = GEBRUIKER.equals(user) && toegestaan != null && KeyUtils.compareKeys(toegestaan, key);
                if (ok) {
                    aanmeldingen.incrementAndGet();
                }
                return ok;
            });
            server.setSubsystemFactories(List.of(new SftpSubsystemFactory.Builder().build()));
            server.setFileSystemFactory(new VirtualFileSystemFactory(map.toAbsolutePath()));
            server.start();
            sshd = server;
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Down: connections are refused until {@link #start()}. */
    public synchronized void stop() {
        if (sshd != null) {
            try {
                sshd.stop(true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            sshd = null;
        }
    }

    public Path map() {
        return map;
    }

    public int poort() {
        return poort;
    }

    /** The server's public host key as one OpenSSH line. */
    public String hostSleutel() {
        return PublicKeyEntry.toString(hostSleutel.getPublic());
    }

    /** Logins that got past authentication (the host key check comes before, on the client). */
    public int aanmeldingen() {
        return aanmeldingen.get();
    }

    /** Another key of the same type: what an impostor at the same address would present. */
    public static String andereHostSleutel() {
        return PublicKeyEntry.toString(nieuweSleutel().getPublic());
    }

    @Override
    public void close() {
        stop();
    }

    private static KeyPair nieuweSleutel() {
        try {
            return KeyUtils.generateKeyPair("ecdsa-sha2-nistp256", 256);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int vrijePoort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
