package nl.koppelpunt.hub.sftp;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import nl.koppelpunt.connectors.intake.Probleem;
import nl.koppelpunt.schemas.Violation;

/**
 * An NDJSON batch: every line {@code {"id": "...", "bericht": {...}}}. One line in memory at a time, at most the
 * largest allowed message plus its envelope.
 */
final class NdjsonLezer implements BatchLezer {

    /** The same rule as REST's Idempotency-Key. */
    static final Pattern ID = Pattern.compile("^[A-Za-z0-9._:-]{1,128}$");
    /** Room for the envelope ({"id": ..., "bericht": ...}) around a message of the largest allowed size. */
    private static final int ENVELOP_BYTES = 1024;

    private final JsonFactory json = new JsonFactory();
    private final RegelLezer regels;
    private final int maxBerichtBytes;
    private int nummer;

    NdjsonLezer(InputStream in, int maxBerichtBytes) {
        this.regels = new RegelLezer(in, maxBerichtBytes + ENVELOP_BYTES);
        this.maxBerichtBytes = maxBerichtBytes;
    }

    @Override
    public BatchItem volgende() throws IOException {
        byte[] regel;
        while ((regel = regels.volgende()) != null) {
            nummer++;
            if (regel == RegelLezer.TE_LANG) {
                return BatchItem.fout(nummer, null, null, Probleem.ONGELDIG_BERICHT, "De regel is langer dan toegestaan",
                        List.of(new Violation("", "Ten hoogste " + maxBerichtBytes + " bytes per bericht")));
            }
            if (!isLeeg(regel)) {
                return ontleed(regel);
            }
            // a blank line (often the last one) carries no message
        }
        return null;
    }

    /**
     * Reads the envelope with a streaming parser and hands on the message's own bytes untouched, so the intake's
     * strict checks (duplicate keys, nesting depth, the contract) see exactly what the partner wrote.
     */
    private BatchItem ontleed(byte[] regel) {
        String id = null;
        byte[] bericht = null;
        try (JsonParser p = json.createParser(regel)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return envelopFout(null, "", "Elke regel is één JSON-object {\"id\": ..., \"bericht\": {...}}");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String veld = p.currentName();
                JsonToken waarde = p.nextToken();
                if ("id".equals(veld) && id == null && waarde == JsonToken.VALUE_STRING) {
                    id = p.getText();
                } else if ("bericht".equals(veld) && bericht == null && waarde == JsonToken.START_OBJECT) {
                    int start = (int) p.currentTokenLocation().getByteOffset();
                    p.skipChildren();
                    int eind = (int) p.currentLocation().getByteOffset();
                    bericht = Arrays.copyOfRange(regel, start, eind);
                } else if ("id".equals(veld) || "bericht".equals(veld)) {
                    p.skipChildren();
                    return envelopFout(id, "/" + veld, "id".equals(veld)
                            ? "Eén keer, als tekst" : "Eén keer, als JSON-object");
                } else {
                    return envelopFout(id, "/" + veld.replace("~", "~0").replace("/", "~1"), "Onbekend veld: een regel heeft alleen id en bericht");
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                return envelopFout(id, "", "Na het object mag niets meer op de regel staan");
            }
        } catch (JsonProcessingException e) {
            // The parser's message can quote content; the location is enough and carries no personal data.
            return envelopFout(id, "", "Geen geldige JSON (kolom " + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            return envelopFout(id, "", "Geen geldige JSON");
        }
        if (id == null || !ID.matcher(id).matches()) {
            return envelopFout(null, "/id", id == null ? "Ontbreekt: het eigen berichtkenmerk van de afzender"
                    : "Gebruik 1 tot 128 tekens uit A-Z, a-z, 0-9 en . _ : -");
        }
        if (bericht == null) {
            return envelopFout(id, "/bericht", "Ontbreekt: het bericht zelf, als JSON-object");
        }
        return BatchItem.bericht(nummer, null, id, bericht);
    }

    private BatchItem envelopFout(String id, String pointer, String reden) {
        return BatchItem.fout(nummer, null, id != null && ID.matcher(id).matches() ? id : null, Probleem.ONGELDIG_VERZOEK,
                "De regel is geen {\"id\": ..., \"bericht\": {...}}", List.of(new Violation(pointer, reden)));
    }

    private static boolean isLeeg(byte[] regel) {
        for (byte b : regel) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
