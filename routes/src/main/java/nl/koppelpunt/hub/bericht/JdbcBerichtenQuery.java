package nl.koppelpunt.hub.bericht;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import nl.koppelpunt.connectors.bericht.BerichtOverzicht;
import nl.koppelpunt.connectors.bericht.BerichtStatus;
import nl.koppelpunt.connectors.bericht.BerichtenQuery;

/** The read side of the transaction log for the status endpoint: metadata, timeline, deliveries, parkings. */
@Component
public class JdbcBerichtenQuery implements BerichtenQuery {

    private final JdbcTemplate jdbc;

    public JdbcBerichtenQuery(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One read-only transaction, so the four queries share one connection and one consistent view; the parts are read
     * after the message row, never from inside its row mapper (that held a second pooled connection per request).
     */
    @Override
    @Transactional(readOnly = true)
    public Optional<BerichtOverzicht> find(UUID id) {
        record Kop(UUID id, String type, String afzender, String kanaal, String sleutel, BerichtStatus status, OffsetDateTime op) {
        }
        Optional<Kop> kop = jdbc.query("""
                SELECT id, berichttype, afzender, kanaal, idempotentie_sleutel, status, ontvangen_op
                FROM bericht WHERE id = ?""",
                (rs, i) -> new Kop(rs.getObject("id", UUID.class), rs.getString("berichttype"), rs.getString("afzender"),
                        rs.getString("kanaal"), rs.getString("idempotentie_sleutel"), BerichtStatus.fromCode(rs.getString("status")),
                        rs.getObject("ontvangen_op", OffsetDateTime.class)),
                id).stream().findFirst();
        return kop.map(k -> new BerichtOverzicht(k.id(), k.type(), k.afzender(), k.kanaal(), k.sleutel(), k.status(), k.op(),
                gebeurtenissen(id), bezorgingen(id), parkeringen(id)));
    }

    private List<BerichtOverzicht.BezorgingOverzicht> bezorgingen(UUID id) {
        return jdbc.query("""
                SELECT id, abonnement_id, gemeentecode, status, pogingen, laatste_fout, reden, bezorgd_op
                FROM bezorging WHERE bericht_id = ? ORDER BY aangemaakt_op""",
                (rs, i) -> new BerichtOverzicht.BezorgingOverzicht(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getInt(5), rs.getString(6), rs.getString(7),
                        rs.getObject(8, OffsetDateTime.class)),
                id);
    }

    private List<BerichtOverzicht.ParkeringOverzicht> parkeringen(UUID id) {
        return jdbc.query("""
                SELECT reden, nullif(gemeentecode, ''), geparkeerd_op, verloopt_op FROM parkering WHERE bericht_id = ?""",
                (rs, i) -> new BerichtOverzicht.ParkeringOverzicht(rs.getString(1), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class), rs.getObject(4, OffsetDateTime.class)),
                id);
    }

    private List<BerichtOverzicht.Gebeurtenis> gebeurtenissen(UUID id) {
        return jdbc.query("SELECT soort, tijdstip, toelichting FROM bericht_gebeurtenis WHERE bericht_id = ? ORDER BY tijdstip, id",
                (rs, i) -> new BerichtOverzicht.Gebeurtenis(rs.getString("soort"),
                        rs.getObject("tijdstip", OffsetDateTime.class), rs.getString("toelichting")),
                id);
    }
}
