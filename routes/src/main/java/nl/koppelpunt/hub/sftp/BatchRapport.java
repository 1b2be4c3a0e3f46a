package nl.koppelpunt.hub.sftp;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;

import nl.koppelpunt.connectors.intake.IntakeReceipt;
import nl.koppelpunt.schemas.Violation;

/**
 * The {@code <file>.ack} (one JSON object per accepted message) and {@code <file>.fouten.json} (the refused ones, in
 * the fields of REST's problem+json) beside an upload. Written as processing goes, under hidden temporary names, and
 * renamed into place by {@link #publiceer()}, so the partner never reads half a report.
 */
final class BatchRapport implements AutoCloseable {

    static final String TYPE_PREFIX = "urn:koppelpunt:probleem:";
    private static final JsonFactory JSON = new JsonFactory();

    private final Path dir;
    private final String bestandsnaam;
    private final Path ackTmp;
    private final Path foutenTmp;
    private final OutputStream ackOut;
    private final JsonGenerator ack;
    private final OutputStream foutenOut;
    private final JsonGenerator fout;
    private boolean gesloten;

    BatchRapport(Path dir, String bestandsnaam) throws IOException {
        this.dir = dir;
        this.bestandsnaam = bestandsnaam;
        this.ackTmp = dir.resolve("." + bestandsnaam + ".ack.tmp");
        this.foutenTmp = dir.resolve("." + bestandsnaam + ".fouten.json.tmp");
        this.ackOut = Files.newOutputStream(ackTmp);
        this.ack = JSON.createGenerator(ackOut, JsonEncoding.UTF8);
        this.foutenOut = Files.newOutputStream(foutenTmp);
        this.fout = JSON.createGenerator(foutenOut, JsonEncoding.UTF8);
        ack.setRootValueSeparator(new SerializedString("\n"));
        fout.writeStartObject();
        fout.writeStringField("bestand", bestandsnaam);
        fout.writeArrayFieldStart("fouten");
    }

    void geaccepteerd(BatchItem item, IntakeReceipt receipt) throws IOException {
        ack.writeStartObject();
        positie(ack, item);
        ack.writeStringField("id", item.id());
        ack.writeStringField("berichtId", receipt.berichtId().toString());
        ack.writeStringField("status", receipt.status().code());
        ack.writeBooleanField("herhaald", receipt.herhaald());
        ack.writeEndObject();
    }

    /** The same fields as REST's problem+json (type, title, detail, invalidParams), plus the position and the id. */
    void geweigerd(BatchItem item, BatchLezer lezer) throws IOException {
        fout.writeStartObject();
        positie(fout, item);
        if (item.id() != null) {
            fout.writeStringField("id", item.id());
        }
        fout.writeStringField("type", TYPE_PREFIX + item.probleem().slug());
        fout.writeStringField("title", item.probleem().titel());
        fout.writeStringField("detail", item.detail());
        fout.writeArrayFieldStart("invalidParams");
        for (Violation v : item.violations()) {
            fout.writeStartObject();
            fout.writeStringField("name", lezer.veld(v.pointer()));
            fout.writeStringField("reason", v.reason());
            fout.writeEndObject();
        }
        fout.writeEndArray();
        fout.writeEndObject();
    }

    private static void positie(JsonGenerator g, BatchItem item) throws IOException {
        g.writeNumberField("regel", item.regel());
        if (item.element() != null) {
            g.writeNumberField("element", item.element());
        }
    }

    /** Completes both reports and puts them beside the upload. */
    void publiceer() throws IOException {
        fout.writeEndArray();
        fout.writeEndObject();
        close();
        verplaats(ackTmp, dir.resolve(bestandsnaam + ".ack"));
        verplaats(foutenTmp, dir.resolve(bestandsnaam + ".fouten.json"));
    }

    /** Closes without publishing: the temporary files stay until {@link #verwijderTijdelijk()} or the next run overwrites them. */
    @Override
    public void close() throws IOException {
        if (gesloten) {
            return;
        }
        gesloten = true;
        try (ackOut; ack; foutenOut; fout) {
            // the generators first, then their streams (try-with-resources closes in reverse order)
        }
    }

    /** For a file refused whole after all: nothing of the partial reports may be left. */
    void verwijderTijdelijk() throws IOException {
        close();
        Files.deleteIfExists(ackTmp);
        Files.deleteIfExists(foutenTmp);
    }

    /** A refused file gets a {@code .fouten.json} under a safe name and no {@code .ack}. */
    static void weigerBestand(Path dir, String veiligeNaam, String slug, String titel, String detail) throws IOException {
        Path tmp = dir.resolve("." + veiligeNaam + ".fouten.json.tmp");
        try (OutputStream out = Files.newOutputStream(tmp); JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("bestand", veiligeNaam);
            g.writeArrayFieldStart("fouten");
            g.writeStartObject();
            g.writeNumberField("regel", 0);
            g.writeStringField("type", TYPE_PREFIX + slug);
            g.writeStringField("title", titel);
            g.writeStringField("detail", detail);
            g.writeArrayFieldStart("invalidParams");
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        }
        verplaats(tmp, dir.resolve(veiligeNaam + ".fouten.json"));
    }

    private static void verplaats(Path van, Path naar) throws IOException {
        try {
            Files.move(van, naar, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(van, naar, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
