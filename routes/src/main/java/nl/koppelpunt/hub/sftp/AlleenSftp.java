package nl.koppelpunt.hub.sftp;

import java.util.List;

import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.pubkey.PublickeyAuthenticator;
import org.apache.sshd.server.forward.RejectAllForwardingFilter;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * An SSH server that offers SFTP and nothing else, in one place for every server the gateway runs (the partners'
 * inbox, the demo gemeente): public-key login only (no password, keyboard-interactive or GSS), no shell, no exec, no
 * port or agent forwarding. A server that needs more must say so here, where the next reader looks.
 */
public final class AlleenSftp {

    private AlleenSftp() {
    }

    public static SshServer server(String host, int poort, KeyPairProvider hostSleutels, PublickeyAuthenticator sleutels,
                                   SftpSubsystemFactory sftp) {
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
}
