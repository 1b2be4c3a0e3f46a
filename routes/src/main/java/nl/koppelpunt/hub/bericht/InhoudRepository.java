package nl.koppelpunt.hub.bericht;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Erasing payloads. An erased payload is deleted from its row (NULL, not a marker), and the message is cleared away
 * ({@code opgeruimd}) so the rules never route it again; its metadata and timeline stay. A payload is only erased
 * when nothing still waits for it: no parking and no delivery planned or failed (a failed one may be replayed).
 */
@Repository
public class InhoudRepository {

    private static final String NIETS_WACHT = """
            AND NOT EXISTS (SELECT 1 FROM parkering p WHERE p.bericht_id = bericht.id)
            AND NOT EXISTS (SELECT 1 FROM bezorging z WHERE z.bericht_id = bericht.id AND z.status IN ('gepland', 'mislukt'))""";

    private final JdbcTemplate jdbc;

    public InhoudRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Erases one message's payload if nothing waits for it any more; true if it was erased now. */
    public boolean wis(UUID berichtId) {
        return jdbc.update("UPDATE bericht SET inhoud_versleuteld = NULL, opgeruimd = true "
                + "WHERE id = ? AND inhoud_versleuteld IS NOT NULL " + NIETS_WACHT, berichtId) == 1;
    }

    /**
     * Erases the payloads of at most {@code max} messages that were delivered or dropped before {@code grens}, oldest
     * first, and returns their ids. Rows locked by a running transaction are skipped (next run), so the purge never
     * waits for, nor blocks, the rules.
     */
    public List<UUID> wisVerlopen(Instant grens, int max) {
        return jdbc.queryForList("""
                UPDATE bericht SET inhoud_versleuteld = NULL, opgeruimd = true
                WHERE id IN (SELECT id FROM bericht
                             WHERE inhoud_versleuteld IS NOT NULL AND status IN ('bezorgd', 'vervallen') AND gewijzigd_op < ?
                """ + NIETS_WACHT + """

                             ORDER BY gewijzigd_op LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING id""", UUID.class, Timestamp.from(grens), max);
    }
}
