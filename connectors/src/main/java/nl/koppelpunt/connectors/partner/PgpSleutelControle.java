package nl.koppelpunt.connectors.partner;

import nl.koppelpunt.connectors.pgp.PgpFout;
import nl.koppelpunt.connectors.pgp.PgpSleutels;

/** Checks a configured PGP public key when the partner files are loaded: readable, and with a key to encrypt to. */
final class PgpSleutelControle {

    private PgpSleutelControle() {
    }

    static void controleer(String armored) {
        try {
            PgpSleutels.versleutelSleutel(PgpSleutels.publiekeSleutelring(armored));
        } catch (PgpFout e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
