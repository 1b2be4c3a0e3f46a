package nl.koppelpunt.hub.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Looks for plaintext personal data where it must not be: in every text-like or binary column of every table
 * (found through information_schema, so a table or column added later is covered too), or in every file under a
 * directory (the PostgreSQL cluster with its WAL, the Artemis journal).
 */
public final class PlatteTekst {

    private static final String KOLOMMEN = """
                SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c
                JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
                  AND c.data_type IN ('text', 'character varying', 'character', 'bytea', 'json', 'jsonb', 'xml')""";

    private PlatteTekst() {
    }

    /** "table.column contains needle" for every hit in the public schema's tables. */
    public static List<String> inDatabase(JdbcTemplate jdbc, List<String> naalden) {
        List<Map<String, Object>> kolommen = jdbc.queryForList(KOLOMMEN);
        if (kolommen.isEmpty()) {
            throw new IllegalStateException("no columns found to scan");
        }
        List<String> treffers = new ArrayList<>();
        for (Map<String, Object> kolom : kolommen) {
            String tabel = (String) kolom.get("table_name");
            String naam = (String) kolom.get("column_name");
            String waarde = "bytea".equals(kolom.get("data_type")) ? "\"" + naam + "\"" : "convert_to(\"" + naam + "\"::text, 'UTF8')";
            for (String naald : naalden) {
                Integer aantal = jdbc.queryForObject("SELECT count(*) FROM \"" + tabel + "\" WHERE position(? IN " + waarde + ") > 0",
                        Integer.class, (Object) naald.getBytes(StandardCharsets.UTF_8));
                if (aantal != null && aantal > 0) {
                    treffers.add(tabel + "." + naam + " contains " + naald + " (" + aantal + " rows)");
                }
            }
        }
        return treffers;
    }

    /** The number of text-like or binary columns {@link #inDatabase} scans; a guard against scanning nothing. */
    public static int kolommen(JdbcTemplate jdbc) {
        return jdbc.queryForList(KOLOMMEN).size();
    }

    /** "file contains needle" for every regular file under {@code dir} holding one of the needles' bytes. */
    public static List<String> inBestanden(Path dir, List<String> naalden) {
        List<String> treffers = new ArrayList<>();
        try (Stream<Path> bestanden = Files.walk(dir)) {
            for (Path bestand : (Iterable<Path>) bestanden.filter(Files::isRegularFile)::iterator) {
                String inhoud;
                try {
                    inhoud = new String(Files.readAllBytes(bestand), StandardCharsets.ISO_8859_1);
                } catch (IOException verdwenen) {
                    continue; // a temporary file of the running server, gone while walking
                }
                for (String naald : naalden) {
                    if (inhoud.contains(naald)) {
                        treffers.add(dir.relativize(bestand) + " contains " + naald);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return treffers;
    }
}
