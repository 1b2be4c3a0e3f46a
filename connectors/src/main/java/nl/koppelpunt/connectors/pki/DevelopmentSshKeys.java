package nl.koppelpunt.connectors.pki;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;

import nl.koppelpunt.connectors.partner.SshSleutels;

/**
 * Development SSH keys for the hosted SFTP inbox, beside the development PKI: {@code <partner-id>-ssh} (OpenSSH
 * private key, owner-only) and {@code <partner-id>-ssh.pub}, so a newcomer can run
 * {@code sftp -i data/pki/coa-ssh -P 2222 coa@localhost}. ECDSA P-256 because the JDK has it built in.
 * An existing pair is kept, so commands people wrote keep working.
 */
public final class DevelopmentSshKeys {

    private DevelopmentSshKeys() {
    }

    /** @return the partner's development public key (created on first call) */
    public static synchronized PublicKey ensure(Path pkiDir, String partnerId) {
        Path privateFile = privateKey(pkiDir, partnerId);
        Path publicFile = pkiDir.resolve(partnerId + "-ssh.pub");
        try {
            if (Files.isRegularFile(privateFile) && Files.isRegularFile(publicFile)) {
                return SshSleutels.publiekeSleutel(Files.readString(publicFile, StandardCharsets.US_ASCII));
            }
            Files.createDirectories(pkiDir);
            KeyPair keys = KeyUtils.generateKeyPair("ecdsa-sha2-nistp256", 256);
            String comment = partnerId + "@koppelpunt-ontwikkeling";
            ByteArrayOutputStream pem = new ByteArrayOutputStream();
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(keys, comment, null, pem);
            // Private key first: a crash in between leaves no public key, so the next start makes a new pair.
            AtomicFiles.write(privateFile, pem.toByteArray(), AtomicFiles.OWNER_ONLY);
            String line = PublicKeyEntry.toString(keys.getPublic()) + " " + comment + "\n";
            AtomicFiles.write(publicFile, line.getBytes(StandardCharsets.US_ASCII), AtomicFiles.PUBLIC);
            return keys.getPublic();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the development SSH key for " + partnerId, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot create the development SSH key for " + partnerId, e);
        }
    }

    public static Path privateKey(Path pkiDir, String partnerId) {
        return pkiDir.resolve(partnerId + "-ssh");
    }
}
