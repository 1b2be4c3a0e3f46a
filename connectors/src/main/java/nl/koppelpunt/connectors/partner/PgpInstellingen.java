package nl.koppelpunt.connectors.partner;

import org.bouncycastle.openpgp.PGPPublicKeyRing;

import nl.koppelpunt.connectors.pgp.PgpFout;
import nl.koppelpunt.connectors.pgp.PgpSleutels;

/**
 * {@code pgp} in a partner file: the partner's OpenPGP certificate and whether its SFTP files must be signed.
 *
 * @param publiekeSleutel       the armored certificate ({@code gpg --armor --export}), checked on load; null when
 *                              none is configured (in development mode a generated one is used)
 * @param ondertekeningVerplicht every SFTP batch of this partner must be PGP-encrypted and signed with this key;
 *                              a plaintext or unsigned file is refused as a whole
 */
public record PgpInstellingen(String publiekeSleutel, boolean ondertekeningVerplicht) {

    /** No key configured, signing not required. */
    public static final PgpInstellingen GEEN = new PgpInstellingen(null, false);

    /** @return the parsed certificate, or null when none is configured */
    public PGPPublicKeyRing sleutelring() {
        if (publiekeSleutel == null) {
            return null;
        }
        try {
            return PgpSleutels.publiekeSleutelring(publiekeSleutel);
        } catch (PgpFout e) {
            // Checked when the partner file was loaded, so this is a programming error.
            throw new IllegalStateException("pgp.publieke-sleutel is not a usable key", e);
        }
    }
}
