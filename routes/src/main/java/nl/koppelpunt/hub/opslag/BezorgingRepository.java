package nl.koppelpunt.hub.opslag;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import nl.koppelpunt.connectors.partner.Abonnement;
import nl.koppelpunt.hub.regels.BerichtRef;
import nl.koppelpunt.hub.regels.Bezorging;
import nl.koppelpunt.schemas.Berichttype;

/** Deliveries per message and subscription, with their attempts; also the outbox the delivery queues are fed from. */
@Repository
public class BezorgingRepository {

    private static final TimeBasedEpochGenerator IDS = Generators.timeBasedEpochGenerator();
    private static final String KOLOMMEN =
            "id, bericht_id, abonnement_id, gemeentecode, berichttype, onderwerp_pseudoniem, profielversie, status";

    private final JdbcTemplate jdbc;

    public BezorgingRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Bezorging> van(UUID id) {
        return jdbc.query("SELECT " + KOLOMMEN + " FROM bezorging WHERE id = ?", BezorgingRepository::map, id).stream().findFirst();
    }

    /** New, or a dropped or failed one planned again under its original id (the receiver's de-duplication key). */
    public Optional<Bezorging> plan(BerichtRef b, Abonnement a, String gemeentecode) {
        Timestamp nu = Timestamp.from(Instant.now());
        return jdbc.query("""
                INSERT INTO bezorging (id, bericht_id, abonnement_id, gemeentecode, berichttype, onderwerp_pseudoniem,
                                       profielversie, status, aangemaakt_op, gewijzigd_op)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'gepland', ?, ?)
                ON CONFLICT (bericht_id, abonnement_id, gemeentecode) DO UPDATE SET status = 'gepland', reden = NULL, pogingen = 0,
                    laatste_fout = NULL, in_wachtrij_op = NULL, gewijzigd_op = EXCLUDED.gewijzigd_op
                    WHERE bezorging.status IN ('vervallen', 'mislukt')
                RETURNING""" + " " + KOLOMMEN,
                BezorgingRepository::map, IDS.generate(), b.id(), a.id(), gemeentecode, b.type().code(),
                b.onderwerpPseudoniem(), b.profielversie(), nu, nu).stream().findFirst();
    }

    public void vervallen(BerichtRef b, Abonnement a, String gemeentecode, String reden) {
        Timestamp nu = Timestamp.from(Instant.now());
        jdbc.update("""
                INSERT INTO bezorging (id, bericht_id, abonnement_id, gemeentecode, berichttype, onderwerp_pseudoniem,
                                       profielversie, status, reden, aangemaakt_op, gewijzigd_op)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'vervallen', ?, ?, ?) ON CONFLICT (bericht_id, abonnement_id, gemeentecode) DO NOTHING""",
                IDS.generate(), b.id(), a.id(), gemeentecode, b.type().code(), b.onderwerpPseudoniem(),
                b.profielversie(), reden, nu, nu);
    }

    /**
     * Only a planned delivery can be dropped: the rules read it as planned, but the receiver's 2xx may have been
     * recorded since (a concurrent transaction). Without the condition the drop would overwrite "bezorgd" (lost update),
     * and a message the gemeente has would show as never delivered.
     */
    public void status(UUID id, Bezorging.Status status, String reden) {
        Timestamp nu = Timestamp.from(Instant.now());
        jdbc.update("""
                UPDATE bezorging SET status = ?, reden = ?, gewijzigd_op = ?,
                    bezorgd_op = CASE WHEN ? = 'bezorgd' THEN ? ELSE bezorgd_op END,
                    laatste_fout = CASE WHEN ? = 'mislukt' THEN ? ELSE laatste_fout END
                WHERE id = ? AND (? <> 'vervallen' OR status = 'gepland')""",
                status.code(), reden, nu, status.code(), nu, status.code(), reden, id, status.code());
    }

    /** Counts an attempt as it starts. */
    public void poging(UUID id) {
        jdbc.update("UPDATE bezorging SET pogingen = pogingen + 1 WHERE id = ?", id);
    }

    /** Records why the last attempt failed. */
    public void fout(UUID id, String fout) {
        jdbc.update("UPDATE bezorging SET laatste_fout = ? WHERE id = ?", fout, id);
    }

