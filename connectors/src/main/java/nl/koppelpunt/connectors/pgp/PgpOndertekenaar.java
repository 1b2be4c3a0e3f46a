package nl.koppelpunt.connectors.pgp;

import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;

/**
 * An unlocked signing key: who signs outgoing files ({@link PgpVersleuteling#versleutelEnOnderteken}). Get one from
 * {@link PgpSleutelpaar#ondertekenaar()}; the receiver verifies with the certificate of that key pair.
 */
public final class PgpOndertekenaar {

    private final PGPPrivateKey privateSleutel;
    private final PGPPublicKey publiekeSleutel;

    PgpOndertekenaar(PGPPrivateKey privateSleutel, PGPPublicKey publiekeSleutel) {
        this.privateSleutel = privateSleutel;
        this.publiekeSleutel = publiekeSleutel;
    }

    PGPPrivateKey privateSleutel() {
        return privateSleutel;
    }

    public PGPPublicKey publiekeSleutel() {
        return publiekeSleutel;
    }

    /** The key id that appears in the signature (and in {@link PgpResultaat#ondertekenaarSleutel()} of the receiver). */
    public long sleutelId() {
        return publiekeSleutel.getKeyID();
    }
}
