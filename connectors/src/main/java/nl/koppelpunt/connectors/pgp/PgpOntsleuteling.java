package nl.koppelpunt.connectors.pgp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.bouncycastle.openpgp.PGPCompressedData;
import org.bouncycastle.openpgp.PGPEncryptedData;
import org.bouncycastle.openpgp.PGPEncryptedDataList;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPMarker;
import org.bouncycastle.openpgp.PGPOnePassSignatureList;
import org.bouncycastle.openpgp.PGPPBEEncryptedData;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKeyEncryptedData;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyDataDecryptorFactory;

/**
 * Reads an OpenPGP message (binary or ASCII-armored) encrypted to one of our keys, in one pass and in constant
 * memory: the returned {@link PgpLeesstroom} gives the plaintext as it is decrypted, and when it reaches the end it
 * checks the signature over everything that was read and the integrity packet (MDC). Until that end the plaintext is
 * <em>unverified</em>: a caller that must not act on unverified content reads the message twice — once to the end to
 * verify ({@link #controleer}), then again to process it.
 *
 * <p>Refused with a {@link PgpFout}: not OpenPGP, not encrypted, encrypted to another key or with a password, without
 * integrity protection, tampered with (at the point the damage is read, at the latest at the end), a signature that
 * does not verify. A signature by a key that is not trusted is not an error here: the {@link PgpResultaat} says
 * {@link PgpOndertekening#ONBEKENDE_ONDERTEKENAAR} and the caller applies its policy.
 */
public final class PgpOntsleuteling {

    private PgpOntsleuteling() {
    }

    /**
     * @param bron          the OpenPGP message (not closed by this class; closing the returned stream closes it)
     * @param eigen         our unlocked key pair, that the message must be encrypted to
     * @param ondertekenaars the certificates whose signatures count (e.g. the sending partner's); may be empty
     */
    public static PgpLeesstroom ontsleutelEnVerifieer(InputStream bron, PgpSleutelpaar eigen,
            Collection<PGPPublicKeyRing> ondertekenaars) throws PgpFout {
        try {
            InputStream ontsleuteld = ontsleutel(PGPUtil.getDecoderStream(bron), eigen);
            return PgpLeesstroom.open(ontsleuteld, bron, List.copyOf(ondertekenaars));
        } catch (PgpFout e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new PgpFout("geen leesbaar OpenPGP-bericht", e);
        }
    }

    /** Reads the whole message, discarding the plaintext, and returns what the end of it proved. */
    public static PgpResultaat controleer(InputStream bron, PgpSleutelpaar eigen,
            Collection<PGPPublicKeyRing> ondertekenaars) throws PgpFout {
        try (PgpLeesstroom stroom = ontsleutelEnVerifieer(bron, eigen, ondertekenaars)) {
            stroom.transferTo(OutputStream.nullOutputStream());
            return stroom.resultaat();
        } catch (PgpFout e) {
            throw e;
        } catch (IOException e) {
            throw new PgpFout("het PGP-bericht is niet volledig te lezen", e);
        }
    }

    private static InputStream ontsleutel(InputStream pgp, PgpSleutelpaar eigen) throws IOException {
        PGPEncryptedDataList lijst = versleuteldeData(new BcPGPObjectFactory(pgp));
        List<String> ontvangers = new ArrayList<>();
        boolean wachtwoord = false;
        for (PGPEncryptedData data : lijst) {
            if (data instanceof PGPPBEEncryptedData) {
                wachtwoord = true;
                continue;
            }
            PGPPublicKeyEncryptedData versleuteld = (PGPPublicKeyEncryptedData) data;
            // Key id 0 is a hidden recipient (gpg --throw-keyids): try each of our keys.
            Collection<PGPPrivateKey> kandidaten = versleuteld.getKeyID() == 0
                    ? eigen.privateSleutels()
                    : nietLeeg(eigen.privateSleutel(versleuteld.getKeyID()));
            ontvangers.add(PgpResultaat.sleutelHex(versleuteld.getKeyID()));
            for (PGPPrivateKey sleutel : kandidaten) {
                InputStream stroom = probeer(versleuteld, sleutel);
                if (stroom != null) {
                    if (!versleuteld.isIntegrityProtected()) {
                        throw new PgpFout("het bestand is versleuteld zonder integriteitsbescherming (MDC); "
                                + "gebruik een actuele gpg");
                    }
                    return new IntegriteitsControle(stroom, versleuteld);
                }
            }
        }
        if (ontvangers.isEmpty() && wachtwoord) {
            throw new PgpFout("het bestand is met een wachtwoord versleuteld; versleutel het naar de publieke sleutel van Koppelpunt");
        }
        throw new PgpFout("het bestand is niet versleuteld naar de sleutel van Koppelpunt ("
                + PgpResultaat.sleutelHex(eigen.publiekeSleutelring().getPublicKey().getKeyID())
                + ") maar naar " + String.join(", ", ontvangers));
    }

    private static PGPEncryptedDataList versleuteldeData(BcPGPObjectFactory objecten) throws IOException {
        Object object = objecten.nextObject();
        while (object instanceof PGPMarker) {
            object = objecten.nextObject();
        }
        if (object instanceof PGPEncryptedDataList) {
            return (PGPEncryptedDataList) object;
        }
        if (object instanceof PGPCompressedData || object instanceof PGPLiteralData
                || object instanceof PGPOnePassSignatureList || object instanceof PGPSignatureList) {
            throw new PgpFout("het bestand is niet versleuteld");
        }
        throw new PgpFout("geen OpenPGP-bericht");
    }

    private static Collection<PGPPrivateKey> nietLeeg(PGPPrivateKey sleutel) {
        return sleutel == null ? List.of() : List.of(sleutel);
    }

    private static InputStream probeer(PGPPublicKeyEncryptedData versleuteld, PGPPrivateKey sleutel) throws PgpFout {
        try {
            return versleuteld.getDataStream(new BcPublicKeyDataDecryptorFactory(sleutel));
        } catch (PGPException e) {
            if (versleuteld.getKeyID() == 0) {
                return null;
            }
            throw new PgpFout("de sessiesleutel is niet te ontsleutelen: het bestand is beschadigd of gewijzigd", e);
        }
    }

    /** The decrypted stream; at its end checks the integrity packet, so a changed ciphertext is never taken as complete. */
    static final class IntegriteitsControle extends java.io.FilterInputStream {
        private final PGPEncryptedData versleuteld;

        IntegriteitsControle(InputStream ontsleuteld, PGPEncryptedData versleuteld) {
            super(ontsleuteld);
            this.versleuteld = versleuteld;
        }

        /** Reads what is left (padding after the inner packets) and checks the MDC; AEAD checks its tags while reading. */
        void verifieer() throws IOException {
            try {
                if (!versleuteld.isAEAD() && !versleuteld.verify()) {
                    throw new PgpFout("het bestand is gewijzigd: de integriteitscontrole (MDC) klopt niet");
                }
            } catch (PGPException e) {
                throw new PgpFout("het bestand is gewijzigd: de integriteitscontrole (MDC) klopt niet", e);
            }
        }
    }
}
