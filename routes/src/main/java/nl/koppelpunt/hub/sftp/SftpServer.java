package nl.koppelpunt.hub.sftp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import nl.koppelpunt.connectors.partner.Partner;
import nl.koppelpunt.connectors.partner.PartnerRegister;
import nl.koppelpunt.connectors.partner.SshSleutels;
import nl.koppelpunt.connectors.pki.DevelopmentSshKeys;

/**
 * The hosted SFTP inbox (docs/sftp.md): Apache MINA SSHD with only the SFTP subsystem. A partner logs in with its
 * id as user name and its SSH key from config/partners (in development mode also the generated
 * {@code <pki-dir>/<id>-ssh}); it sees only its own folder {@code <sftp-dir>/<id>/}. No passwords, no shell, no
 * exec, no port forwarding: nothing is configured for them, and forwarding is refused explicitly.
 */
@Component
public class SftpServer extends SftpDienst {

    private static final Logger LOG = LoggerFactory.getLogger(SftpServer.class);

    private final PartnerRegister partners;
    private final SftpMappen mappen;
    private final SftpSchrijvers schrijvers;
    private final int gevraagdePoort;
    private final String host;
    private final Path hostSleutel;
    private final boolean ontwikkeling;
    private final Path pkiDir;
    private final boolean aan;

    public SftpServer(PartnerRegister partners, SftpMappen mappen, SftpSchrijvers schrijvers,
                      @Value("${koppelpunt.sftp.port:2222}") int poort,
                      @Value("${koppelpunt.sftp.host:0.0.0.0}") String host,
                      @Value("${koppelpunt.sftp.host-sleutel:${koppelpunt.data-dir}/sleutels/sftp-host.key}") Path hostSleutel,
                      @Value("${koppelpunt.ontwikkeling:false}") boolean ontwikkeling,
                      @Value("${koppelpunt.pki.dir}") Path pkiDir,
                      @Value("${koppelpunt.sftp.enabled:true}") boolean aan) {
        super("SFTP inbox");
        this.partners = partners;
        this.mappen = mappen;
        this.schrijvers = schrijvers;
        this.gevraagdePoort = poort;
        this.host = host;
        this.hostSleutel = hostSleutel;
        this.ontwikkeling = ontwikkeling;
        this.pkiDir = pkiDir;
        this.aan = aan;
    }

    @Override
    protected boolean aan() {
        return aan;
    }

    @Override
    protected SshServer bouw() throws IOException {
        Files.createDirectories(hostSleutel.toAbsolutePath().getParent());
        // Generated on first start and kept: clients pin the host key (known_hosts).
        SimpleGeneratorHostKeyProvider hostKeys = new SimpleGeneratorHostKeyProvider(hostSleutel);
        hostKeys.setAlgorithm(KeyUtils.EC_ALGORITHM);
        hostKeys.setKeySize(256);
        SftpSubsystemFactory sftp = new SftpSubsystemFactory.Builder().withFileSystemAccessor(new SftpPaden()).build();
        sftp.addSftpEventListener(schrijvers);
        SshServer server = alleenSftp(host, gevraagdePoort, hostKeys, (user, key, session) -> magInloggen(user, key), sftp);
        server.setFileSystemFactory(chroots());
        return server;
    }

    /**
     * One folder per partner that may send: the root of what that partner sees (a chroot). Resolved at login, so a
     * partner added by a reload of the partner files can log in without a restart.
     */
    private VirtualFileSystemFactory chroots() throws IOException {
        for (Partner partner : partners.huidig().all()) {
            if (SftpToegang.heeftInbox(partner)) {
                mappen.inbox(partner.id()); // present from the start, for the operator and the inbox route
            }
        }
        return new VirtualFileSystemFactory() {
            @Override
            public Path getUserHomeDir(String gebruiker) {
                // Only reached after authentication: the name is a configured partner id, a validated slug.
                try {
                    return mappen.inbox(gebruiker);
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot create the SFTP folder of " + gebruiker, e);
                }
            }
        };
    }

    boolean magInloggen(String gebruiker, PublicKey aangeboden) {
        Optional<Partner> partner = partners.huidig().byId(gebruiker);
        if (partner.isEmpty() || !SftpToegang.heeftInbox(partner.get())) {
            return false;
        }
        boolean ok = sleutels(partner.get()).stream().anyMatch(k -> KeyUtils.compareKeys(k, aangeboden));
        if (!ok) {
            LOG.warn("SFTP login refused for partner {}: key not configured", partner.get().id());
        }
        return ok;
    }

    private List<PublicKey> sleutels(Partner partner) {
        List<PublicKey> keys = new ArrayList<>();
        if (partner.sftpSleutel() != null) {
            keys.add(SshSleutels.publiekeSleutel(partner.sftpSleutel()));
        }
        if (ontwikkeling) {
            keys.add(DevelopmentSshKeys.ensure(pkiDir, partner.id()));
        }
        return keys;
    }
}
