package nl.koppelpunt.connectors.pki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;

/**
 * The development signing key for deliveries: an EC P-256 key made at first start and kept in the data directory
 * (PKCS#8 PEM, owner-only), so signatures stay verifiable with the same published key across restarts. Production
 * configures its own key instead; nothing here is ever committed.
 */
public final class DevelopmentSigningKey {

    private DevelopmentSigningKey() {
    }

    /** The key file, created if it does not exist yet. */
    public static Path ensure(Path file) {
        try {
            if (Files.exists(file)) {
                return file;
            }
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir, AtomicFiles.permissions(dir, AtomicFiles.PRIVATE_DIRECTORY));
            AtomicFiles.deleteLeftovers(dir);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            PemFiles.writePrivateKey(file, generator.generateKeyPair().getPrivate());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create development signing key " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot make an EC P-256 key", e);
        }
    }
}
