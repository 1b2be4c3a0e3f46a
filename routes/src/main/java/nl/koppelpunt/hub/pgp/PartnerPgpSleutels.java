package nl.koppelpunt.hub.pgp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import nl.koppelpunt.connectors.partner.Partner;
import nl.koppelpunt.connectors.pgp.PgpSleutels;
import nl.koppelpunt.connectors.pki.DevelopmentPgpKeys;

/**
 * A sending partner's OpenPGP certificate: the one in its partner file ({@code pgp.publieke-sleutel}), or in
 * development mode, when it has none, the generated {@code <pki-dir>/<id>-pgp.asc} (its secret half beside it as
 * {@code <id>-pgp-geheim.asc}, for gpg; the layout of the demo gemeente's delivery key). Used to verify the partner's
 * signed SFTP files.
 */
@Component
public class PartnerPgpSleutels {

    private final boolean ontwikkeling;
    private final Path pkiDir;

    public PartnerPgpSleutels(@Value("${koppelpunt.ontwikkeling:false}") boolean ontwikkeling,
                              @Value("${koppelpunt.pki.dir}") Path pkiDir) {
        this.ontwikkeling = ontwikkeling;
        this.pkiDir = pkiDir;
    }

    /** @return the partner's certificate, or empty when it has none (outside development mode) */
    public Optional<PGPPublicKeyRing> sleutelring(Partner partner) {
        PGPPublicKeyRing geconfigureerd = partner.pgp().sleutelring();
        if (geconfigureerd != null) {
            return Optional.of(geconfigureerd);
        }
        if (ontwikkeling) {
            return Optional.of(ontwikkelsleutel(pkiDir, partner));
        }
        return Optional.empty();
    }

    /** The partner's development key pair, created on first use. */
    public static PGPPublicKeyRing ontwikkelsleutel(Path pkiDir, Partner partner) {
        DevelopmentPgpKeys.ensure(geheim(pkiDir, partner.id()), publiek(pkiDir, partner.id()),
                partner.naam() + " (ontwikkeling) <" + partner.id() + "@localhost>");
        try {
            return PgpSleutels.publiekeSleutelring(Files.readAllBytes(publiek(pkiDir, partner.id())));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the development PGP key of " + partner.id(), e);
        }
    }

    public static Path geheim(Path pkiDir, String partnerId) {
        return pkiDir.resolve(partnerId + "-pgp-geheim.asc");
    }

    public static Path publiek(Path pkiDir, String partnerId) {
        return pkiDir.resolve(partnerId + "-pgp.asc");
    }
}
