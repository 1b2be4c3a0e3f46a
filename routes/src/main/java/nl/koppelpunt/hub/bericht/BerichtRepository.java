package nl.koppelpunt.hub.bericht;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import nl.koppelpunt.connectors.bericht.BerichtOverzicht;
import nl.koppelpunt.connectors.bericht.BerichtStatus;
import nl.koppelpunt.connectors.intake.IntakeException;
import nl.koppelpunt.connectors.intake.Probleem;

/** The transaction log in PostgreSQL: messages, keyed by sender and idempotency key, and their events. */
@Repository
public class BerichtRepository {

    private final JdbcTemplate jdbc;

    public BerichtRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores a message once per (sender, idempotency key). A concurrent or later repeat waits on the unique index and
     * then sees the first one; the same content is a repeat, other content is a conflict.
     */
    @Transactional
    public Opslagresultaat opslaan(NieuwBericht b) {
        Timestamp nu = Timestamp.from(Instant.now());
        int inserted = jdbc.update("""
                INSERT INTO bericht (id, berichttype, afzender, kanaal, idempotentie_sleutel, inhoud_hash, inhoud,
                                     onderwerp_pseudoniem, status, ontvangen_op, gewijzigd_op)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'ontvangen', ?, ?)
                ON CONFLICT (afzender, idempotentie_sleutel) DO NOTHING""",
                b.id(), b.berichttype(), b.afzender(), b.kanaal(), b.idempotencyKey(), b.inhoudHash(), b.inhoud(),
                b.onderwerpPseudoniem(), nu, nu);
        if (inserted == 1) {
            gebeurtenis(b.id(), "ontvangen", "via " + b.kanaal(), nu);
            return new Opslagresultaat(b.id(), b.berichttype(), b.onderwerpPseudoniem(), BerichtStatus.ONTVANGEN, false, true);
        }
        return jdbc.queryForObject("""
                SELECT id, berichttype, onderwerp_pseudoniem, status, inhoud_hash, in_wachtrij_op IS NULL AS niet_in_wachtrij
                FROM bericht WHERE afzender = ? AND idempotentie_sleutel = ?""",
                (rs, i) -> {
                    if (!Arrays.equals(rs.getBytes("inhoud_hash"), b.inhoudHash())) {
                        throw new IntakeException(Probleem.IDEMPOTENTIE_CONFLICT,
                                "Deze Idempotency-Key is eerder gebruikt voor een bericht met een andere inhoud.");
                    }
                    return new Opslagresultaat(rs.getObject("id", UUID.class), rs.getString("berichttype"),
                            rs.getString("onderwerp_pseudoniem"), BerichtStatus.fromCode(rs.getString("status")), true,
                            rs.getBoolean("niet_in_wachtrij"));
                },
                b.afzender(), b.idempotencyKey());
    }

    /** Records that the message is persistently queued; idempotent, so a repeat or the recovery sweep may call it too. */
    @Transactional
    public void markeerInWachtrij(UUID id, Instant verstuurdOp) {
        Timestamp op = Timestamp.from(verstuurdOp);
        if (jdbc.update("UPDATE bericht SET in_wachtrij_op = ? WHERE id = ? AND in_wachtrij_op IS NULL", op, id) == 1) {
            gebeurtenis(id, "in-wachtrij", null, op);
        }
    }

    /** Messages committed but never queued (the process stopped between the two), oldest first. */
    public List<Opslagresultaat> nietInWachtrij(Instant ouderDan, int max) {
        return jdbc.query("""
                SELECT id, berichttype, onderwerp_pseudoniem, status FROM bericht
                WHERE in_wachtrij_op IS NULL AND ontvangen_op < ? ORDER BY ontvangen_op LIMIT ?""",
                (rs, i) -> new Opslagresultaat(rs.getObject("id", UUID.class), rs.getString("berichttype"),
                        rs.getString("onderwerp_pseudoniem"), BerichtStatus.fromCode(rs.getString("status")), false, true),
                Timestamp.from(ouderDan), max);
    }

    public void gebeurtenis(UUID berichtId, String soort, String toelichting) {
        gebeurtenis(berichtId, soort, toelichting, Timestamp.from(Instant.now()));
    }

    private void gebeurtenis(UUID berichtId, String soort, String toelichting, Timestamp tijdstip) {
        jdbc.update("INSERT INTO bericht_gebeurtenis (bericht_id, soort, tijdstip, toelichting) VALUES (?, ?, ?, ?)",
                berichtId, soort, tijdstip, toelichting);
    }

    public Optional<BerichtOverzicht> overzicht(UUID id) {
        List<BerichtOverzicht> found = jdbc.query("""
                SELECT id, berichttype, afzender, kanaal, idempotentie_sleutel, status, ontvangen_op
                FROM bericht WHERE id = ?""",
                (rs, i) -> new BerichtOverzicht(rs.getObject("id", UUID.class), rs.getString("berichttype"),
                        rs.getString("afzender"), rs.getString("kanaal"), rs.getString("idempotentie_sleutel"),
                        BerichtStatus.fromCode(rs.getString("status")),
                        rs.getObject("ontvangen_op", java.time.OffsetDateTime.class), gebeurtenissen(id)),
                id);
        return found.stream().findFirst();
    }

    private List<BerichtOverzicht.Gebeurtenis> gebeurtenissen(UUID id) {
        return jdbc.query("SELECT soort, tijdstip, toelichting FROM bericht_gebeurtenis WHERE bericht_id = ? ORDER BY tijdstip, id",
                (rs, i) -> new BerichtOverzicht.Gebeurtenis(rs.getString("soort"),
                        rs.getObject("tijdstip", java.time.OffsetDateTime.class), rs.getString("toelichting")),
                id);
    }
}
