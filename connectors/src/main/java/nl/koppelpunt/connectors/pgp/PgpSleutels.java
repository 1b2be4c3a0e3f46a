package nl.koppelpunt.connectors.pgp;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.List;

import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.openpgp.PGPKeyRing;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureSubpacketVector;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;

/**
 * Reading and writing OpenPGP keys (armored, as {@code gpg --export --armor} writes them, or binary) and choosing
 * the key of a ring that encrypts. Secret keys are unlocked by {@link PgpSleutelpaar}.
 */
public final class PgpSleutels {

    private PgpSleutels() {
    }

    /** The first public key ring (certificate) in an armored or binary key file. */
    public static PGPPublicKeyRing publiekeSleutelring(String armored) throws PgpFout {
        return publiekeSleutelring(armored.getBytes(StandardCharsets.US_ASCII));
    }

    public static PGPPublicKeyRing publiekeSleutelring(byte[] sleutel) throws PgpFout {
        Object ring = eersteRing(sleutel);
        if (ring instanceof PGPPublicKeyRing) {
            return (PGPPublicKeyRing) ring;
        }
        if (ring instanceof PGPSecretKeyRing) {
            throw new PgpFout("een geheime sleutel waar een publieke sleutel hoort: gebruik gpg --export, niet --export-secret-keys");
        }
        throw new PgpFout("geen OpenPGP publieke sleutel gevonden");
    }

    /** The first secret key ring in an armored or binary key file (still locked). */
    public static PGPSecretKeyRing geheimeSleutelring(byte[] sleutel) throws PgpFout {
        Object ring = eersteRing(sleutel);
        if (ring instanceof PGPSecretKeyRing) {
            return (PGPSecretKeyRing) ring;
        }
        throw new PgpFout("geen OpenPGP geheime sleutel gevonden");
    }

    private static Object eersteRing(byte[] sleutel) throws PgpFout {
        try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(sleutel))) {
            BcPGPObjectFactory objecten = new BcPGPObjectFactory(in);
            Object object;
            while ((object = objecten.nextObject()) != null) {
                if (object instanceof PGPKeyRing) {
                    return object;
                }
            }
            return null;
        } catch (IOException | RuntimeException e) {
            throw new PgpFout("geen leesbare OpenPGP sleutel", e);
        }
    }

    /**
     * The key of a certificate that messages for its owner are encrypted to: a valid (not revoked, not expired) key
     * whose self-signature allows encryption, preferring subkeys the way gpg does; an old key without key flags
     * counts when its algorithm can encrypt.
     */
    public static PGPPublicKey versleutelSleutel(PGPPublicKeyRing ring) throws PgpFout {
        PGPPublicKey zonderVlaggen = null;
        for (PGPPublicKey sleutel : omgekeerd(ring)) {
            if (!sleutel.isEncryptionKey() || sleutel.hasRevocation() || verlopen(sleutel)) {
                continue;
            }
            int vlaggen = sleutelVlaggen(sleutel);
            if ((vlaggen & (KeyFlags.ENCRYPT_COMMS | KeyFlags.ENCRYPT_STORAGE)) != 0) {
                return sleutel;
            }
            if (vlaggen == 0 && zonderVlaggen == null) {
                zonderVlaggen = sleutel;
            }
        }
        if (zonderVlaggen != null) {
            return zonderVlaggen;
        }
        throw new PgpFout("de sleutel " + PgpResultaat.sleutelHex(ring.getPublicKey().getKeyID())
                + " heeft geen geldige sleutel om naar te versleutelen");
    }

    private static List<PGPPublicKey> omgekeerd(PGPPublicKeyRing ring) {
        List<PGPPublicKey> sleutels = new ArrayList<>();
        ring.getPublicKeys().forEachRemaining(sleutel -> sleutels.add(0, sleutel));
        return sleutels;
    }

    static int sleutelVlaggen(PGPPublicKey sleutel) {
        int vlaggen = 0;
        for (Iterator<PGPSignature> it = sleutel.getSignatures(); it.hasNext(); ) {
            PGPSignatureSubpacketVector pakketten = it.next().getHashedSubPackets();
            if (pakketten != null) {
                vlaggen |= pakketten.getKeyFlags();
            }
        }
        return vlaggen;
    }

    private static boolean verlopen(PGPPublicKey sleutel) {
        long geldig = sleutel.getValidSeconds();
        return geldig > 0 && sleutel.getCreationTime().getTime() + geldig * 1000 < new Date().getTime();
    }

    /** The certificate in the ASCII armor gpg reads ({@code gpg --import}). */
    public static String armored(PGPPublicKeyRing ring) {
        return armor(ring::encode);
    }

    /** The secret key ring (still passphrase-protected as it was) in ASCII armor. */
    public static String armored(PGPSecretKeyRing ring) {
        return armor(ring::encode);
    }

    /** The OpenPGP fingerprint in hex, as {@code gpg --fingerprint} shows it without spaces. */
    public static String vingerafdruk(PGPPublicKey sleutel) {
        StringBuilder hex = new StringBuilder();
        for (byte b : sleutel.getFingerprint()) {
            hex.append(String.format("%02X", b & 0xff));
        }
        return hex.toString();
    }

    private interface Encoder {
        void encode(java.io.OutputStream out) throws IOException;
    }

    private static String armor(Encoder encoder) {
        ByteArrayOutputStream tekst = new ByteArrayOutputStream();
        try (ArmoredOutputStream armor = ArmoredOutputStream.builder().clearHeaders().build(tekst)) {
            encoder.encode(armor);
        } catch (IOException e) {
            throw new IllegalStateException("cannot armor an OpenPGP key", e);
        }
        return tekst.toString(StandardCharsets.US_ASCII);
    }
}
