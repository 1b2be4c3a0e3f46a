package nl.koppelpunt.connectors.ondertekening;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The key Koppelpunt signs with now: an EC P-256 private key and its published half. {@link #toString()} never shows
 * the private key.
 */
public final class Ondertekeningssleutel {

    /**
     * ECDSA with the signature as r‖s, 32 bytes each: what RFC 9421 §3.3.4 (ecdsa-p256-sha256) and RFC 7518 §3.4
     * (ES256) both require, not the DER encoding of plain SHA256withECDSA.
     */
    private static final String ALGORITME = "SHA256withPLAIN-ECDSA";
    /**
     * BouncyCastle's ECDSA, not the JDK's: measured on this machine 120–180 µs of CPU per signature against 300–650 µs
     * for SunEC on JDK 17, and every delivery attempt signs twice. Used as an object, not installed as a JCA
     * provider, so nothing else in the process changes.
     */
    private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();

    private final PrivateKey privateSleutel;
    private final PubliekeSleutel publiek;

    public Ondertekeningssleutel(ECPrivateKey privateSleutel, String sleutelId) {
        EcSleutels.controleerP256(privateSleutel.getParams(), "signing key");
        try {
            // Converted once: BouncyCastle signing with a JDK key object converts it on every call.
            this.privateSleutel = KeyFactory.getInstance("EC", BOUNCY_CASTLE)
                    .generatePrivate(new PKCS8EncodedKeySpec(privateSleutel.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("signing key cannot be used for ECDSA", e);
        }
        this.publiek = new PubliekeSleutel(sleutelId == null || sleutelId.isBlank()
                ? EcSleutels.thumbprint(EcSleutels.publiekDeel(privateSleutel)) : sleutelId,
                EcSleutels.publiekDeel(privateSleutel));
    }

    /**
     * Loads the key from a setting: PEM inline or a location.
     *
     * @param sleutelId the key id to publish; empty: the key's JWK thumbprint (RFC 7638)
     */
    public static Ondertekeningssleutel laad(String inhoudOfLocatie, String sleutelId, String instelling) {
        return new Ondertekeningssleutel(EcSleutels.privateSleutel(EcSleutels.pem(inhoudOfLocatie, instelling), instelling), sleutelId);
    }

    public String sleutelId() {
        return publiek.sleutelId();
    }

    public PubliekeSleutel publiek() {
        return publiek;
    }

    /** ECDSA P-256 / SHA-256 over the bytes, as r‖s (64 bytes). Thread-safe: a Signature object per call. */
    public byte[] onderteken(byte[] gegevens) {
        try {
            Signature signature = Signature.getInstance(ALGORITME, BOUNCY_CASTLE);
            signature.initSign(privateSleutel);
            signature.update(gegevens);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with key " + sleutelId(), e);
        }
    }

    @Override
    public String toString() {
        return "Ondertekeningssleutel[" + sleutelId() + "]";
    }
}
