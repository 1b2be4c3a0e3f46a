package nl.koppelpunt.hub.opslag;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import nl.koppelpunt.hub.regels.Koppelingstand;

/** The koppelingen registry: person → gemeente, with history; at most one active koppeling per person. */
@Repository
public class KoppelingRepository {

    private final JdbcTemplate jdbc;

    public KoppelingRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Koppelingstand> actief(String pseudoniem) {
        return jdbc.query("""
                SELECT gemeentecode, arbeidsmarktregio, azc, startdatum FROM koppeling
                WHERE onderwerp_pseudoniem = ? AND actief""",
                (rs, i) -> new Koppelingstand(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class)),
                pseudoniem).stream().findFirst();
    }

    public void begin(String pseudoniem, Koppelingstand k, UUID berichtId) {
        jdbc.update("""
                INSERT INTO koppeling (onderwerp_pseudoniem, gemeentecode, arbeidsmarktregio, azc, startdatum, actief, bericht_id)
                VALUES (?, ?, ?, ?, ?, true, ?)""",
                pseudoniem, k.gemeentecode(), k.arbeidsmarktregio(), k.azc(), Date.valueOf(k.startdatum()), berichtId);
    }

    public void beeindig(String pseudoniem, LocalDate einddatum, UUID berichtId) {
        jdbc.update("UPDATE koppeling SET actief = false, einddatum = ?, beeindigd_door = ? WHERE onderwerp_pseudoniem = ? AND actief",
                Date.valueOf(einddatum), berichtId, pseudoniem);
    }
}
