package nl.koppelpunt.hub.opslag;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import nl.koppelpunt.hub.regels.Toestemmingstand;

/** The latest consent per person and gemeente; the toestemming messages themselves keep the history. */
@Repository
public class ToestemmingRepository {

    private final JdbcTemplate jdbc;

    public ToestemmingRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Toestemmingstand> van(String pseudoniem, String gemeentecode) {
        return jdbc.query("""
                SELECT gemeentecode, doel, gegeven, datum, einddatum FROM toestemming
                WHERE onderwerp_pseudoniem = ? AND gemeentecode = ?""",
                (rs, i) -> new Toestemmingstand(rs.getString(1), rs.getString(2), rs.getBoolean(3),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class)),
                pseudoniem, gemeentecode).stream().findFirst();
    }

    public void zet(String pseudoniem, Toestemmingstand t, UUID berichtId) {
        jdbc.update("""
                INSERT INTO toestemming (onderwerp_pseudoniem, gemeentecode, doel, gegeven, datum, einddatum, bericht_id, gewijzigd_op)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (onderwerp_pseudoniem, gemeentecode) DO UPDATE SET doel = EXCLUDED.doel,
                    gegeven = EXCLUDED.gegeven, datum = EXCLUDED.datum, einddatum = EXCLUDED.einddatum,
                    bericht_id = EXCLUDED.bericht_id, gewijzigd_op = EXCLUDED.gewijzigd_op""",
                pseudoniem, t.gemeentecode(), t.doel(), t.gegeven(), Date.valueOf(t.datum()),
                t.einddatum() == null ? null : Date.valueOf(t.einddatum()), berichtId, Timestamp.from(Instant.now()));
    }
}
