package nl.koppelpunt.hub.support;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.concurrent.TimeUnit;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;

import nl.koppelpunt.connectors.pki.DevelopmentSshKeys;

/**
 * A partner on the hosted SFTP inbox, as it would connect from outside: Apache MINA SSHD's client, logged in with the
 * development SSH key the gateway generated for it ({@code <pki-dir>/<id>-ssh}, what {@code sftp -i} would use).
 * Works against a gateway in this JVM or in a JVM of its own ({@link GatewayProces}).
 */
public final class SftpPartner implements AutoCloseable {

    private final SshClient ssh;
    private final ClientSession session;
    private final SftpClient sftp;

    private SftpPartner(SshClient ssh, ClientSession session, SftpClient sftp) {
        this.ssh = ssh;
        this.session = session;
        this.sftp = sftp;
    }

    public static SftpPartner login(String partnerId, int poort, Path pkiDir) throws IOException {
        SshClient ssh = SshClient.setUpDefaultClient();
        // The test's own server with a freshly generated host key: nothing to pin.
        ssh.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        ssh.start();
        try {
            ClientSession session = ssh.connect(partnerId, "localhost", poort).verify(10, TimeUnit.SECONDS).getSession();
            for (KeyPair keys : new FileKeyPairProvider(DevelopmentSshKeys.privateKey(pkiDir, partnerId)).loadKeys(session)) {
                session.addPublicKeyIdentity(keys);
            }
            session.auth().verify(10, TimeUnit.SECONDS);
            return new SftpPartner(ssh, session, SftpClientFactory.instance().createSftpClient(session));
        } catch (IOException | RuntimeException e) {
            ssh.stop();
            throw e;
        }
    }

    public SftpClient sftp() {
        return sftp;
    }

    /** As documented for partners: write under a temporary name, rename when complete. */
    public void upload(String naam, byte[] inhoud) throws IOException {
        try (OutputStream out = sftp.write(naam + ".part")) {
            out.write(inhoud);
        }
        sftp.rename(naam + ".part", naam);
    }

    /** The connection drops: the session ends at once, open files are not closed by the client. */
    public void verbreek() {
        session.close(true);
        ssh.stop();
    }

    @Override
    public void close() throws IOException {
        try {
            sftp.close();
            session.close();
        } finally {
            ssh.stop();
        }
    }
}
