package nl.koppelpunt.hub.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A keyed pseudonym (HMAC-SHA256) of a BSN. It links one person's messages (JMS message groups, the transaction
 * log) without the BSN itself; without the key a pseudonym cannot be reversed by trying all 10^9 BSNs.
 */
@Component
public class Pseudonimiseerder {

    private static final String ALGORITHM = "HmacSHA256";
    private static final byte[] VINGERAFDRUK = "koppelpunt:inhoud-hash:".getBytes(StandardCharsets.US_ASCII);
    private final SecretKeySpec key;

    public Pseudonimiseerder(@Value("${koppelpunt.pseudoniem.sleutel}") String base64Key) {
        byte[] bytes = Base64.getDecoder().decode(base64Key.trim());
        if (bytes.length < 32) {
            throw new IllegalArgumentException("koppelpunt.pseudoniem.sleutel must be at least 32 bytes (base64)");
        }
        this.key = new SecretKeySpec(bytes, ALGORITHM);
    }

    public String pseudoniem(String bsn) {
        return HexFormat.of().formatHex(mac().doFinal(bsn.getBytes(StandardCharsets.US_ASCII)));
    }

    /**
     * A keyed form of a message's content hash (the idempotency fingerprint). A plain SHA-256 of a small message such
     * as a toestemming (a BSN, a gemeente, a date) can be confirmed by trying candidates; keyed it cannot. The prefix
     * keeps these values apart from pseudonyms made with the same key.
     */
    public byte[] vingerafdruk(byte[] inhoudHash) {
        Mac mac = mac();
        mac.update(VINGERAFDRUK);
        return mac.doFinal(inhoudHash);
    }

    private Mac mac() {
        try {
            // Mac is not thread-safe and cheap to create next to the HMAC itself.
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("pseudonym key rejected", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " unavailable", e);
        }
    }
}
