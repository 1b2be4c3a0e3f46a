package nl.koppelpunt.connectors.pgp;

import java.io.IOException;

/**
 * A PGP file or key that cannot be used: not encrypted to our key, tampered with, a signature that does not verify,
 * a wrong passphrase. An {@link IOException} because it surfaces while a stream is read; the message is written for
 * the partner (it may go into a {@code .fouten.json}) and never holds key material or content.
 */
public class PgpFout extends IOException {

    private static final long serialVersionUID = 1L;

    public PgpFout(String reden) {
        super(reden);
    }

    public PgpFout(String reden, Throwable oorzaak) {
        super(reden, oorzaak);
    }
}
