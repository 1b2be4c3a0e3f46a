package nl.koppelpunt.hub.sftp;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import nl.koppelpunt.connectors.intake.IntakeException;
import nl.koppelpunt.connectors.intake.IntakeGateway;
import nl.koppelpunt.connectors.intake.IntakeReceipt;
import nl.koppelpunt.connectors.intake.IntakeRequest;
import nl.koppelpunt.connectors.intake.Probleem;
import nl.koppelpunt.connectors.partner.Partner;
import nl.koppelpunt.schemas.Violation;

/**
 * Processes one uploaded NDJSON batch (docs/sftp.md): every line {@code {"id": "...", "bericht": {...}}} goes
 * through the same {@link IntakeGateway} as a REST request, with the line's id as idempotency key. Streams: one line
 * in memory at a time; the {@code .ack} and {@code .fouten.json} are written as it goes, under hidden temporary names,
 * and renamed into place at the end, so the partner never reads half a report.
 *
 * <p>Crash safety comes from the ids, not from bookkeeping: a file whose processing did not finish stays in the
 * inbox and is processed again from the first line; lines already accepted come back as repeats with their
 * original berichtId.
 */
@Component
public class BatchVerwerker {

    private static final Logger LOG = LoggerFactory.getLogger(BatchVerwerker.class);
    /** The same rule as REST's Idempotency-Key. */
    private static final Pattern ID = Pattern.compile("^[A-Za-z0-9._:-]{1,128}$");
    private static final String TYPE_PREFIX = "urn:koppelpunt:probleem:";
    /** Room for the envelope ({"id": ..., "bericht": ...}) around a message of the largest allowed size. */
    private static final int ENVELOP_BYTES = 1024;

    private final IntakeGateway intake;
    private final JsonFactory json = new JsonFactory();
    private final int maxBerichtBytes;
    private final long overbelastWachtMs;
    private final int overbelastPogingen;

    public BatchVerwerker(IntakeGateway intake,
                          @Value("${koppelpunt.intake.max-body-bytes:1048576}") int maxBerichtBytes,
                          @Value("${koppelpunt.sftp.overbelast-wacht-ms:500}") long overbelastWachtMs,
                          @Value("${koppelpunt.sftp.overbelast-pogingen:240}") int overbelastPogingen) {
        this.intake = intake;
        this.maxBerichtBytes = maxBerichtBytes;
        this.overbelastWachtMs = overbelastWachtMs;
        this.overbelastPogingen = overbelastPogingen;
    }

    /** What one run over a file did, for the log and the tests. */
    public record Resultaat(int geaccepteerd, int fouten, long bytesGelezen) {
    }

