package nl.koppelpunt.hub.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import nl.koppelpunt.connectors.partner.SshSleutels;
import nl.koppelpunt.hub.sftp.AlleenSftp;

/**
 * The demo gemeente's own SFTP server (README, "Receiving over SFTP"): what a gemeente that receives by SFTP runs,
 * here inside the gateway so a newcomer can watch a klantprofiel arrive in {@code data/demo-gemeente-sftp/} without
 * setting anything up. Only with {@code koppelpunt.demo.sftp-gemeente.enabled=true} (development; off with profile
 * {@code productie} and in tests). It is the other side of the wire: Koppelpunt reaches it only through the demo
 * partner file {@code gemeente-groningen.yaml}, over SSH with strict host key checking, like any gemeente's server.
 * It accepts one user ({@code gebruiker}) with one key: Koppelpunt's SSH client key.
 */
@Component
@ConditionalOnProperty(name = "koppelpunt.demo.sftp-gemeente.enabled", havingValue = "true")
public class DemoSftpGemeente implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(DemoSftpGemeente.class);

    private final int gevraagdePoort;
    private final Path map;
    private final String gebruiker;
    private final Path hostSleutel;
    private final Path toegestaneSleutel;
    private final List<String> mappen;
    private volatile SshServer sshd;

    public DemoSftpGemeente(@Value("${koppelpunt.demo.sftp-gemeente.poort}") int poort,
                            @Value("${koppelpunt.demo.sftp-gemeente.map}") Path map,
                            @Value("${koppelpunt.demo.sftp-gemeente.gebruiker}") String gebruiker,
                            @Value("${koppelpunt.demo.sftp-gemeente.host-sleutel}") Path hostSleutel,
                            @Value("${koppelpunt.demo.sftp-gemeente.toegestane-sleutel}") Path toegestaneSleutel,
                            @Value("${koppelpunt.demo.sftp-gemeente.mappen}") List<String> mappen) {
        this.gevraagdePoort = poort;
        this.map = map;
        this.gebruiker = gebruiker;
        this.hostSleutel = hostSleutel;
        this.toegestaneSleutel = toegestaneSleutel;
        this.mappen = mappen;
    }

    @Override
    public synchronized void start() {
        if (sshd != null) {
            return;
        }
        try {
            for (String sub : mappen) {
                Files.createDirectories(map.resolve(sub));
            }
            PublicKey koppelpunt = SshSleutels.publiekeSleutel(Files.readString(toegestaneSleutel, StandardCharsets.US_ASCII));
            // The key Koppelpunt pins in the partner file (sftp.host-sleutel = its .pub beside it).
            SshServer server = AlleenSftp.server("localhost", gevraagdePoort, new FileKeyPairProvider(hostSleutel),
                    (user, key, session) -> gebruiker.equals(user) && KeyUtils.compareKeys(koppelpunt, key),
                    new SftpSubsystemFactory.Builder().build());
            server.setFileSystemFactory(new VirtualFileSystemFactory(map.toAbsolutePath()));
            server.start();
            sshd = server;
            LOG.info("Demo gemeente SFTP server on localhost:{}, receiving into {}", server.getPort(), map.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the demo gemeente's SFTP server on port " + gevraagdePoort, e);
        }
    }

    /** The bound port (with {@code poort=0} a free one). */
    public int poort() {
        SshServer server = sshd;
        return server == null ? -1 : server.getPort();
    }

    @Override
    public synchronized void stop() {
        if (sshd != null) {
            try {
                sshd.stop(true);
            } catch (IOException e) {
                LOG.warn("Demo gemeente SFTP server did not stop cleanly", e);
            }
            sshd = null;
        }
    }

    @Override
    public boolean isRunning() {
        return sshd != null;
    }
}
