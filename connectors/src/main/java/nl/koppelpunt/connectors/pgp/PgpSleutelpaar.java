package nl.koppelpunt.connectors.pgp;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.operator.PBESecretKeyDecryptor;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;

/**
 * An OpenPGP secret key ring, unlocked: Koppelpunt's own key (decrypts incoming files, signs outgoing ones) or, in
 * development and tests, a partner's. Every secret key is unlocked when loading, so a wrong passphrase fails at
 * start-up rather than on the first file.
 */
public final class PgpSleutelpaar {

    private final PGPSecretKeyRing geheim;
    private final Map<Long, PGPPrivateKey> privateSleutels;

    private PgpSleutelpaar(PGPSecretKeyRing geheim, Map<Long, PGPPrivateKey> privateSleutels) {
        this.geheim = geheim;
        this.privateSleutels = privateSleutels;
    }

    /**
     * @param sleutel       an armored ({@code gpg --export-secret-keys --armor}) or binary secret key
     * @param wachtwoordzin the passphrase; empty for an unprotected key
     */
    public static PgpSleutelpaar laad(byte[] sleutel, char[] wachtwoordzin) throws PgpFout {
        return ontgrendel(PgpSleutels.geheimeSleutelring(sleutel), wachtwoordzin);
    }

    public static PgpSleutelpaar ontgrendel(PGPSecretKeyRing ring, char[] wachtwoordzin) throws PgpFout {
        PBESecretKeyDecryptor ontsleutelaar = new BcPBESecretKeyDecryptorBuilder(new BcPGPDigestCalculatorProvider())
                .build(wachtwoordzin == null ? new char[0] : wachtwoordzin);
        Map<Long, PGPPrivateKey> sleutels = new LinkedHashMap<>();
        for (PGPSecretKey sleutel : ring) {
            // gpg's "stubs" (offline primary key, smartcard) carry no private key material.
            if (sleutel.isPrivateKeyEmpty()) {
                continue;
            }
            try {
                sleutels.put(sleutel.getKeyID(), sleutel.extractPrivateKey(ontsleutelaar));
            } catch (PGPException e) {
                throw new PgpFout("de geheime sleutel " + PgpResultaat.sleutelHex(sleutel.getKeyID())
                        + " gaat niet open: onjuiste wachtwoordzin?", e);
            }
        }
        if (sleutels.isEmpty()) {
            throw new PgpFout("de geheime sleutelring bevat geen bruikbare geheime sleutel");
        }
        return new PgpSleutelpaar(ring, Collections.unmodifiableMap(sleutels));
    }

    /** The certificate to give to partners (they encrypt to it and verify Koppelpunt's signatures with it). */
    public PGPPublicKeyRing publiekeSleutelring() {
        List<PGPPublicKey> publiek = new ArrayList<>();
        geheim.getPublicKeys().forEachRemaining(publiek::add);
        return new PGPPublicKeyRing(publiek);
    }

    public String publiekeSleutelArmored() {
        return PgpSleutels.armored(publiekeSleutelring());
    }

    public PGPSecretKeyRing geheimeSleutelring() {
        return geheim;
    }

    /** The key others encrypt to. */
    public PGPPublicKey versleutelSleutel() throws PgpFout {
        return PgpSleutels.versleutelSleutel(publiekeSleutelring());
    }

    /** Signs with the signing-capable key, preferring a signing subkey as gpg does. */
    public PgpOndertekenaar ondertekenaar() throws PgpFout {
        PgpOndertekenaar gekozen = null;
        for (PGPSecretKey sleutel : geheim) {
            PGPPrivateKey prive = privateSleutels.get(sleutel.getKeyID());
            if (prive == null || !sleutel.isSigningKey() || sleutel.getPublicKey().hasRevocation()) {
                continue;
            }
            int vlaggen = PgpSleutels.sleutelVlaggen(sleutel.getPublicKey());
            if (vlaggen == 0 ? sleutel.isMasterKey() : (vlaggen & KeyFlags.SIGN_DATA) != 0) {
                gekozen = new PgpOndertekenaar(prive, sleutel.getPublicKey());
            }
        }
        if (gekozen == null) {
            throw new PgpFout("de geheime sleutelring heeft geen sleutel die mag ondertekenen");
        }
        return gekozen;
    }

    PGPPrivateKey privateSleutel(long sleutelId) {
        return privateSleutels.get(sleutelId);
    }

    Collection<PGPPrivateKey> privateSleutels() {
        return privateSleutels.values();
    }
}
