package nl.koppelpunt.hub.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.bouncycastle.openpgp.PGPCompressedData;
import org.bouncycastle.openpgp.PGPEncryptedDataList;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPOnePassSignature;
import org.bouncycastle.openpgp.PGPOnePassSignatureList;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyEncryptedData;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRingCollection;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyDataDecryptorFactory;

/**
 * What a gemeente does with a delivered file, written straight on BouncyCastle's OpenPGP API and not on Koppelpunt's
 * own PGP code, so the two check each other: decrypt with the gemeente's secret key, then verify the one-pass
 * signature against Koppelpunt's published public key, and the integrity packet.
 */
public final class PgpControle {

    /** The outcome: the plaintext, its literal-data file name, and whether signature and integrity hold. */
    public record Geopend(String tekst, String bestandsnaam, boolean handtekeningGeldig, boolean integer) {
    }

    private PgpControle() {
    }

    public static Geopend open(byte[] bestand, String gemeenteGeheimArmored, String koppelpuntPubliekArmored)
            throws IOException, PGPException {
        PGPSecretKeyRingCollection geheim = new PGPSecretKeyRingCollection(
                PGPUtil.getDecoderStream(stroom(gemeenteGeheimArmored)), new BcKeyFingerprintCalculator());
        PGPPublicKeyRingCollection koppelpunt = new PGPPublicKeyRingCollection(
                PGPUtil.getDecoderStream(stroom(koppelpuntPubliekArmored)), new BcKeyFingerprintCalculator());

        BcPGPObjectFactory buiten = new BcPGPObjectFactory(PGPUtil.getDecoderStream(new ByteArrayInputStream(bestand)));
        Object eerste = buiten.nextObject();
        PGPEncryptedDataList lijst = eerste instanceof PGPEncryptedDataList l ? l : (PGPEncryptedDataList) buiten.nextObject();
        PGPPublicKeyEncryptedData versleuteld = null;
        PGPPrivateKey sleutel = null;
        for (Object data : lijst) {
            if (data instanceof PGPPublicKeyEncryptedData pk) {
                PGPSecretKey s = geheim.getSecretKey(pk.getKeyIdentifier().getKeyId());
                if (s != null) {
                    versleuteld = pk;
                    sleutel = s.extractPrivateKey(new BcPBESecretKeyDecryptorBuilder(new BcPGPDigestCalculatorProvider()).build(new char[0]));
                }
            }
        }
        if (versleuteld == null) {
            throw new IllegalStateException("not encrypted to the gemeente's key");
        }
        InputStream klaar = versleuteld.getDataStream(new BcPublicKeyDataDecryptorFactory(sleutel));
        BcPGPObjectFactory binnen = new BcPGPObjectFactory(klaar);
        Object volgende = binnen.nextObject();
        if (volgende instanceof PGPCompressedData gecomprimeerd) {
            binnen = new BcPGPObjectFactory(gecomprimeerd.getDataStream());
            volgende = binnen.nextObject();
        }
        if (!(volgende instanceof PGPOnePassSignatureList handtekeningen)) {
            throw new IllegalStateException("not signed (expected a one-pass signature, found " + volgende + ")");
        }
        PGPOnePassSignature handtekening = handtekeningen.get(0);
        PGPPublicKey ondertekenaar = koppelpunt.getPublicKey(handtekening.getKeyIdentifier().getKeyId());
        if (ondertekenaar == null) {
            throw new IllegalStateException("signed by a key that is not Koppelpunt's");
        }
        handtekening.init(new BcPGPContentVerifierBuilderProvider(), ondertekenaar);
        PGPLiteralData literal = (PGPLiteralData) binnen.nextObject();
        byte[] tekst = literal.getInputStream().readAllBytes();
        handtekening.update(tekst);
        PGPSignatureList lijstHandtekeningen = (PGPSignatureList) binnen.nextObject();
        boolean geldig = handtekening.verify(lijstHandtekeningen.get(0));
        boolean integer = versleuteld.isIntegrityProtected() && versleuteld.verify();
        return new Geopend(new String(tekst, StandardCharsets.UTF_8), literal.getFileName(), geldig, integer);
    }

    private static InputStream stroom(String armored) {
        return new ByteArrayInputStream(armored.getBytes(StandardCharsets.US_ASCII));
    }
}
