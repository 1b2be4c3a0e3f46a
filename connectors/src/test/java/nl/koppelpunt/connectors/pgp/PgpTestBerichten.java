package nl.koppelpunt.connectors.pgp;

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
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyKeyEncryptionMethodGenerator;

/** Messages for tests, made with the library and with BouncyCastle directly where the library would refuse to make them. */
final class PgpTestBerichten {

    private PgpTestBerichten() {
    }

    static byte[] versleutelEnOnderteken(byte[] inhoud, PgpSleutelpaar ontvanger, PgpSleutelpaar afzender) throws IOException {
        ByteArrayOutputStream uit = new ByteArrayOutputStream();
        try (OutputStream pgp = PgpVersleuteling.versleutelEnOnderteken(uit, ontvanger.versleutelSleutel(),
                afzender.ondertekenaar(), "batch.ndjson")) {
            pgp.write(inhoud);
        }
        return uit.toByteArray();
    }

    static byte[] versleutel(byte[] inhoud, PgpSleutelpaar ontvanger) throws IOException {
        ByteArrayOutputStream uit = new ByteArrayOutputStream();
        try (OutputStream pgp = PgpVersleuteling.versleutel(uit, ontvanger.versleutelSleutel(), "batch.ndjson")) {
            pgp.write(inhoud);
        }
        return uit.toByteArray();
    }

    /**
     * A correctly encrypted message whose one-pass signature was made over {@code ondertekend} while the content is
     * {@code inhoud}: what a partner's file looks like when it was changed after signing and encrypted again.
     */
    static byte[] metVerkeerdeHandtekening(String ondertekend, String inhoud, PgpSleutelpaar ontvanger,
            PgpSleutelpaar afzender) throws IOException, PGPException {
        PgpOndertekenaar ondertekenaar = afzender.ondertekenaar();
        PGPPublicKey sleutel = ondertekenaar.publiekeSleutel();
        PGPSignatureGenerator handtekening = new PGPSignatureGenerator(
                new BcPGPContentSignerBuilder(sleutel.getAlgorithm(), HashAlgorithmTags.SHA256), sleutel);
        handtekening.init(PGPSignature.BINARY_DOCUMENT, ondertekenaar.privateSleutel());
        handtekening.update(ondertekend.getBytes(StandardCharsets.UTF_8));

        ByteArrayOutputStream uit = new ByteArrayOutputStream();
        PGPEncryptedDataGenerator versleuteling = new PGPEncryptedDataGenerator(
                new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256).setWithIntegrityPacket(true));
        versleuteling.addMethod(new BcPublicKeyKeyEncryptionMethodGenerator(ontvanger.versleutelSleutel()));
        try (OutputStream versleuteld = versleuteling.open(uit, new byte[4096])) {
            PGPCompressedDataGenerator compressie = new PGPCompressedDataGenerator(CompressionAlgorithmTags.ZIP);
            try (OutputStream gecomprimeerd = compressie.open(versleuteld)) {
                handtekening.generateOnePassVersion(false).encode(gecomprimeerd);
                PGPLiteralDataGenerator letterlijk = new PGPLiteralDataGenerator();
                try (OutputStream tekst = letterlijk.open(gecomprimeerd, PGPLiteralData.BINARY, "batch.ndjson",
                        new Date(), new byte[4096])) {
                    tekst.write(inhoud.getBytes(StandardCharsets.UTF_8));
                }
                handtekening.generate().encode(gecomprimeerd);
            }
        }
        return uit.toByteArray();
    }
}
