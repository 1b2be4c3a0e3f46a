package nl.koppelpunt.hub.privacy;

import java.nio.charset.StandardCharsets;

/**
 * A database column that holds encrypted values. With the row's id it makes the associated data of the AES-GCM
 * encryption, so a ciphertext only decrypts in the row and column it was written for: values swapped between rows
 * (or copied into another column) are refused instead of being read as someone else's data.
 */
public record Kolom(String tabel, String naam) {

    /** The payload of a message as received (or of Koppelpunt's own notice). */
    public static final Kolom BERICHT_INHOUD = new Kolom("bericht", "inhoud_versleuteld");

    byte[] context(Object rijId) {
        return ("koppelpunt:" + tabel + "." + naam + ":" + rijId).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return tabel + "." + naam;
    }
}
