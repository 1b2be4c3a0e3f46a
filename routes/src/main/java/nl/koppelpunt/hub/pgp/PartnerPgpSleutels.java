package nl.koppelpunt.hub.pgp;

import java.nio.file.Path;
import java.util.Optional;

import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import nl.koppelpunt.connectors.partner.Partner;
import nl.koppelpunt.connectors.pki.DevelopmentPgpKeys;

/**
 * A partner's OpenPGP certificate: the one in its partner file ({@code pgp.publieke-sleutel}), or in development mode,
 * when it has none, the generated {@code <pki-dir>/<id>-pgp.pub.asc} (its secret half beside it, for gpg). Used to
 * verify the partner's signed SFTP files and, for a gemeente, to encrypt what is pushed to it.
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
            return Optional.of(DevelopmentPgpKeys.ensure(pkiDir, partner.id()).publiekeSleutelring());
        }
        return Optional.empty();
    }
}
