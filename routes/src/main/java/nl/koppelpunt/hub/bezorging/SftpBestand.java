package nl.koppelpunt.hub.bezorging;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import nl.koppelpunt.connectors.partner.Abonnement;
import nl.koppelpunt.connectors.partner.PartnerRegister;
import nl.koppelpunt.connectors.partner.SftpBestemming;
import nl.koppelpunt.connectors.pgp.PgpSleutelpaar;
import nl.koppelpunt.connectors.pgp.PgpSleutels;
import nl.koppelpunt.connectors.pgp.PgpVersleuteling;
import nl.koppelpunt.hub.KoppelpuntHeaders;

/**
 * Makes the file of one SFTP delivery attempt: the envelope is streamed through PGP (encrypted to the gemeente's key,
 * signed by Koppelpunt's) into a file in the working folder, which camel-sftp then streams to the server. So the
 * message is in memory once — as BezorgVoorbereiding read it — and the ciphertext never is. The file is deleted after
 * the attempt, whatever its outcome; leftovers of a crash are deleted at start (they are ciphertext only).
 */
@Component
public class SftpBestand {

    /** Exchange property: the camel-sftp endpoint URI of this delivery's server. */
    static final String DOEL = "KoppelpuntSftpDoel";
    /** Exchange property: the encrypted file waiting to be uploaded. */
    static final String WERKBESTAND = "KoppelpuntSftpWerkbestand";

    private final PartnerRegister partners;
    private final SftpDoel doel;
    private final PgpSleutelpaar koppelpunt;
    private final Path werkmap;

    /** @param koppelpunt Koppelpunt's own OpenPGP key (hub.pgp.PgpConfiguration: loaded and checked at start) */
    public SftpBestand(PartnerRegister partners, SftpDoel doel, @Qualifier("koppelpuntPgpSleutelpaar") PgpSleutelpaar koppelpunt,
                       @Value("${koppelpunt.bezorging.sftp.werkmap}") Path werkmap) {
        this.partners = partners;
        this.doel = doel;
        this.koppelpunt = koppelpunt;
        this.werkmap = werkmap;
        ruimOp(werkmap);
        // With an sftp subscription configured, a missing SSH key stops the start instead of failing every delivery.
        if (partners.huidig().alleAbonnementen().stream().anyMatch(a -> a.sftp() != null)) {
            doel.controleerClientSleutel();
        }
    }

    public void maak(Exchange exchange) throws Exception {
        String abonnementId = exchange.getProperty(KoppelpuntHeaders.ABONNEMENT, String.class);
        SftpBestemming bestemming = partners.huidig().abonnement(abonnementId).map(Abonnement::sftp)
                .orElseThrow(() -> new IllegalStateException("abonnement " + abonnementId + " has no sftp destination"));
        Message message = exchange.getMessage();
        String naam = SftpEnvelop.bestandsnaam(message);
        PGPPublicKey ontvanger = PgpSleutels.versleutelSleutel(PgpSleutels.publiekeSleutelring(bestemming.pgpSleutel()));
        Files.createDirectories(werkmap);
        Path bestand = Files.createTempFile(werkmap, "bezorging-", ".gpg");
        exchange.setProperty(WERKBESTAND, bestand);
        try (OutputStream uit = Files.newOutputStream(bestand, StandardOpenOption.TRUNCATE_EXISTING)) {
            // The literal data packet carries the name without .gpg: what `gpg --use-embedded-filename` would write.
            try (OutputStream pgp = PgpVersleuteling.versleutelEnOnderteken(uit, ontvanger, koppelpunt.ondertekenaar(),
                    naam.substring(0, naam.length() - ".gpg".length()))) {
                SftpEnvelop.schrijf(message, pgp);
            }
        }
        exchange.setProperty(DOEL, doel.uri(bestemming));
        message.setHeader(Exchange.FILE_NAME, naam);
        // The upload reads the file; the message bytes are no longer needed on this exchange.
        message.setBody(bestand.toFile());
    }

    public void opruimen(Exchange exchange) throws IOException {
        Path bestand = exchange.getProperty(WERKBESTAND, Path.class);
        if (bestand != null) {
            Files.deleteIfExists(bestand);
        }
    }

    private static void ruimOp(Path werkmap) {
        if (!Files.isDirectory(werkmap)) {
            return;
        }
        try (Stream<Path> resten = Files.list(werkmap)) {
            for (Path rest : (Iterable<Path>) resten::iterator) {
                Files.deleteIfExists(rest);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clear the SFTP working folder " + werkmap, e);
        }
    }
}
