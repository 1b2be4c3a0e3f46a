package nl.koppelpunt.hub.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts values at rest with AES-256-GCM (the JDK's provider). A stored value is one self-describing byte string:
 * <pre>
 *   1 byte   format version (1)
 *   1 byte   n = length of the key id
 *   n bytes  key id (ASCII, [a-z0-9-])
 *  12 bytes  IV, random per value
 *   rest     ciphertext followed by the 16-byte GCM tag
 * </pre>
 * The associated data is the header (version, key id) plus the column and row the value belongs to, so neither the
 * header nor the value's place can be changed without the tag failing. Reads use the key named in the value, writes
 * the active key: that is what makes rotation possible without downtime (docs/security/versleuteling.md).
 * <p>
 * The keys are decoded once; each thread keeps one {@link Cipher} instance, so a call costs an {@code init} and the
 * AES work, nothing else.
 */
public final class Versleutelaar {

    public static final byte VERSIE = 1;
    public static final int SLEUTEL_BYTES = 32;
    static final int IV_BYTES = 12;
    static final int TAG_BITS = 128;
    private static final Pattern SLEUTEL_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(Versleutelaar::nieuweCipher);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, SecretKey> sleutels;
    private final String actief;
    private final byte[] actieveKop;

    /**
     * @param sleutels key id → 32-byte AES key; every key that may still be named in a stored value
     * @param actief   the key id new values are written with
     */
    public Versleutelaar(Map<String, byte[]> sleutels, String actief) {
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        sleutels.forEach((id, bytes) -> {
            if (!SLEUTEL_ID.matcher(id).matches()) {
                throw new SleutelConfiguratieFout("key id '" + id + "' is not allowed: use 1-32 of a-z, 0-9 and '-'");
            }
            if (bytes.length != SLEUTEL_BYTES) {
                throw new SleutelConfiguratieFout("key '" + id + "' has " + bytes.length + " bytes; AES-256 needs exactly "
                        + SLEUTEL_BYTES + " (base64 of 32 random bytes)");
            }
            keys.put(id, new SecretKeySpec(bytes.clone(), "AES"));
        });
        if (!keys.containsKey(actief)) {
            throw new SleutelConfiguratieFout("the active key '" + actief + "' is not among the configured keys " + keys.keySet());
        }
        this.sleutels = Map.copyOf(keys);
        this.actief = actief;
        this.actieveKop = kop(actief);
    }

    public String actieveSleutel() {
        return actief;
    }

    public Set<String> sleutelIds() {
        return sleutels.keySet();
    }

    /** The first bytes (version and key id) of every value written now: a value not starting so is due for rotation. */
    public byte[] actieveKop() {
        return actieveKop.clone();
    }

    public byte[] versleutel(byte[] platte, Kolom kolom, Object rijId) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        Cipher cipher = CIPHERS.get();
        try {
            cipher.init(Cipher.ENCRYPT_MODE, sleutels.get(actief), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(actieveKop);
            cipher.updateAAD(kolom.context(rijId));
            ByteBuffer uit = ByteBuffer.allocate(actieveKop.length + IV_BYTES + cipher.getOutputSize(platte.length));
            uit.put(actieveKop).put(iv);
            cipher.doFinal(ByteBuffer.wrap(platte), uit);
            return uit.array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed for " + kolom, e);
        }
    }

    public byte[] ontsleutel(byte[] waarde, Kolom kolom, Object rijId) {
        String id = sleutelId(waarde);
        SecretKey sleutel = sleutels.get(id);
        if (sleutel == null) {
            throw new IllegalStateException(kolom + " of row " + rijId + " is encrypted with key '" + id
                    + "', which is not configured (koppelpunt.versleuteling.sleutels." + id + ")");
        }
        int kop = 2 + waarde[1];
        if (waarde.length < kop + IV_BYTES + TAG_BITS / 8) {
            throw new IllegalStateException(kolom + " of row " + rijId + " is too short to be a ciphertext");
        }
        Cipher cipher = CIPHERS.get();
        try {
            cipher.init(Cipher.DECRYPT_MODE, sleutel, new GCMParameterSpec(TAG_BITS, waarde, kop, IV_BYTES));
            cipher.updateAAD(waarde, 0, kop);
            cipher.updateAAD(kolom.context(rijId));
            return cipher.doFinal(waarde, kop + IV_BYTES, waarde.length - kop - IV_BYTES);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException(kolom + " of row " + rijId
                    + " does not authenticate: altered, moved from another row, or a different key under the same id", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed for " + kolom + " of row " + rijId, e);
        }
    }

    /** Decrypts with whatever key the value names and encrypts again with the active key. */
    public byte[] herversleutel(byte[] waarde, Kolom kolom, Object rijId) {
        byte[] platte = ontsleutel(waarde, kolom, rijId);
        try {
            return versleutel(platte, kolom, rijId);
        } finally {
            Arrays.fill(platte, (byte) 0);
        }
    }

    /** The key id a stored value was written with. */
    public static String sleutelId(byte[] waarde) {
        if (waarde == null || waarde.length < 3 || waarde[0] != VERSIE || waarde[1] < 1 || waarde.length < 2 + waarde[1]) {
            throw new IllegalStateException("not an encrypted value of format version " + VERSIE);
        }
        return new String(waarde, 2, waarde[1], StandardCharsets.US_ASCII);
    }

    static byte[] kop(String sleutelId) {
        byte[] id = sleutelId.getBytes(StandardCharsets.US_ASCII);
        byte[] kop = new byte[2 + id.length];
        kop[0] = VERSIE;
        kop[1] = (byte) id.length;
        System.arraycopy(id, 0, kop, 2, id.length);
        return kop;
    }

    private static Cipher nieuweCipher() {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM/NoPadding unavailable", e);
        }
    }
}
