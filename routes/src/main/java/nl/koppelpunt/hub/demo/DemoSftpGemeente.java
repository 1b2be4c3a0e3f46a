package nl.koppelpunt.hub.demo;

import java.io.IOException;
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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import nl.koppelpunt.connectors.partner.SshSleutels;
import nl.koppelpunt.hub.sftp.SftpDienst;

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
public class DemoSftpGemeente extends SftpDienst {

    private final int gevraagdePoort;
    private final Path map;
    private final String gebruiker;
    private final Path hostSleutel;
    private final Path toegestaneSleutel;
    private final List<String> mappen;

    public DemoSftpGemeente(@Value("${koppelpunt.demo.sftp-gemeente.poort}") int poort,
                            @Value("${koppelpunt.demo.sftp-gemeente.map}") Path map,
                            @Value("${koppelpunt.demo.sftp-gemeente.gebruiker}") String gebruiker,
                            @Value("${koppelpunt.demo.sftp-gemeente.host-sleutel}") Path hostSleutel,
                            @Value("${koppelpunt.demo.sftp-gemeente.toegestane-sleutel}") Path toegestaneSleutel,
                            @Value("${koppelpunt.demo.sftp-gemeente.mappen}") List<String> mappen) {
        super("demo gemeente SFTP server (into " + map.toAbsolutePath() + ")");
        this.gevraagdePoort = poort;
        this.map = map;
        this.gebruiker = gebruiker;
        this.hostSleutel = hostSleutel;
        this.toegestaneSleutel = toegestaneSleutel;
        this.mappen = mappen;
    }

    @Override
    protected SshServer bouw() throws IOException {
        for (String sub : mappen) {
            Files.createDirectories(map.resolve(sub));
        }
        PublicKey koppelpunt = SshSleutels.publiekeSleutel(Files.readString(toegestaneSleutel, StandardCharsets.US_ASCII));
        // The key Koppelpunt pins in the partner file (sftp.host-sleutel = its .pub beside it).
        SshServer server = alleenSftp("localhost", gevraagdePoort, new FileKeyPairProvider(hostSleutel),
                (user, key, session) -> gebruiker.equals(user) && KeyUtils.compareKeys(koppelpunt, key),
                new SftpSubsystemFactory.Builder().build());
        server.setFileSystemFactory(new VirtualFileSystemFactory(map.toAbsolutePath()));
        return server;
    }
}
