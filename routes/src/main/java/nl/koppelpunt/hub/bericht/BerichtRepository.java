package nl.koppelpunt.hub.bericht;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import nl.koppelpunt.connectors.bericht.BerichtStatus;
import nl.koppelpunt.connectors.intake.IntakeException;
import nl.koppelpunt.connectors.intake.Probleem;
import nl.koppelpunt.hub.logboek.Traceparent;
import nl.koppelpunt.hub.logboek.Verwerkingslog;
import nl.koppelpunt.hub.opslag.AsynchroneCommit;
import nl.koppelpunt.hub.privacy.Kolom;
import nl.koppelpunt.hub.privacy.Versleutelaar;
import nl.koppelpunt.hub.regels.BerichtRef;
import nl.koppelpunt.schemas.Berichttype;

/**
 * The transaction log in PostgreSQL: messages, keyed by sender and idempotency key, and their events. Payloads are
 * stored encrypted (AES-GCM, bound to their row) and decrypted only when asked for with {@link #inhoud(UUID)}.
 */
@Repository
public class BerichtRepository {

    /** The sender of Koppelpunt's own notices in the transaction log. */
    public static final String AFZENDER_KOPPELPUNT = "koppelpunt";

    private final JdbcTemplate jdbc;
    private final Versleutelaar versleutelaar;
    private final Verwerkingslog verwerkingslog;

    public BerichtRepository(JdbcTemplate jdbc, Versleutelaar versleutelaar, Verwerkingslog verwerkingslog) {
        this.jdbc = jdbc;
        this.versleutelaar = versleutelaar;
        this.verwerkingslog = verwerkingslog;
    }

