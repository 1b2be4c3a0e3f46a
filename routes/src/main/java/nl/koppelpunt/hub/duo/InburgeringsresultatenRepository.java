package nl.koppelpunt.hub.duo;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** DUO's quarterly results per quarter; a newer delivery of a quarter replaces its rows whole, in one transaction. */
@Repository
public class InburgeringsresultatenRepository {

    private final JdbcTemplate jdbc;

    public InburgeringsresultatenRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What a delivery replaced: the version now stored (1 for a first delivery), and the gemeenten it had before. */
    public record Vervanging(int versie, Set<String> vorigeGemeenten) {
    }

    /** Stores a validated quarter, replacing what an earlier delivery of it held. */
    @Transactional
    public Vervanging vervang(String kwartaal, JsonNode rijen, String partnerId) {
        // The upsert locks the quarter's row, so two deliveries of one quarter cannot interleave their rows.
        Integer versie = jdbc.queryForObject("""
                INSERT INTO inburgeringskwartaal (kwartaal, versie, aangeleverd_door, aangeleverd_op) VALUES (?, 1, ?, ?)
                ON CONFLICT (kwartaal) DO UPDATE SET versie = inburgeringskwartaal.versie + 1,
                    aangeleverd_door = EXCLUDED.aangeleverd_door, aangeleverd_op = EXCLUDED.aangeleverd_op
                RETURNING versie""", Integer.class, kwartaal, partnerId, Timestamp.from(Instant.now()));
        // Read under that lock: who had rows in the version being replaced (they get a correction or a withdrawal).
        Set<String> vorige = new TreeSet<>(jdbc.queryForList(
                "SELECT DISTINCT gemeentecode FROM inburgeringsresultaat WHERE kwartaal = ?", String.class, kwartaal));
        jdbc.update("DELETE FROM inburgeringsresultaat WHERE kwartaal = ?", kwartaal);
        List<Object[]> batch = new ArrayList<>();
        for (JsonNode rij : rijen) {
            batch.add(new Object[] {kwartaal, rij.path("gemeentecode").asText(), rij.path("cohortjaar").asInt(),
                    rij.path("inburgeringsplichtigen").asInt(), rij.path("voldaan").asInt(), rij.path("ontheven").asInt(),
                    rij.path("nogInburgeringsplichtig").asInt(), optioneel(rij, "termijnVerstreken"),
                    optioneel(rij, "leningToegekend")});
        }
        jdbc.batchUpdate("""
                INSERT INTO inburgeringsresultaat (kwartaal, gemeentecode, cohortjaar, inburgeringsplichtigen, voldaan,
                    ontheven, nog_inburgeringsplichtig, termijn_verstreken, lening_toegekend)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", batch);
        return new Vervanging(versie, vorige);
    }

    /** A gemeente's rows, of one quarter or (kwartaal null) of every quarter: cohort by cohort, oldest quarter first. */
    public List<Inburgeringsresultaat> vanGemeente(String gemeentecode, String kwartaal) {
        return jdbc.query("""
                SELECT kwartaal, cohortjaar, inburgeringsplichtigen, voldaan, ontheven, nog_inburgeringsplichtig,
                    termijn_verstreken, lening_toegekend
                FROM inburgeringsresultaat WHERE gemeentecode = ? AND (CAST(? AS text) IS NULL OR kwartaal = ?)
                ORDER BY cohortjaar, kwartaal""", InburgeringsresultatenRepository::rij, gemeentecode, kwartaal, kwartaal);
    }

    private static Inburgeringsresultaat rij(ResultSet rs, int i) throws SQLException {
        return Inburgeringsresultaat.van(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
                rs.getInt(6), (Integer) rs.getObject(7), (Integer) rs.getObject(8));
    }

    private static Integer optioneel(JsonNode rij, String veld) {
        return rij.has(veld) ? rij.get(veld).asInt() : null;
    }
}
