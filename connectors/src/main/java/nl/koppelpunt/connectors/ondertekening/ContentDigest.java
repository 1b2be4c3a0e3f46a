package nl.koppelpunt.connectors.ondertekening;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** The {@code Content-Digest} field (RFC 9530) with SHA-256 over the exact content bytes. */
public final class ContentDigest {

    private ContentDigest() {
    }

    /** {@code sha-256=:<base64>:}, an RFC 8941 dictionary with one byte-sequence member. */
    public static String sha256(byte[] inhoud) {
        try {
            return "sha-256=:" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(inhoud)) + ":";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