    public Resultaat verwerk(Path bestand, Partner partner) throws IOException {
        String bestandsnaam = bestand.getFileName().toString();
        Optional<Batchnaam> naam = Batchnaam.lees(bestandsnaam);
        if (naam.isEmpty()) {
            weigerBestand(bestand, Batchnaam.veilig(bestandsnaam), Probleem.ONGELDIG_VERZOEK, "Ongeldige bestandsnaam",
                    "Gebruik <berichttype>.<eigen-naam>.ndjson met alleen A-Z, a-z, 0-9, '.', '_' en '-' (zie docs/sftp.md)");
            return new Resultaat(0, 1, 0);
        }
        if (!partner.magVersturen(naam.get().type())) {
            weigerBestand(bestand, bestandsnaam, Probleem.NIET_TOEGESTAAN, Probleem.NIET_TOEGESTAAN.titel(),
                    "Deze partner mag geen " + naam.get().type().code() + " versturen");
            return new Resultaat(0, 1, 0);
        }
        Path dir = bestand.getParent();
        Path ackTmp = dir.resolve("." + bestandsnaam + ".ack.tmp");
        Path foutenTmp = dir.resolve("." + bestandsnaam + ".fouten.json.tmp");
        int geaccepteerd = 0;
        int fouten = 0;
        long gelezen;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(bestand), 64 * 1024);
             OutputStream ackOut = Files.newOutputStream(ackTmp);
             JsonGenerator ack = json.createGenerator(ackOut, JsonEncoding.UTF8);
             OutputStream foutenOut = Files.newOutputStream(foutenTmp);
             JsonGenerator fout = json.createGenerator(foutenOut, JsonEncoding.UTF8)) {
            ack.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
            fout.writeStartObject();
            fout.writeStringField("bestand", bestandsnaam);
            fout.writeArrayFieldStart("fouten");
            RegelLezer lezer = new RegelLezer(in, maxBerichtBytes + ENVELOP_BYTES);
            int nummer = 0;
            byte[] regel;
            while ((regel = lezer.volgende()) != null) {
                nummer++;
                if (regel != RegelLezer.TE_LANG && isLeeg(regel)) {
                    continue; // a blank line (often the last one) carries no message
                }
                Regel r = regel == RegelLezer.TE_LANG
                        ? Regel.fout(null, Probleem.ONGELDIG_BERICHT, "De regel is langer dan toegestaan",
                        List.of(new Violation("", "Ten hoogste " + maxBerichtBytes + " bytes per bericht")))
                        : ontleed(regel);
                if (r.probleem == null) {
                    try {
                        IntakeReceipt receipt = accepteer(new IntakeRequest(partner, naam.get().type(), r.id, "sftp", r.bericht));
                        schrijfAck(ack, nummer, r.id, receipt);
                        geaccepteerd++;
                        continue;
                    } catch (IntakeException e) {
                        r = Regel.fout(r.id, e.probleem(), e.getMessage(), e.violations());
                    }
                }
                schrijfFout(fout, nummer, r);
                fouten++;
            }
            gelezen = lezer.bytesGelezen();
            fout.writeEndArray();
            fout.writeEndObject();
        }
        verplaats(ackTmp, dir.resolve(bestandsnaam + ".ack"));
        verplaats(foutenTmp, dir.resolve(bestandsnaam + ".fouten.json"));
        LOG.info("SFTP batch {} of partner {}: {} accepted, {} refused", bestandsnaam, partner.id(), geaccepteerd, fouten);
        return new Resultaat(geaccepteerd, fouten, gelezen);
    }

    /**
     * A full hub (admission control) is waited out line by line, so a large batch slows down instead of failing;
     * only when it stays full, or the hub cannot store at all, does the file fail: it stays in the inbox and is
     * processed again, idempotently, at the next poll.
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

    /** One parsed line: either an id and the raw bytes of its message, or a problem. */
    private static final class Regel {
        String id;
        byte[] bericht;
        Probleem probleem;
        String detail;
        List<Violation> violations = List.of();

        static Regel fout(String id, Probleem probleem, String detail, List<Violation> violations) {
            Regel r = new Regel();
            r.id = id;
            r.probleem = probleem;
            r.detail = detail;
            r.violations = violations;
            return r;
        }
    }

    /**
     * Reads the envelope with a streaming parser and hands on the message's own bytes untouched, so the intake's
     * strict checks (duplicate keys, nesting depth, the contract) see exactly what the partner wrote.
     */
    private Regel ontleed(byte[] regel) {
        Regel r = new Regel();
        try (JsonParser p = json.createParser(regel)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return envelopFout(null, "", "Elke regel is één JSON-object {\"id\": ..., \"bericht\": {...}}");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String veld = p.currentName();
                JsonToken waarde = p.nextToken();
                if ("id".equals(veld) && r.id == null && waarde == JsonToken.VALUE_STRING) {
                    r.id = p.getText();
                } else if ("bericht".equals(veld) && r.bericht == null && waarde == JsonToken.START_OBJECT) {
                    int start = (int) p.currentTokenLocation().getByteOffset();
                    p.skipChildren();
                    int eind = (int) p.currentLocation().getByteOffset();
                    r.bericht = Arrays.copyOfRange(regel, start, eind);
                } else if ("id".equals(veld) || "bericht".equals(veld)) {
                    p.skipChildren();
                    return envelopFout(r.id, "/" + veld, "id".equals(veld)
                            ? "Eén keer, als tekst" : "Eén keer, als JSON-object");
                } else {
                    return envelopFout(r.id, "/" + veld.replace("~", "~0").replace("/", "~1"), "Onbekend veld: een regel heeft alleen id en bericht");
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                return envelopFout(r.id, "", "Na het object mag niets meer op de regel staan");
            }
        } catch (JsonProcessingException e) {
            // The parser's message can quote content; the location is enough and carries no personal data.
            return envelopFout(r.id, "", "Geen geldige JSON (kolom " + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            return envelopFout(r.id, "", "Geen geldige JSON");
        }
        if (r.id == null || !ID.matcher(r.id).matches()) {
            return envelopFout(null, "/id", r.id == null ? "Ontbreekt: het eigen berichtkenmerk van de afzender"
                    : "Gebruik 1 tot 128 tekens uit A-Z, a-z, 0-9 en . _ : -");
        }
        if (r.bericht == null) {
            return envelopFout(r.id, "/bericht", "Ontbreekt: het bericht zelf, als JSON-object");
        }
        return r;
    }

    private static Regel envelopFout(String id, String pointer, String reden) {
        return Regel.fout(id != null && ID.matcher(id).matches() ? id : null, Probleem.ONGELDIG_VERZOEK,
                "De regel is geen {\"id\": ..., \"bericht\": {...}}", List.of(new Violation(pointer, reden)));
    }

    private static void schrijfAck(JsonGenerator ack, int nummer, String id, IntakeReceipt receipt) throws IOException {
        ack.writeStartObject();
        ack.writeNumberField("regel", nummer);
        ack.writeStringField("id", id);
        ack.writeStringField("berichtId", receipt.berichtId().toString());
        ack.writeStringField("status", receipt.status().code());
        ack.writeBooleanField("herhaald", receipt.herhaald());
        ack.writeEndObject();
    }

    /** The same fields as REST's problem+json (type, title, detail, invalidParams), plus the line and its id. */
    private static void schrijfFout(JsonGenerator fout, int nummer, Regel r) throws IOException {
        fout.writeStartObject();
        fout.writeNumberField("regel", nummer);
        if (r.id != null) {
            fout.writeStringField("id", r.id);
        }
        fout.writeStringField("type", TYPE_PREFIX + r.probleem.slug());
        fout.writeStringField("title", r.probleem.titel());
        fout.writeStringField("detail", r.detail);
        fout.writeArrayFieldStart("invalidParams");
        for (Violation v : r.violations) {
            fout.writeStartObject();
            fout.writeStringField("name", v.pointer());
            fout.writeStringField("reason", v.reason());
            fout.writeEndObject();
        }
        fout.writeEndArray();
        fout.writeEndObject();
    }

    /** A refused file gets a {@code .fouten.json} under a safe name and no {@code .ack}. */
    private void weigerBestand(Path bestand, String veiligeNaam, Probleem probleem, String titel, String detail)
            throws IOException {
        Path dir = bestand.getParent();
        Path tmp = dir.resolve("." + veiligeNaam + ".fouten.json.tmp");
        try (OutputStream out = Files.newOutputStream(tmp); JsonGenerator g = json.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("bestand", veiligeNaam);
            g.writeArrayFieldStart("fouten");
            g.writeStartObject();
            g.writeNumberField("regel", 0);
            g.writeStringField("type", TYPE_PREFIX + probleem.slug());
            g.writeStringField("title", titel);
            g.writeStringField("detail", detail);
            g.writeArrayFieldStart("invalidParams");
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        }
        verplaats(tmp, dir.resolve(veiligeNaam + ".fouten.json"));
        LOG.warn("SFTP batch of partner {} refused as a whole: {}", dir.getFileName(), titel);
    }

    private static boolean isLeeg(byte[] regel) {
        for (byte b : regel) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private static void verplaats(Path van, Path naar) throws IOException {
        try {
            Files.move(van, naar, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(van, naar, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
