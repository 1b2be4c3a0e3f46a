package nl.koppelpunt.hub.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A random 256-bit development key kept in the data directory, so pseudonyms stay stable across restarts.
 * Production takes its keys from the environment instead; nothing here is ever committed.
 */
final class DevelopmentKey {

    private DevelopmentKey() {
    }

    static String ensure(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).trim();
            }
            Files.createDirectories(file.getParent());
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            String encoded = Base64.getEncoder().encodeToString(key);
            Path tmp = Files.createTempFile(file.getParent(), "key", ".tmp");
            Files.writeString(tmp, encoded, StandardCharsets.US_ASCII);
            restrict(tmp);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            return encoded;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create development key " + file, e);
        }
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the directory's ACLs apply.
        }
    }
}
