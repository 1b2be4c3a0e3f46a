package nl.koppelpunt.hub.sftp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Date;

import org.bouncycastle.bcpg.CompressionAlgorithmTags;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPCompressedDataGenerator;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyKeyEncryptionMethodGenerator;

import nl.koppelpunt.connectors.pgp.PgpSleutelpaar;

/**
 * A correctly encrypted file whose signature was made over other content: what a partner's file looks like when
 * someone changed it after signing and encrypted it again. Built with BouncyCastle directly, as Koppelpunt's own
 * library refuses to make it.
 */
final class VervalsteHandtekening {

    private VervalsteHandtekening() {
    }

    static byte[] maak(String ondertekend, String inhoud, PgpSleutelpaar ontvanger, PgpSleutelpaar afzender)
            throws IOException, PGPException {
        PGPPublicKey sleutel = afzender.geheimeSleutelring().getPublicKey();
        PGPPrivateKey prive = afzender.geheimeSleutelring().getSecretKey()
                .extractPrivateKey(new BcPBESecretKeyDecryptorBuilder(new BcPGPDigestCalculatorProvider()).build(new char[0]));
        PGPSignatureGenerator handtekening = new PGPSignatureGenerator(
                new BcPGPContentSignerBuilder(sleutel.getAlgorithm(), HashAlgorithmTags.SHA256), sleutel);
        handtekening.init(PGPSignature.BINARY_DOCUMENT, prive);
        handtekening.update(ondertekend.getBytes(StandardCharsets.UTF_8));

        ByteArrayOutputStream uit = new ByteArrayOutputStream();
        PGPEncryptedDataGenerator versleuteling = new PGPEncryptedDataGenerator(
                new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256).setWithIntegrityPacket(true));
        versleuteling.addMethod(new BcPublicKeyKeyEncryptionMethodGenerator(ontvanger.versleutelSleutel()));
        try (OutputStream versleuteld = versleuteling.open(uit, new byte[4096])) {
            PGPCompressedDataGenerator compressie = new PGPCompressedDataGenerator(CompressionAlgorithmTags.ZIP);
            try (OutputStream gecomprimeerd = compressie.open(versleuteld)) {
                handtekening.generateOnePassVersion(false).encode(gecomprimeerd);
                try (OutputStream tekst = new PGPLiteralDataGenerator().open(gecomprimeerd, PGPLiteralData.BINARY,
                        "batch", new Date(), new byte[4096])) {
                    tekst.write(inhoud.getBytes(StandardCharsets.UTF_8));
                }
                handtekening.generate().encode(gecomprimeerd);
            }
        }
        return uit.toByteArray();
    }
}
