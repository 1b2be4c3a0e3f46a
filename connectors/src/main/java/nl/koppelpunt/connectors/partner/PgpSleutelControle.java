package nl.koppelpunt.connectors.partner;

/** Checks a configured PGP public key when the partner files are loaded. */
final class PgpSleutelControle {

    private PgpSleutelControle() {
    }

    static void controleer(String armored) {
        if (!armored.startsWith("-----BEGIN PGP PUBLIC KEY BLOCK-----")) {
            throw new IllegalArgumentException("not an ASCII-armored PGP public key");
        }
    }
}
