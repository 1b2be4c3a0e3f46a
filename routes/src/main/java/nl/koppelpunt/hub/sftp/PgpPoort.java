package nl.koppelpunt.hub.sftp;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import nl.koppelpunt.connectors.partner.Partner;
import nl.koppelpunt.connectors.pgp.PgpFout;
import nl.koppelpunt.connectors.pgp.PgpOntsleuteling;
import nl.koppelpunt.connectors.pgp.PgpResultaat;
import nl.koppelpunt.connectors.pgp.PgpSleutelpaar;
import nl.koppelpunt.hub.pgp.PartnerPgpSleutels;

/**
 * Decides whether a batch file may be read at all, and opens it. For a PGP file that is two passes over the file:
 * the first decrypts and verifies to the end and keeps nothing (no plaintext on disk, nothing buffered); only when
 * the whole file is intact and signed as the partner's policy demands does the second pass decrypt it again for
 * processing. So no message of a tampered or wrongly signed file is ever accepted.
 */
@Component
class PgpPoort {

    private static final int BUFFER = 64 * 1024;

    private final PgpSleutelpaar koppelpunt;
    private final PartnerPgpSleutels partnerSleutels;

    PgpPoort(@Qualifier("koppelpuntPgpSleutelpaar") PgpSleutelpaar koppelpunt, PartnerPgpSleutels partnerSleutels) {
        this.koppelpunt = koppelpunt;
        this.partnerSleutels = partnerSleutels;
    }

    /** Without Koppelpunt's key: plain files follow the partner's policy, encrypted files are refused. */
    static PgpPoort zonderSleutel() {
        return new PgpPoort(null, null);
    }

    /**
     * Pass 1.
     *
     * @throws BatchGeweigerd when the file must be refused as a whole, with the reason for the partner
     */
    void controleer(Path bestand, Batchnaam naam, Partner partner) throws IOException {
        boolean verplicht = partner.pgp().ondertekeningVerplicht();
        if (!naam.versleuteld()) {
            if (verplicht) {
                throw new BatchGeweigerd("ondertekening-verplicht", "Versleutelen en ondertekenen is verplicht",
                        "Deze partner levert alleen PGP-versleutelde en ondertekende bestanden aan (<naam>.pgp, .gpg "
                                + "of .asc; zie docs/sftp.md)");
            }
            return;
        }
        if (koppelpunt == null) {
            throw new BatchGeweigerd("pgp-ongeldig", "Geen PGP-sleutel", "Koppelpunt kan hier geen PGP-bestanden ontsleutelen");
        }
        PgpResultaat resultaat;
        try (InputStream in = open(bestand)) {
            resultaat = PgpOntsleuteling.controleer(in, koppelpunt, ondertekenaars(partner));
        } catch (PgpFout e) {
            throw new BatchGeweigerd("pgp-ongeldig", "Het PGP-bestand is niet te ontsleutelen of te controleren", e.getMessage());
        }
        switch (resultaat.ondertekening()) {
            case GELDIG:
                return;
            case ONBEKENDE_ONDERTEKENAAR:
                // Also when signing is optional: a signature nobody can check is a sign something is off.
                throw new BatchGeweigerd("onbekende-ondertekenaar", "Ondertekend met een onbekende sleutel",
                        "Het bestand is ondertekend met sleutel " + resultaat.ondertekenaarSleutelHex()
                                + ", die niet de PGP-sleutel van deze partner is (pgp.publieke-sleutel)");
            default:
                if (verplicht) {
                    throw new BatchGeweigerd("ondertekening-verplicht", "Ondertekenen is verplicht",
                            "Het bestand is versleuteld maar niet ondertekend; onderteken met gpg --sign --encrypt");
                }
        }
    }

    /** Pass 2: the content to process, decrypted on the fly for a PGP file. */
    InputStream inhoud(Path bestand, Batchnaam naam, Partner partner) throws IOException {
        if (!naam.versleuteld()) {
            return open(bestand);
        }
        return PgpOntsleuteling.ontsleutelEnVerifieer(open(bestand), koppelpunt, ondertekenaars(partner));
    }

    private List<PGPPublicKeyRing> ondertekenaars(Partner partner) {
        return partnerSleutels.sleutelring(partner).map(List::of).orElse(List.of());
    }

    private static InputStream open(Path bestand) throws IOException {
        return new BufferedInputStream(Files.newInputStream(bestand), BUFFER);
    }
}
