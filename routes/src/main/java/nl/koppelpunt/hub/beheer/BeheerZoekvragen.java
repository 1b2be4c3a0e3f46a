package nl.koppelpunt.hub.beheer;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import nl.koppelpunt.connectors.beheer.Beheer;

/** The administrators' lists of parked and failed messages; every criterion is optional. */
@Repository
public class BeheerZoekvragen {

    private final JdbcTemplate jdbc;

    public BeheerZoekvragen(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Beheer.Parkering> geparkeerd(Beheer.Filter f) {
        return jdbc.query("""
                SELECT p.bericht_id, p.berichttype, b.afzender, p.reden, nullif(p.gemeentecode, ''), p.geparkeerd_op, p.verloopt_op
                FROM parkering p JOIN bericht b ON b.id = p.bericht_id
                WHERE (CAST(? AS text) IS NULL OR p.berichttype = ?) AND (CAST(? AS text) IS NULL OR p.gemeentecode = ?)
                  AND (CAST(? AS text) IS NULL OR p.reden = ?)
                  AND (CAST(? AS timestamptz) IS NULL OR p.geparkeerd_op >= ?) AND (CAST(? AS timestamptz) IS NULL OR p.geparkeerd_op <= ?)
                ORDER BY p.geparkeerd_op LIMIT ?""",
                (rs, i) -> new Beheer.Parkering(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, OffsetDateTime.class), rs.getObject(7, OffsetDateTime.class)),
                f.berichttype(), f.berichttype(), f.gemeentecode(), f.gemeentecode(), f.reden(), f.reden(),
                ts(f.vanaf()), ts(f.vanaf()), ts(f.tot()), ts(f.tot()), f.limit());
    }

    /** Failed deliveries, and messages whose processing itself failed (those have no delivery). */
    public List<Beheer.Mislukt> mislukt(Beheer.Filter f) {
        return jdbc.query("""
                SELECT * FROM (
                  SELECT z.bericht_id, z.id AS bezorging_id, z.berichttype, z.abonnement_id, z.gemeentecode, z.pogingen,
                         coalesce(z.laatste_fout, z.reden, 'onbekend') AS fout, z.gewijzigd_op AS op
                  FROM bezorging z WHERE z.status = 'mislukt'
                    AND (CAST(? AS text) IS NULL OR z.gemeentecode = ?) AND (CAST(? AS text) IS NULL OR z.abonnement_id = ?)
                  UNION ALL
                  SELECT b.id, NULL, b.berichttype, NULL, NULL, 0, 'verwerking mislukt', b.gewijzigd_op
                  FROM bericht b WHERE b.status = 'mislukt' AND CAST(? AS text) IS NULL AND CAST(? AS text) IS NULL
                    AND NOT EXISTS (SELECT 1 FROM bezorging z WHERE z.bericht_id = b.id AND z.status = 'mislukt')
                ) m
                WHERE (CAST(? AS text) IS NULL OR m.berichttype = ?)
                  AND (CAST(? AS timestamptz) IS NULL OR m.op >= ?) AND (CAST(? AS timestamptz) IS NULL OR m.op <= ?)
                ORDER BY m.op LIMIT ?""",
                (rs, i) -> new Beheer.Mislukt(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getInt(6), rs.getString(7), rs.getObject(8, OffsetDateTime.class)),
                f.gemeentecode(), f.gemeentecode(), f.abonnement(), f.abonnement(), f.gemeentecode(), f.abonnement(),
                f.berichttype(), f.berichttype(), ts(f.vanaf()), ts(f.vanaf()), ts(f.tot()), ts(f.tot()), f.limit());
    }

    private static Timestamp ts(OffsetDateTime t) {
        return t == null ? null : Timestamp.from(t.toInstant());
    }
}
