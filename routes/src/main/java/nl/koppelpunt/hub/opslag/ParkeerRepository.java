package nl.koppelpunt.hub.opslag;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import nl.koppelpunt.hub.regels.BerichtRef;
import nl.koppelpunt.hub.regels.Parkeerreden;

/** Parked messages with their reason; each expires after the configured retention. */
@Repository
public class ParkeerRepository {

    private final JdbcTemplate jdbc;
    private final Duration bewaartermijn;

    public ParkeerRepository(JdbcTemplate jdbc, @Value("${koppelpunt.parkeren.bewaartermijn:P90D}") Duration bewaartermijn) {
        this.jdbc = jdbc;
        this.bewaartermijn = bewaartermijn;
    }

    public void parkeer(BerichtRef b, Parkeerreden reden, String gemeentecode) {
        Instant nu = Instant.now();
        jdbc.update("""
                INSERT INTO parkering (bericht_id, gemeentecode, reden, onderwerp_pseudoniem, berichttype, geparkeerd_op, verloopt_op)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (bericht_id, gemeentecode) DO UPDATE SET reden = EXCLUDED.reden""",
                b.id(), gemeentecode == null ? "" : gemeentecode, reden.code(), b.onderwerpPseudoniem(), b.type().code(),
                Timestamp.from(nu), Timestamp.from(nu.plus(bewaartermijn)));
    }

    public List<UUID> ontparkeer(String pseudoniem, Parkeerreden reden, String gemeentecode) {
        return jdbc.queryForList("""
                DELETE FROM parkering WHERE onderwerp_pseudoniem = ? AND reden = ? AND (CAST(? AS text) IS NULL OR gemeentecode = ?)
                RETURNING bericht_id""", UUID.class, pseudoniem, reden.code(), gemeentecode, gemeentecode);
    }

    public List<UUID> ontparkeerGemeente(Parkeerreden reden, String gemeentecode) {
        return jdbc.queryForList("DELETE FROM parkering WHERE reden = ? AND gemeentecode = ? RETURNING bericht_id",
                UUID.class, reden.code(), gemeentecode);
    }

    public List<UUID> ontparkeerBericht(UUID berichtId) {
        return jdbc.queryForList("DELETE FROM parkering WHERE bericht_id = ? RETURNING bericht_id", UUID.class, berichtId);
    }

    public boolean isGeparkeerd(UUID berichtId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM parkering WHERE bericht_id = ?)",
                Boolean.class, berichtId));
    }

    public List<UUID> verlopen(Instant nu) {
        return jdbc.queryForList("SELECT DISTINCT bericht_id FROM parkering WHERE verloopt_op < ?", UUID.class, Timestamp.from(nu));
    }
}
