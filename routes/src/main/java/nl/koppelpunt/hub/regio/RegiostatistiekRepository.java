package nl.koppelpunt.hub.regio;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The raw counts per gemeente of one arbeidsmarktregio, all of persons with an active koppeling in that region to
 * that gemeente (the region is the one the koppeling message named). Every count is of distinct persons
 * (pseudonyms), never of messages, so a person with three profile versions counts once.
 */
@Repository
public class RegiostatistiekRepository {

    private final JdbcTemplate jdbc;

    public RegiostatistiekRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Unsuppressed counts; only {@link Onderdrukking} decides what of them leaves the hub. */
    public record Tellingen(String gemeentecode, long gekoppeld, long toestemming, long profielBezorgd, long geparkeerd) {
    }

    public List<Tellingen> perGemeente(String arbeidsmarktregio) {
        return jdbc.query("""
                WITH gekoppeld AS (
                    SELECT DISTINCT onderwerp_pseudoniem, gemeentecode FROM koppeling
                    WHERE actief AND arbeidsmarktregio = ?)
                SELECT g.gemeentecode,
                    count(*),
                    count(*) FILTER (WHERE EXISTS (SELECT 1 FROM toestemming t
                        WHERE t.onderwerp_pseudoniem = g.onderwerp_pseudoniem AND t.gemeentecode = g.gemeentecode
                          AND t.gegeven AND (t.einddatum IS NULL OR t.einddatum >= current_date))),
                    count(*) FILTER (WHERE EXISTS (SELECT 1 FROM bezorging b
                        WHERE b.onderwerp_pseudoniem = g.onderwerp_pseudoniem AND b.gemeentecode = g.gemeentecode
                          AND b.berichttype = 'klantprofiel' AND b.status = 'bezorgd')),
                    count(*) FILTER (WHERE EXISTS (SELECT 1 FROM parkering p
                        WHERE p.onderwerp_pseudoniem = g.onderwerp_pseudoniem AND p.gemeentecode = g.gemeentecode))
                FROM gekoppeld g GROUP BY g.gemeentecode ORDER BY g.gemeentecode""",
                (rs, i) -> new Tellingen(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)),
                arbeidsmarktregio);
    }

    /** Per gemeente of the region: per sector, the gekoppelde persons whose latest screening names it. */
    public Map<String, Map<String, Long>> sectorenPerGemeente(String arbeidsmarktregio) {
        Map<String, Map<String, Long>> uit = new HashMap<>();
        jdbc.query("""
                SELECT k.gemeentecode, s.sector, count(DISTINCT k.onderwerp_pseudoniem)
                FROM koppeling k JOIN screening_sectoren ss ON ss.onderwerp_pseudoniem = k.onderwerp_pseudoniem
                CROSS JOIN LATERAL unnest(string_to_array(ss.sectoren, ',')) AS s(sector)
                WHERE k.actief AND k.arbeidsmarktregio = ?
                GROUP BY k.gemeentecode, s.sector""",
                (org.springframework.jdbc.core.RowCallbackHandler) rs -> {
                    uit.computeIfAbsent(rs.getString(1), g -> new HashMap<>()).put(rs.getString(2), rs.getLong(3));
                }, arbeidsmarktregio);
        return uit;
    }
}
