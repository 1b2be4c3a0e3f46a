package nl.koppelpunt.connectors.pgp;

import java.security.SecureRandom;
import java.util.Date;

import org.bouncycastle.bcpg.CompressionAlgorithmTags;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyPacket;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.bcpg.sig.Features;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.operator.PBESecretKeyEncryptor;
import org.bouncycastle.openpgp.operator.PGPDigestCalculator;
import org.bouncycastle.openpgp.operator.PGPKeyPairGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPKeyPairGeneratorProvider;

/**
 * Makes OpenPGP keys for development and tests, shaped like {@code gpg --quick-generate-key} makes them by default
 * (GnuPG 2.2 and later): a v4 key with an Ed25519 primary key that certifies and signs and a Curve25519 (X25519)
 * subkey that encrypts. v4 with these "legacy" curve encodings is what GnuPG 2.2, 2.4, Sequoia and BouncyCastle all
 * read; the newer v6 / RFC 9580 encodings are not understood by GnuPG 2.2. Generating takes milliseconds (RSA-3072
 * takes seconds), which keeps tests that make many keys fast.
 */
public final class PgpSleutelGenerator {

    private static final SecureRandom RANDOM = new SecureRandom();

    private PgpSleutelGenerator() {
    }

    /**
     * @param gebruikersId  the user id, e.g. {@code "Koppelpunt (ontwikkeling) <koppelpunt@localhost>"}
     * @param wachtwoordzin protects the secret keys (AES-256, iterated and salted S2K); empty or null leaves them
     *                      unprotected, as a test key or a development key in an owner-only file may be
     */
    public static PgpSleutelpaar genereer(String gebruikersId, char[] wachtwoordzin) {
        try {
            Date nu = new Date();
            PGPKeyPairGenerator generator = new BcPGPKeyPairGeneratorProvider().setSecureRandom(RANDOM)
                    .get(PublicKeyPacket.VERSION_4, nu);
            PGPKeyPair hoofdsleutel = generator.generateLegacyEd25519KeyPair();
            PGPKeyPair versleutelSleutel = generator.generateLegacyX25519KeyPair();

            PGPSignatureSubpacketGenerator hoofd = new PGPSignatureSubpacketGenerator();
            hoofd.setKeyFlags(false, KeyFlags.CERTIFY_OTHER | KeyFlags.SIGN_DATA);
            hoofd.setPreferredSymmetricAlgorithms(false,
                    new int[] {SymmetricKeyAlgorithmTags.AES_256, SymmetricKeyAlgorithmTags.AES_128});
            hoofd.setPreferredHashAlgorithms(false, new int[] {HashAlgorithmTags.SHA512, HashAlgorithmTags.SHA256});
            hoofd.setPreferredCompressionAlgorithms(false,
                    new int[] {CompressionAlgorithmTags.ZIP, CompressionAlgorithmTags.UNCOMPRESSED});
            hoofd.setFeature(false, Features.FEATURE_MODIFICATION_DETECTION);
            hoofd.setIssuerFingerprint(false, hoofdsleutel.getPublicKey());

            PGPSignatureSubpacketGenerator sub = new PGPSignatureSubpacketGenerator();
            sub.setKeyFlags(false, KeyFlags.ENCRYPT_COMMS | KeyFlags.ENCRYPT_STORAGE);
            sub.setIssuerFingerprint(false, hoofdsleutel.getPublicKey());

            PGPDigestCalculator sha1 = new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA1);
            PGPKeyRingGenerator ring = new PGPKeyRingGenerator(PGPSignature.POSITIVE_CERTIFICATION, hoofdsleutel,
                    gebruikersId, sha1, hoofd.generate(), null,
                    new BcPGPContentSignerBuilder(hoofdsleutel.getPublicKey().getAlgorithm(), HashAlgorithmTags.SHA512),
                    beveiliging(wachtwoordzin));
            ring.addSubKey(versleutelSleutel, sub.generate(), null);
            return PgpSleutelpaar.ontgrendel(ring.generateSecretKeyRing(), wachtwoordzin);
        } catch (PGPException | PgpFout e) {
            throw new IllegalStateException("cannot generate an OpenPGP key", e);
        }
    }

    private static PBESecretKeyEncryptor beveiliging(char[] wachtwoordzin) throws PGPException {
        if (wachtwoordzin == null || wachtwoordzin.length == 0) {
            return null;
        }
        PGPDigestCalculator sha256 = new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA256);
        return new BcPBESecretKeyEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256, sha256, 0x60)
                .setSecureRandom(RANDOM).build(wachtwoordzin);
    }
}
