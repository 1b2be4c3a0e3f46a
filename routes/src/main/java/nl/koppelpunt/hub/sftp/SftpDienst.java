package nl.koppelpunt.hub.sftp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.pubkey.PublickeyAuthenticator;
import org.apache.sshd.server.forward.RejectAllForwardingFilter;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * An SSH server the gateway runs (the partners' inbox, the demo gemeente) that offers SFTP and nothing else. The
 * restrictions live here, in one place for every such server, where the next reader looks: public-key login only (no
 * password, keyboard-interactive or GSS), no shell, no exec, no port or agent forwarding. A subclass says what it
 * serves ({@link #bouw}); starting, stopping and the bound port are the same for all.
 */
public abstract class SftpDienst implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(SftpDienst.class);

    private final String naam;
    private volatile SshServer sshd;

    protected SftpDienst(String naam) {
        this.naam = naam;
    }

    /** The server to start, made with {@link #alleenSftp}; not started yet. */
    protected abstract SshServer bouw() throws IOException;

    /** Whether it runs at all (configuration); the default is yes. */
    protected boolean aan() {
        return true;
    }

    protected static SshServer alleenSftp(String host, int poort, KeyPairProvider hostSleutels,
                                          PublickeyAuthenticator sleutels, SftpSubsystemFactory sftp) {
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost(host);
        server.setPort(poort);
        server.setKeyPairProvider(hostSleutels);
        server.setPasswordAuthenticator(null);
        server.setKeyboardInteractiveAuthenticator(null);
        server.setGSSAuthenticator(null);
        server.setPublickeyAuthenticator(sleutels);
        server.setShellFactory(null);
        server.setCommandFactory(null);
        server.setForwardingFilter(RejectAllForwardingFilter.INSTANCE);
        server.setSubsystemFactories(List.of(sftp));
        return server;
    }

    @Override
    public synchronized void start() {
        if (!aan() || sshd != null) {
            return;
        }
        try {
            SshServer server = bouw();
            server.start();
            sshd = server;
            LOG.info("{} listening on {}:{}", naam, server.getHost(), server.getPort());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the " + naam, e);
        }
    }

    /** The bound port (with port 0 configured: a free one), or -1 when not running. */
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
                LOG.warn("{} did not stop cleanly", naam, e);
            }
            sshd = null;
        }
    }

    @Override
    public boolean isRunning() {
        return sshd != null;
    }
}
