package nl.koppelpunt.connectors.pki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import nl.koppelpunt.connectors.pgp.PgpFout;
import nl.koppelpunt.connectors.pgp.PgpSleutelGenerator;
import nl.koppelpunt.connectors.pgp.PgpSleutelpaar;
import nl.koppelpunt.connectors.pgp.PgpSleutels;

/**
 * Development OpenPGP keys beside the development PKI: {@code <naam>-pgp.asc} (armored secret key, owner-only,
 * without a passphrase, so {@code gpg --import} takes it as is) and {@code <naam>-pgp.pub.asc}. For a partner without
 * {@code pgp.publieke-sleutel} in development mode, so a newcomer can sign and encrypt batch files with gpg; and for
 * Koppelpunt itself when {@code koppelpunt.pgp.sleutel} is not set. An existing pair is kept.
 */
public final class DevelopmentPgpKeys {

    private DevelopmentPgpKeys() {
    }

    /** @return the key pair (created on first call) */
    public static synchronized PgpSleutelpaar ensure(Path pkiDir, String naam) {
        Path geheim = secretKey(pkiDir, naam);
        Path publiek = publicKey(pkiDir, naam);
        try {
            if (Files.isRegularFile(geheim) && Files.isRegularFile(publiek)) {
                return PgpSleutelpaar.laad(Files.readAllBytes(geheim), new char[0]);
            }
            Files.createDirectories(pkiDir);
            PgpSleutelpaar sleutel = PgpSleutelGenerator.genereer(naam + " (Koppelpunt ontwikkeling) <" + naam + "@koppelpunt.localhost>", null);
            // Secret key first: a crash in between leaves no public key, so the next start makes a new pair.
            AtomicFiles.write(geheim, PgpSleutels.armored(sleutel.geheimeSleutelring()).getBytes(StandardCharsets.US_ASCII),
                    AtomicFiles.OWNER_ONLY);
            AtomicFiles.write(publiek, sleutel.publiekeSleutelArmored().getBytes(StandardCharsets.US_ASCII), AtomicFiles.PUBLIC);
            return sleutel;
        } catch (PgpFout e) {
            throw new IllegalStateException("The development PGP key " + geheim + " is unusable; delete it to get a new one", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the development PGP key for " + naam, e);
        }
    }

    public static Path secretKey(Path pkiDir, String naam) {
        return pkiDir.resolve(naam + "-pgp.asc");
    }

    public static Path publicKey(Path pkiDir, String naam) {
        return pkiDir.resolve(naam + "-pgp.pub.asc");
    }
}
