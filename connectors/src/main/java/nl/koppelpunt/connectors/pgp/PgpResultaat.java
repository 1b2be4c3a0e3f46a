package nl.koppelpunt.connectors.pgp;

import java.util.Locale;

/**
 * The outcome of decrypt-and-verify, known once the content has been read to its end.
 *
 * @param ondertekening      what the signature check found
 * @param ondertekenaarSleutel the key id of the signing key (primary or subkey), 0 when unsigned
 * @param bestandsnaam       the file name inside the PGP literal data packet (as the sender wrote it; not trusted)
 */
public record PgpResultaat(PgpOndertekening ondertekening, long ondertekenaarSleutel, String bestandsnaam) {

    public boolean geldigOndertekend() {
        return ondertekening == PgpOndertekening.GELDIG;
    }

    /** The signer's key id in the hex form gpg shows ({@code gpg --list-keys --keyid-format long}). */
    public String ondertekenaarSleutelHex() {
        return sleutelHex(ondertekenaarSleutel);
    }

    static String sleutelHex(long sleutelId) {
        return String.format(Locale.ROOT, "%016X", sleutelId);
    }
}
