package nl.koppelpunt.schemas;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The CSV form of DUO's quarterly results: UTF-8 (a byte order mark is skipped), comma-separated, LF or CRLF, a
 * header row with exactly {@link #KOLOMMEN} in that order, then one row per gemeente and cohort. The cells are codes
 * and whole numbers only, so quoting is not part of the layout: a quote character is an error, not an escape.
 * The two last columns are optional per row (an empty cell). The quarter is not a column: it is the file's (its
 * name over SFTP, the URI over REST).
 *
 * <p>Parsing turns the file into the JSON form and checks only what the CSV layout itself decides (header, number
 * of cells, whole numbers); everything else is {@link Inburgeringsresultaten}'s, and {@link #opRegelEnKolom} names
 * its violations by line and column. Line 1 is the header, so JSON row {@code i} is line {@code i + 2}.
 */
public final class KwartaalCsv {

    /** The columns, in order; equal to the JSON property names of a row. */
    public static final List<String> KOLOMMEN = List.of("gemeentecode", "cohortjaar", "inburgeringsplichtigen", "voldaan",
            "ontheven", "nogInburgeringsplichtig", "termijnVerstreken", "leningToegekend");

    private static final int VERPLICHT = 6;
    private static final int MAX_REGELS = 20_001;
    private static final Pattern RIJ_POINTER = Pattern.compile("^/rijen/(\\d+)(?:/([A-Za-z]+))?(.*)$");
    private static final Pattern GETAL = Pattern.compile("^[0-9]{1,9}$");

    /** The JSON form (when the layout was kept) and the layout's violations, each naming line and column. */
    public record Resultaat(JsonNode bestand, List<Violation> fouten) {
    }

    private KwartaalCsv() {
    }

    public static Resultaat lees(String kwartaal, String tekst) {
        List<Violation> fouten = new ArrayList<>();
        String inhoud = tekst.startsWith("\uFEFF") ? tekst.substring(1) : tekst;
        String[] regels = inhoud.split("\r?\n", -1);
        int aantal = regels.length;
        while (aantal > 0 && regels[aantal - 1].isEmpty()) {
            aantal--; // a final newline (or a few) is not a row
        }
        if (aantal == 0) {
            return new Resultaat(null, List.of(fout(1, 1, "the file is empty; expected the header row")));
        }
        if (aantal > MAX_REGELS) {
            return new Resultaat(null, List.of(fout(MAX_REGELS + 1, 1, "too many rows; at most " + (MAX_REGELS - 1))));
        }
        List<String> kop = List.of(regels[0].split(",", -1));
        if (!kop.equals(KOLOMMEN)) {
            int kolom = eersteVerschil(kop);
            return new Resultaat(null, List.of(fout(1, kolom, "header must be exactly: " + String.join(",", KOLOMMEN))));
        }
        ObjectNode bestand = JsonNodeFactory.instance.objectNode();
        bestand.put("kwartaal", kwartaal);
        var rijen = bestand.putArray("rijen");
        for (int r = 1; r < aantal; r++) {
            int regel = r + 1;
            String[] cellen = regels[r].split(",", -1);
            if (regels[r].indexOf('"') >= 0) {
                fouten.add(fout(regel, regels[r].substring(0, regels[r].indexOf('"')).split(",", -1).length,
                        "quotes are not part of this layout"));
                continue;
            }
            if (cellen.length != KOLOMMEN.size()) {
                fouten.add(fout(regel, Math.min(cellen.length, KOLOMMEN.size()) + 1,
                        "expected " + KOLOMMEN.size() + " cells, found " + cellen.length));
                continue;
            }
            ObjectNode rij = rijen.addObject();
            rij.put("gemeentecode", cellen[0]);
            for (int k = 1; k < KOLOMMEN.size(); k++) {
                String cel = cellen[k].strip();
                if (cel.isEmpty() && k >= VERPLICHT) {
                    continue;
                }
                if (!GETAL.matcher(cel).matches()) {
                    fouten.add(fout(regel, k + 1, "expected a whole number of at most 9 digits"));
                } else {
                    rij.put(KOLOMMEN.get(k), Long.parseLong(cel));
                }
            }
        }
        return new Resultaat(fouten.isEmpty() ? bestand : null, fouten);
    }

    /** A violation of the JSON form ({@code /rijen/3/voldaan}) as the same violation named by CSV line and column. */
    public static Violation opRegelEnKolom(Violation v) {
        Matcher m = RIJ_POINTER.matcher(v.pointer());
        if (!m.matches()) {
            return v;
        }
        int regel = Integer.parseInt(m.group(1)) + 2;
        int kolom = m.group(2) == null ? 1 : KOLOMMEN.indexOf(m.group(2)) + 1;
        return kolom == 0 ? new Violation(v.pointer(), "line " + regel + ": " + v.reason()) : fout(regel, kolom, v.reason());
    }

    /** {@code /regel/3/kolom/5}: a JSON pointer into the file seen as lines of cells, both counted from 1. */
    public static String pointer(int regel, int kolom) {
        return "/regel/" + regel + "/kolom/" + kolom;
    }

    private static Violation fout(int regel, int kolom, String reden) {
        String naam = kolom >= 1 && kolom <= KOLOMMEN.size() ? " (" + KOLOMMEN.get(kolom - 1) + ")" : "";
        return new Violation(pointer(regel, kolom), "line " + regel + ", column " + kolom + naam + ": " + reden);
    }

    private static int eersteVerschil(List<String> kop) {
        for (int i = 0; i < Math.min(kop.size(), KOLOMMEN.size()); i++) {
            if (!kop.get(i).equals(KOLOMMEN.get(i))) {
                return i + 1;
            }
        }
        return Math.min(kop.size(), KOLOMMEN.size()) + 1;
    }
}
