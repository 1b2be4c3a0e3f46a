package nl.koppelpunt.connectors.partner;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.Map;

import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;

/**
 * Reads an SSH public key as written in an OpenSSH {@code authorized_keys} or {@code .pub} file
 * ({@code ssh-ed25519 AAAA... comment}), with Apache MINA SSHD's parser rather than our own.
 */
public final class SshSleutels {

    private SshSleutels() {
    }

    /** @throws IllegalArgumentException with a reason a partner manager can act on; never echoes the key */
    public static PublicKey publiekeSleutel(String regel) {
        if (regel == null || regel.isBlank() || regel.strip().contains("\n")) {
            throw new IllegalArgumentException("expected one key on one line, as in a .pub file");
        }
        AuthorizedKeyEntry entry;
        PublicKey key;
        try {
            entry = AuthorizedKeyEntry.parseAuthorizedKeyEntry(regel.strip());
            key = entry == null ? null : entry.resolvePublicKey(null, Map.of(), PublicKeyEntryResolver.FAILING);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("not a valid SSH public key (expected e.g. 'ssh-ed25519 AAAA...'): "
                    + e.getClass().getSimpleName(), e);
        }
        if (key == null) {
            throw new IllegalArgumentException("not a supported SSH public key (expected e.g. 'ssh-ed25519 AAAA...')");
        }
        return key;
    }
}
