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
    private final SecretKeySpec key;

    public Pseudonimiseerder(@Value("${koppelpunt.pseudoniem.sleutel}") String base64Key) {
        byte[] bytes = Base64.getDecoder().decode(base64Key.trim());
        if (bytes.length < 32) {
            throw new IllegalArgumentException("koppelpunt.pseudoniem.sleutel must be at least 32 bytes (base64)");
        }
        this.key = new SecretKeySpec(bytes, ALGORITHM);
    }

    public String pseudoniem(String bsn) {
        try {
            // Mac is not thread-safe and cheap to create next to the HMAC itself.
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(bsn.getBytes(StandardCharsets.US_ASCII)));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("pseudonym key rejected", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " unavailable", e);
        }
    }
}
