package nl.koppelpunt.connectors.pgp;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.bouncycastle.openpgp.PGPCompressedData;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPMarker;
import org.bouncycastle.openpgp.PGPOnePassSignature;
import org.bouncycastle.openpgp.PGPOnePassSignatureList;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;

/**
 * The plaintext of a decrypted OpenPGP message, verified when it is read to its end: then the signature is checked
 * and {@link #resultaat()} tells who signed. Any damage surfaces as a {@link PgpFout} from {@code read}. Made by
 * {@link PgpOntsleuteling#ontsleutelEnVerifieer}.
 */
public final class PgpLeesstroom extends InputStream {

    private final InputStream inhoud;
    private final BcPGPObjectFactory objecten;
    private final PgpOntsleuteling.IntegriteitsControle ontsleuteld;
    private final InputStream bron;
    private final String bestandsnaam;
    /** A one-pass signature (signature follows the content) or a prefixed one (signature before the content). */
    private final PGPOnePassSignature eenPas;
    private final PGPSignature vooraf;
    private final long ondertekenaar;
    private final boolean bekend;
    private PgpResultaat resultaat;

    private PgpLeesstroom(InputStream inhoud, BcPGPObjectFactory objecten, PgpOntsleuteling.IntegriteitsControle ontsleuteld,
            InputStream bron, String bestandsnaam, PGPOnePassSignature eenPas, PGPSignature vooraf, long ondertekenaar,
            boolean bekend) {
        this.inhoud = inhoud;
        this.objecten = objecten;
        this.ontsleuteld = ontsleuteld;
        this.bron = bron;
        this.bestandsnaam = bestandsnaam;
        this.eenPas = eenPas;
        this.vooraf = vooraf;
        this.ondertekenaar = ondertekenaar;
        this.bekend = bekend;
    }

    static PgpLeesstroom open(InputStream ontsleuteld, InputStream bron, List<PGPPublicKeyRing> vertrouwd)
            throws IOException {
        PgpOntsleuteling.IntegriteitsControle controle = (PgpOntsleuteling.IntegriteitsControle) ontsleuteld;
        BcPGPObjectFactory objecten = new BcPGPObjectFactory(ontsleuteld);
        PGPOnePassSignature eenPas = null;
        PGPSignature vooraf = null;
        long ondertekenaar = 0;
        boolean bekend = false;
        try {
            Object object;
            while ((object = objecten.nextObject()) != null) {
                if (object instanceof PGPCompressedData) {
                    objecten = new BcPGPObjectFactory(((PGPCompressedData) object).getDataStream());
                } else if (object instanceof PGPOnePassSignatureList) {
                    for (PGPOnePassSignature kandidaat : (PGPOnePassSignatureList) object) {
                        PGPPublicKey sleutel = sleutel(vertrouwd, kandidaat.getKeyID());
                        if (ondertekenaar == 0 || (sleutel != null && !bekend)) {
                            ondertekenaar = kandidaat.getKeyID();
                        }
                        if (sleutel != null && !bekend) {
                            kandidaat.init(new BcPGPContentVerifierBuilderProvider(), sleutel);
                            eenPas = kandidaat;
                            bekend = true;
                        }
                    }
                } else if (object instanceof PGPSignatureList) {
                    for (PGPSignature kandidaat : (PGPSignatureList) object) {
                        PGPPublicKey sleutel = sleutel(vertrouwd, kandidaat.getKeyID());
                        if (ondertekenaar == 0 || (sleutel != null && !bekend)) {
                            ondertekenaar = kandidaat.getKeyID();
                        }
                        if (sleutel != null && !bekend) {
                            kandidaat.init(new BcPGPContentVerifierBuilderProvider(), sleutel);
                            vooraf = kandidaat;
                            bekend = true;
                        }
                    }
                } else if (object instanceof PGPLiteralData) {
                    PGPLiteralData letterlijk = (PGPLiteralData) object;
                    return new PgpLeesstroom(letterlijk.getInputStream(), objecten, controle, bron,
                            letterlijk.getFileName(), eenPas, vooraf, ondertekenaar, bekend);
                } else if (!(object instanceof PGPMarker)) {
                    throw new PgpFout("onverwacht pakket in het versleutelde bericht: " + object.getClass().getSimpleName());
                }
            }
        } catch (PGPException e) {
            throw new PgpFout("de handtekening in het bericht is onleesbaar", e);
        }
        throw new PgpFout("het versleutelde bericht bevat geen inhoud (literal data)");
    }

    private static PGPPublicKey sleutel(List<PGPPublicKeyRing> vertrouwd, long sleutelId) {
        for (PGPPublicKeyRing ring : vertrouwd) {
            PGPPublicKey sleutel = ring.getPublicKey(sleutelId);
            if (sleutel != null && !sleutel.hasRevocation()) {
                return sleutel;
            }
        }
        return null;
    }

    @Override
    public int read() throws IOException {
        byte[] een = new byte[1];
        int n = read(een, 0, 1);
        return n < 0 ? -1 : een[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (resultaat != null) {
            return -1;
        }
        int n;
        try {
            n = inhoud.read(b, off, len);
        } catch (PgpFout e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // Inflate errors, truncated packets, AEAD tag failures: a changed or cut-off ciphertext.
            throw new PgpFout("het bestand is beschadigd of gewijzigd", e);
        }
        if (n < 0) {
            resultaat = einde();
            return -1;
        }
        if (eenPas != null) {
            eenPas.update(b, off, n);
        } else if (vooraf != null) {
            vooraf.update(b, off, n);
        }
        return n;
    }

    private PgpResultaat einde() throws IOException {
        try {
            if (eenPas != null) {
                PGPSignature handtekening = handtekeningNaInhoud();
                if (!eenPas.verify(handtekening)) {
                    throw new PgpFout("de handtekening klopt niet: de inhoud is gewijzigd na het ondertekenen");
                }
            } else if (vooraf != null && !vooraf.verify()) {
                throw new PgpFout("de handtekening klopt niet: de inhoud is gewijzigd na het ondertekenen");
            }
            ontsleuteld.verifieer();
        } catch (PGPException e) {
            throw new PgpFout("de handtekening is niet te controleren", e);
        } catch (PgpFout e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new PgpFout("het bestand is beschadigd of gewijzigd", e);
        }
        PgpOndertekening ondertekening = ondertekenaar == 0 ? PgpOndertekening.NIET_ONDERTEKEND
                : bekend ? PgpOndertekening.GELDIG : PgpOndertekening.ONBEKENDE_ONDERTEKENAAR;
        return new PgpResultaat(ondertekening, ondertekenaar, bestandsnaam);
    }

    private PGPSignature handtekeningNaInhoud() throws IOException {
        Object object;
        while ((object = objecten.nextObject()) != null) {
            if (object instanceof PGPSignatureList) {
                for (PGPSignature handtekening : (PGPSignatureList) object) {
                    if (handtekening.getKeyID() == eenPas.getKeyID()) {
                        return handtekening;
                    }
                }
            }
        }
        throw new PgpFout("de handtekening ontbreekt aan het eind van het bericht (afgebroken?)");
    }

    /**
     * What the end of the message proved.
     *
     * @throws IllegalStateException before the stream has been read to its end (nothing is proven yet)
     */
    public PgpResultaat resultaat() {
        if (resultaat == null) {
            throw new IllegalStateException("the PGP message has not been read to its end; its signature is not verified yet");
        }
        return resultaat;
    }

    @Override
    public void close() throws IOException {
        bron.close();
    }
}
