package nl.koppelpunt.connectors.pki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import nl.koppelpunt.connectors.pgp.PgpSleutelGenerator;
import nl.koppelpunt.connectors.pgp.PgpSleutelpaar;
import nl.koppelpunt.connectors.pgp.PgpSleutels;

/**
 * Development OpenPGP keys as files, the way gpg exports them: the secret key armored and owner-only (no passphrase:
 * {@code gpg --import} takes it as it is), the public key armored beside it for whoever encrypts or verifies. Made
 * with {@link PgpSleutelGenerator}; an existing pair is kept, so what was encrypted to it stays readable.
 */
public final class DevelopmentPgpKeys {

    private DevelopmentPgpKeys() {
    }

    /** Creates both files unless both exist. */
    public static synchronized void ensure(Path secretFile, Path publicFile, String userId) {
        try {
            if (Files.isRegularFile(secretFile) && Files.isRegularFile(publicFile)) {
                return;
            }
            for (Path dir : new Path[] {secretFile.toAbsolutePath().getParent(), publicFile.toAbsolutePath().getParent()}) {
                Files.createDirectories(dir);
            }
            PgpSleutelpaar sleutel = PgpSleutelGenerator.genereer(userId, null);
            // Secret first: a crash in between leaves no public key, so the next start makes a new pair.
            AtomicFiles.write(secretFile, PgpSleutels.armored(sleutel.geheimeSleutelring()).getBytes(StandardCharsets.US_ASCII),
                    AtomicFiles.OWNER_ONLY);
            AtomicFiles.write(publicFile, sleutel.publiekeSleutelArmored().getBytes(StandardCharsets.US_ASCII), AtomicFiles.PUBLIC);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the development PGP key " + secretFile, e);
        }
    }
}
