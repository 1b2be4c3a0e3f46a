package nl.koppelpunt.hub.sftp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import nl.koppelpunt.connectors.intake.IntakeException;
import nl.koppelpunt.connectors.intake.IntakeGateway;
import nl.koppelpunt.connectors.intake.IntakeReceipt;
import nl.koppelpunt.connectors.intake.IntakeRequest;
import nl.koppelpunt.connectors.intake.Probleem;
import nl.koppelpunt.connectors.partner.Partner;
import nl.koppelpunt.schemas.XmlEncoding;

/**
 * Processes one uploaded batch (docs/sftp.md), NDJSON or XML, plain or PGP-encrypted: every message goes through
 * the same {@link IntakeGateway} as a REST request, with the sender's id for it as idempotency key. Streams: one
 * message in memory at a time; the {@code .ack} and {@code .fouten.json} are written as it goes ({@link BatchRapport}).
 * A PGP file is checked whole first ({@link PgpPoort}); a file that fails that check is refused whole.
 *
 * <p>Crash safety comes from the ids, not from bookkeeping: a file whose processing did not finish stays in the
 * inbox and is processed again from the start; messages already accepted come back as repeats with their
 * original berichtId.
 */
@Component
public class BatchVerwerker implements InboxBestandsverwerker {

    private static final Logger LOG = LoggerFactory.getLogger(BatchVerwerker.class);

    private final IntakeGateway intake;
    private final PgpPoort pgp;
    private final XmlEncoding xmlEncoding = new XmlEncoding();
    private final ObjectMapper json = new ObjectMapper();
    private final int maxBerichtBytes;
    private final int maxDiepte;
    private final long overbelastWachtMs;
    private final int overbelastPogingen;

    @Autowired
    public BatchVerwerker(IntakeGateway intake, PgpPoort pgp,
                          @Value("${koppelpunt.intake.max-body-bytes:1048576}") int maxBerichtBytes,
                          @Value("${koppelpunt.intake.max-nesting-depth:32}") int maxDiepte,
                          @Value("${koppelpunt.sftp.overbelast-wacht-ms:500}") long overbelastWachtMs,
                          @Value("${koppelpunt.sftp.overbelast-pogingen:240}") int overbelastPogingen) {
        this.intake = intake;
        this.pgp = pgp;
        this.maxBerichtBytes = maxBerichtBytes;
        this.maxDiepte = maxDiepte;
        this.overbelastWachtMs = overbelastWachtMs;
        this.overbelastPogingen = overbelastPogingen;
    }

    /** Plain files only (no PGP key): for a verwerker outside the application context, as in a memory measurement. */
    public BatchVerwerker(IntakeGateway intake, int maxBerichtBytes, long overbelastWachtMs, int overbelastPogingen) {
        this(intake, PgpPoort.zonderSleutel(), maxBerichtBytes, 32, overbelastWachtMs, overbelastPogingen);
    }

    /** What one run over a file did, for the log and the tests. */
    public record Resultaat(int geaccepteerd, int fouten) {
    }

    @Override
    public Pattern bestandsnamen() {
        return Batchnaam.KANDIDAAT;
    }

    @Override
    public void verwerkBestand(Path bestand, Partner partner) throws IOException {
        verwerk(bestand, partner);
    }

    public Resultaat verwerk(Path bestand, Partner partner) throws IOException {
        String bestandsnaam = bestand.getFileName().toString();
        Path dir = bestand.getParent();
        Optional<Batchnaam> naam = Batchnaam.lees(bestandsnaam);
        if (naam.isEmpty()) {
            return weiger(dir, Batchnaam.veilig(bestandsnaam), new BatchGeweigerd(Probleem.ONGELDIG_VERZOEK.slug(),
                    "Ongeldige bestandsnaam", "Gebruik <berichttype>.<eigen-naam>.ndjson of .xml, eventueel met .pgp, "
                    + ".gpg of .asc erachter, met alleen A-Z, a-z, 0-9, '.', '_' en '-' (zie docs/sftp.md)"));
        }
        if (!partner.magVersturen(naam.get().type())) {
            return weiger(dir, bestandsnaam, new BatchGeweigerd(Probleem.NIET_TOEGESTAAN.slug(), Probleem.NIET_TOEGESTAAN.titel(),
                    "Deze partner mag geen " + naam.get().type().code() + " versturen"));
        }
        try {
            pgp.controleer(bestand, naam.get(), partner);
        } catch (BatchGeweigerd e) {
            return weiger(dir, bestandsnaam, e);
        }
        int geaccepteerd = 0;
        int fouten = 0;
        BatchRapport rapport = new BatchRapport(dir, bestandsnaam);
        try (rapport; InputStream inhoud = pgp.inhoud(bestand, naam.get(), partner)) {
            BatchLezer lezer = lezer(inhoud, naam.get());
            BatchItem item;
            while ((item = lezer.volgende()) != null) {
                if (item.probleem() == null) {
                    try {
                        IntakeReceipt receipt = accepteer(new IntakeRequest(partner, naam.get().type(), item.id(), "sftp", item.bericht()));
                        rapport.geaccepteerd(item, receipt);
                        geaccepteerd++;
                        continue;
                    } catch (IntakeException e) {
                        item = item.metFout(e.probleem(), e.getMessage(), e.violations());
                    }
                }
                rapport.geweigerd(item, lezer);
                fouten++;
            }
            rapport.publiceer();
        } catch (BatchGeweigerd e) {
            // Only raised before the first message (a DTD, no <batch>), so nothing of the file was accepted.
            rapport.verwijderTijdelijk();
            return weiger(dir, bestandsnaam, e);
        }
        LOG.info("SFTP batch {} of partner {}: {} accepted, {} refused", bestandsnaam, partner.id(), geaccepteerd, fouten);
        return new Resultaat(geaccepteerd, fouten);
    }

    private BatchLezer lezer(InputStream inhoud, Batchnaam naam) throws IOException {
        if (naam.formaat() == Batchnaam.Formaat.XML) {
            return new XmlBatchLezer(inhoud, naam.type(), xmlEncoding, json, maxBerichtBytes, maxDiepte);
        }
        return new NdjsonLezer(inhoud, maxBerichtBytes);
    }

    private static Resultaat weiger(Path dir, String veiligeNaam, BatchGeweigerd reden) throws IOException {
        BatchRapport.weigerBestand(dir, veiligeNaam, reden.slug(), reden.titel(), reden.getMessage());
        LOG.warn("SFTP batch of partner {} refused as a whole: {}", dir.getFileName(), reden.titel());
        return new Resultaat(0, 1);
    }

    /**
     * A full hub (admission control) is waited out message by message, so a large batch slows down instead of
     * failing; only when it stays full, or the hub cannot store at all, does the file fail: it stays in the inbox and
     * is processed again, idempotently, at the next poll.
     */
    private IntakeReceipt accepteer(IntakeRequest request) {
        for (int poging = 1; ; poging++) {
            try {
                return intake.accept(request);
            } catch (IntakeException e) {
                if (e.probleem() != Probleem.HUB_OVERBELAST || poging >= overbelastPogingen) {
                    if (e.probleem() == Probleem.HUB_OVERBELAST || e.probleem() == Probleem.HUB_NIET_BESCHIKBAAR) {
                        throw new IllegalStateException("hub cannot take the batch now: " + e.probleem().slug(), e);
                    }
                    throw e;
                }
                try {
                    Thread.sleep(overbelastWachtMs);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while the hub was full", interrupted);
                }
            }
        }
    }
}
