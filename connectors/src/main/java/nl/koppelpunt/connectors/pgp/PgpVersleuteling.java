package nl.koppelpunt.connectors.pgp;

import java.io.IOException;
import java.io.OutputStream;
import java.security.SecureRandom;
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
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyKeyEncryptionMethodGenerator;

/**
 * Writes OpenPGP messages in one pass, in constant memory: what you write to the returned stream is signed,
 * compressed and encrypted on the fly into {@code doel}. The result is what {@code gpg --sign --encrypt} makes
 * (one-pass signature, ZIP compression, AES-256 with an integrity packet (SEIPD v1 / MDC), which every GnuPG since 2.0
 * reads) and what {@link PgpOntsleuteling} reads back.
 *
 * <pre>{@code
 * PgpSleutelpaar koppelpunt = ...;                                   // Koppelpunt's own key
 * PGPPublicKey gemeente = PgpSleutels.versleutelSleutel(PgpSleutels.publiekeSleutelring(armored));
 * try (OutputStream bestand = Files.newOutputStream(tijdelijk);
 *      OutputStream pgp = PgpVersleuteling.versleutelEnOnderteken(bestand, gemeente, koppelpunt.ondertekenaar(), "levering.ndjson")) {
 *     pgp.write(regels);
 * }   // closing pgp writes the signature and finishes the message; bestand is closed by its own try
 * }</pre>
 *
 * <p>Closing the returned stream completes the message (signature, MDC) but does not close {@code doel}: the caller
 * that opened it closes it, and may still flush or rename. A stream that is not closed leaves an incomplete message,
 * which a receiver refuses. For an ASCII-armored file ({@code .asc}) pass an {@code ArmoredOutputStream} as
 * {@code doel} and close it after the returned stream.
 */
public final class PgpVersleuteling {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int BUFFER = 1 << 16;

    private PgpVersleuteling() {
    }

    /**
     * Encrypts to {@code ontvanger} and signs with {@code ondertekenaar}.
     *
     * @param doel         where the OpenPGP message goes (not closed)
     * @param ontvanger    the recipient's encryption key ({@link PgpSleutels#versleutelSleutel})
     * @param ondertekenaar the sender's unlocked signing key ({@link PgpSleutelpaar#ondertekenaar()})
     * @param bestandsnaam the file name stored in the literal data packet (what {@code gpg --decrypt --use-embedded-filename} would write)
     * @return the stream to write the plaintext to; close it to finish the message
     */
    public static OutputStream versleutelEnOnderteken(OutputStream doel, PGPPublicKey ontvanger,
            PgpOndertekenaar ondertekenaar, String bestandsnaam) throws PgpFout {
        if (ondertekenaar == null) {
            throw new IllegalArgumentException("ondertekenaar is required; use versleutel(...) for an unsigned message");
        }
        return open(doel, ontvanger, ondertekenaar, bestandsnaam);
    }

    /** Encrypts to {@code ontvanger} without a signature (a partner whose configuration does not require one, or a test). */
    public static OutputStream versleutel(OutputStream doel, PGPPublicKey ontvanger, String bestandsnaam) throws PgpFout {
        return open(doel, ontvanger, null, bestandsnaam);
    }

    private static OutputStream open(OutputStream doel, PGPPublicKey ontvanger, PgpOndertekenaar ondertekenaar,
            String bestandsnaam) throws PgpFout {
        if (!ontvanger.isEncryptionKey()) {
            throw new PgpFout("sleutel " + PgpResultaat.sleutelHex(ontvanger.getKeyID()) + " kan niet versleutelen");
        }
        try {
            PGPEncryptedDataGenerator versleuteling = new PGPEncryptedDataGenerator(
                    new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256)
                            .setWithIntegrityPacket(true).setSecureRandom(RANDOM));
            versleuteling.addMethod(new BcPublicKeyKeyEncryptionMethodGenerator(ontvanger).setSecureRandom(RANDOM));
            OutputStream versleuteld = versleuteling.open(doel, new byte[BUFFER]);
            PGPCompressedDataGenerator compressie = new PGPCompressedDataGenerator(CompressionAlgorithmTags.ZIP);
            OutputStream gecomprimeerd = compressie.open(versleuteld, new byte[BUFFER]);
            PGPSignatureGenerator handtekening = null;
            if (ondertekenaar != null) {
                handtekening = handtekening(ondertekenaar);
                handtekening.generateOnePassVersion(false).encode(gecomprimeerd);
            }
            PGPLiteralDataGenerator letterlijk = new PGPLiteralDataGenerator();
            OutputStream inhoud = letterlijk.open(gecomprimeerd, PGPLiteralData.BINARY,
                    bestandsnaam == null ? "" : bestandsnaam, new Date(), new byte[BUFFER]);
            return new Schrijver(inhoud, letterlijk, handtekening, gecomprimeerd, compressie, versleuteling);
        } catch (PGPException | IOException e) {
            throw new PgpFout("kan het PGP-bericht niet beginnen", e);
        }
    }

    private static PGPSignatureGenerator handtekening(PgpOndertekenaar ondertekenaar) throws PGPException {
        PGPPublicKey sleutel = ondertekenaar.publiekeSleutel();
        PGPSignatureGenerator generator = new PGPSignatureGenerator(
                new BcPGPContentSignerBuilder(sleutel.getAlgorithm(), HashAlgorithmTags.SHA256), sleutel);
        generator.init(PGPSignature.BINARY_DOCUMENT, ondertekenaar.privateSleutel());
        PGPSignatureSubpacketGenerator pakketten = new PGPSignatureSubpacketGenerator();
        pakketten.setSignatureCreationTime(false, new Date());
        pakketten.setIssuerFingerprint(false, sleutel);
        pakketten.setIssuerKeyID(false, sleutel.getKeyID());
        generator.setHashedSubpackets(pakketten.generate());
        return generator;
    }

    /** Feeds the plaintext to the signature and the literal packet; on close writes the signature and closes the layers inside out. */
    private static final class Schrijver extends OutputStream {
        private final OutputStream inhoud;
        private final PGPLiteralDataGenerator letterlijk;
        private final PGPSignatureGenerator handtekening;
        private final OutputStream gecomprimeerd;
        private final PGPCompressedDataGenerator compressie;
        private final PGPEncryptedDataGenerator versleuteling;
        private boolean gesloten;

        Schrijver(OutputStream inhoud, PGPLiteralDataGenerator letterlijk, PGPSignatureGenerator handtekening,
                OutputStream gecomprimeerd, PGPCompressedDataGenerator compressie, PGPEncryptedDataGenerator versleuteling) {
            this.inhoud = inhoud;
            this.letterlijk = letterlijk;
            this.handtekening = handtekening;
            this.gecomprimeerd = gecomprimeerd;
            this.compressie = compressie;
            this.versleuteling = versleuteling;
        }

        @Override
        public void write(int b) throws IOException {
            inhoud.write(b);
            if (handtekening != null) {
                handtekening.update((byte) b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            inhoud.write(b, off, len);
            if (handtekening != null) {
                handtekening.update(b, off, len);
            }
        }

        @Override
        public void close() throws IOException {
            if (gesloten) {
                return;
            }
            gesloten = true;
            letterlijk.close();
            if (handtekening != null) {
                try {
                    handtekening.generate().encode(gecomprimeerd);
                } catch (PGPException e) {
                    throw new PgpFout("kan het PGP-bericht niet ondertekenen", e);
                }
            }
            compressie.close();
            versleuteling.close();
        }
    }
}