    /**
     * Stores a message once per (sender, idempotency key). A concurrent or later repeat waits on the unique index and
     * then sees the first one; the same content is a repeat, other content is a conflict.
     */
    @Transactional
    public Opslagresultaat opslaan(NieuwBericht b) {
        Timestamp nu = Timestamp.from(Instant.now());
        int inserted = jdbc.update("""
                INSERT INTO bericht (id, berichttype, afzender, kanaal, idempotentie_sleutel, inhoud_hash, inhoud_versleuteld,
                                     onderwerp_pseudoniem, profielversie, status, ontvangen_op, gewijzigd_op, trace_id, span_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'ontvangen', ?, ?, ?, ?)
                ON CONFLICT (afzender, idempotentie_sleutel) DO NOTHING""",
                b.id(), b.berichttype(), b.afzender(), b.kanaal(), b.idempotencyKey(), b.inhoudHash(),
                versleutelaar.versleutel(b.inhoud(), Kolom.BERICHT_INHOUD, b.id()), b.onderwerpPseudoniem(), b.profielversie(),
                nu, nu, b.traceId(), b.spanId());
        if (inserted == 1) {
            // Validation happened before the row existed; it is a processing of the subject all the same.
            verwerkingslog.vastleggen(b.id(), "gevalideerd", null, "contract v1");
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

    /** A notice of Koppelpunt itself; it needs no intake queue, so it counts as queued from the start. */
    public BerichtRef kennisgeving(UUID id, Berichttype type, String pseudoniem, byte[] inhoud) {
        Timestamp nu = Timestamp.from(Instant.now());
        jdbc.update("""
                INSERT INTO bericht (id, berichttype, afzender, kanaal, idempotentie_sleutel, inhoud_hash, inhoud_versleuteld,
                                     onderwerp_pseudoniem, status, ontvangen_op, in_wachtrij_op, gewijzigd_op)
                VALUES (?, ?, ?, 'intern', ?, ?, ?, ?, 'ontvangen', ?, ?, ?)""",
                id, type.code(), AFZENDER_KOPPELPUNT, id.toString(), new byte[0],
                versleutelaar.versleutel(inhoud, Kolom.BERICHT_INHOUD, id), pseudoniem, nu, nu, nu);
        gebeurtenis(id, "aangemaakt", "kennisgeving van Koppelpunt", nu);
        return ref(id).orElseThrow();
    }

    public Optional<BerichtRef> ref(UUID id) {
        return jdbc.query("SELECT id, berichttype, onderwerp_pseudoniem, profielversie, volgnummer FROM bericht WHERE id = ?",
                BerichtRepository::ref, id).stream().findFirst();
    }

    /** A person's messages of one type, in arrival order. */
    public List<BerichtRef> van(String pseudoniem, Berichttype type) {
        return jdbc.query("""
                SELECT id, berichttype, onderwerp_pseudoniem, profielversie, volgnummer FROM bericht
                WHERE onderwerp_pseudoniem = ? AND berichttype = ? AND NOT opgeruimd ORDER BY volgnummer""",
                BerichtRepository::ref, pseudoniem, type.code());
    }

    public void ruimOp(UUID id) {
        jdbc.update("UPDATE bericht SET opgeruimd = true WHERE id = ?", id);
    }

    public BerichtStatus status(UUID id) {
        return BerichtStatus.fromCode(jdbc.queryForObject("SELECT status FROM bericht WHERE id = ?", String.class, id));
    }

    public void vergrendel(UUID id) {
        jdbc.query("SELECT id FROM bericht WHERE id = ? FOR UPDATE", rs -> { }, id);
    }

    /**
     * The payload, decrypted: only for the steps that need the content (the rules, a delivery).
     *
     * @throws InhoudVerwijderdException when it was erased (withdrawal) or its retention has passed
     */
    public byte[] inhoud(UUID id) {
        byte[] versleuteld = jdbc.queryForObject("SELECT inhoud_versleuteld FROM bericht WHERE id = ?", byte[].class, id);
        if (versleuteld == null) {
            throw new InhoudVerwijderdException(id);
        }
        return versleutelaar.ontsleutel(versleuteld, Kolom.BERICHT_INHOUD, id);
    }

    /** Sets the status; a change is also written to the timeline, with its explanation. */
    public void status(UUID id, BerichtStatus status, String toelichting) {
        Timestamp nu = Timestamp.from(Instant.now());
        if (jdbc.update("UPDATE bericht SET status = ?, gewijzigd_op = ? WHERE id = ? AND status <> ?",
                status.code(), nu, id, status.code()) == 1) {
            gebeurtenis(id, status.code(), toelichting, nu);
        }
    }

    private static BerichtRef ref(ResultSet rs, int row) throws SQLException {
        return new BerichtRef(rs.getObject("id", UUID.class), Berichttype.fromCode(rs.getString("berichttype")).orElseThrow(),
                rs.getString("onderwerp_pseudoniem"), (Integer) rs.getObject("profielversie"), rs.getLong("volgnummer"));
    }

    /**
     * Records that the message is persistently queued; idempotent, so a repeat or the recovery sweep may call it too.
     * Committed without waiting for the disk ({@link AsynchroneCommit}): the message itself is durable already, and a
     * mark lost in a crash only makes the sweep queue it once more, which the idempotent consumer absorbs. This takes
     * the second WAL flush off the path to the 202.
     */
    @Transactional
    public void markeerInWachtrij(UUID id, Instant verstuurdOp) {
        AsynchroneCommit.voorDezeTransactie(jdbc);
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

    /** A timeline event; every one that concerns the subject is also a record in the processing log. */
    private void gebeurtenis(UUID berichtId, String soort, String toelichting, Timestamp tijdstip) {
        jdbc.update("INSERT INTO bericht_gebeurtenis (bericht_id, soort, tijdstip, toelichting) VALUES (?, ?, ?, ?)",
                berichtId, soort, tijdstip, toelichting);
        verwerkingslog.vastleggen(berichtId, soort, null, toelichting);
    }

    /** The trace the message came in with (W3C trace context), for what is done with it later. */
    public Optional<Traceparent> trace(UUID id) {
        return jdbc.query("SELECT trace_id, span_id FROM bericht WHERE id = ?",
                (rs, i) -> rs.getString("trace_id") == null ? null
                        : new Traceparent(rs.getString("trace_id"), rs.getString("span_id"), "01"), id)
                .stream().filter(java.util.Objects::nonNull).findFirst();
    }

}