    public List<Bezorging> gepland(String pseudoniem, String gemeentecode) {
        return jdbc.query("SELECT " + KOLOMMEN + " FROM bezorging WHERE onderwerp_pseudoniem = ? AND gemeentecode = ? AND status = 'gepland'",
                BezorgingRepository::map, pseudoniem, gemeentecode);
    }

    /** Every delivery still planned for one person, oldest first (what a redelivered message queues again). */
    public List<Bezorging> geplandVoor(String pseudoniem) {
        return jdbc.query("SELECT " + KOLOMMEN + " FROM bezorging WHERE onderwerp_pseudoniem = ? AND status = 'gepland'"
                + " ORDER BY aangemaakt_op", BezorgingRepository::map, pseudoniem);
    }

    /**
     * Marks deliveries queued inside the caller's transaction, for deliveries that the same JMS transaction sends
     * (processing): if that transaction rolls back, the broker redelivers the message and its redelivery sends them
     * again, so the mark needs no separate commit.
     */
    public void markeerInWachtrijBinnenTransactie(List<UUID> ids, Instant op) {
        if (!ids.isEmpty()) {
            jdbc.update("UPDATE bezorging SET in_wachtrij_op = ? WHERE id = ANY (?) AND in_wachtrij_op IS NULL",
                    ps -> {
                        ps.setTimestamp(1, Timestamp.from(op));
                        ps.setArray(2, ps.getConnection().createArrayOf("uuid", ids.toArray()));
                    });
        }
    }

    public List<Bezorging> vanBericht(UUID berichtId) {
        return jdbc.query("SELECT " + KOLOMMEN + " FROM bezorging WHERE bericht_id = ? ORDER BY aangemaakt_op",
                BezorgingRepository::map, berichtId);
    }

    public int hoogsteVersie(String pseudoniem, String abonnementId, String gemeentecode, boolean inclusiefGepland) {
        Integer versie = jdbc.queryForObject("""
                SELECT max(profielversie) FROM bezorging WHERE onderwerp_pseudoniem = ? AND abonnement_id = ?
                AND gemeentecode = ? AND berichttype = 'klantprofiel' AND (status = 'bezorgd' OR (? AND status = 'gepland'))""",
                Integer.class, pseudoniem, abonnementId, gemeentecode, inclusiefGepland);
        return versie == null ? 0 : versie;
    }

    public boolean ooitBezorgd(String pseudoniem, String gemeentecode) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                SELECT EXISTS (SELECT 1 FROM bezorging WHERE onderwerp_pseudoniem = ? AND gemeentecode = ? AND status = 'bezorgd')""",
                Boolean.class, pseudoniem, gemeentecode));
    }

    /** Bookkeeping only: committed without waiting for the disk, see {@link AsynchroneCommit}. */
    @Transactional
    public void markeerInWachtrij(UUID id, Instant op) {
        AsynchroneCommit.voorDezeTransactie(jdbc);
        jdbc.update("UPDATE bezorging SET in_wachtrij_op = ? WHERE id = ? AND in_wachtrij_op IS NULL", Timestamp.from(op), id);
    }

    /** Planned deliveries whose queueing never happened (the process stopped after the commit). */
    public List<Bezorging> nietInWachtrij(Instant ouderDan, int max) {
        return jdbc.query("SELECT " + KOLOMMEN + " FROM bezorging WHERE in_wachtrij_op IS NULL AND status = 'gepland'"
                        + " AND aangemaakt_op < ? ORDER BY aangemaakt_op LIMIT ?",
                BezorgingRepository::map, Timestamp.from(ouderDan), max);
    }

    private static Bezorging map(ResultSet rs, int row) throws SQLException {
        return new Bezorging(rs.getObject("id", UUID.class), rs.getObject("bericht_id", UUID.class),
                rs.getString("abonnement_id"), rs.getString("gemeentecode"),
                Berichttype.fromCode(rs.getString("berichttype")).orElseThrow(), rs.getString("onderwerp_pseudoniem"),
                (Integer) rs.getObject("profielversie"), Bezorging.Status.fromCode(rs.getString("status")));
    }
}
