package nl.koppelpunt.hub.logboek;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import nl.koppelpunt.connectors.logboek.Verwerkingslogboek.Verwerking;
import nl.koppelpunt.schemas.Berichttype;

/**
 * Writes the processing log: one row per data subject per processing, always in the caller's transaction so a
 * processing and its record commit or roll back together. The subject, type and trace come from the message row in
 * the same statement (no extra round trip); every record is a span of its own in the message's trace, a child of the
 * span in which the message came in.
 */
@Repository
public class Verwerkingslog {

    /** Timeline events that are not a processing of personal data of their own (queue bookkeeping). */
    private static final Set<String> TECHNISCH = Set.of("in-wachtrij");

    /**
     * The codes of the types about no person, as an SQL list of literals (enum constants, so safe to inline); the
     * empty code keeps the list valid SQL should there be none.
     */
    private static final String ZONDER_PERSOON = java.util.stream.Stream.concat(java.util.stream.Stream.of(""),
                    java.util.Arrays.stream(Berichttype.values()).filter(t -> !t.persoonsgebonden()).map(Berichttype::code))
            .map(code -> "'" + code + "'").collect(java.util.stream.Collectors.joining(", "));

    private final JdbcTemplate jdbc;
    private final Activiteiten activiteiten;

    public Verwerkingslog(JdbcTemplate jdbc, Activiteiten activiteiten) {
        this.jdbc = jdbc;
        this.activiteiten = activiteiten;
    }

    /** The processing-activity ids per message type ({@code koppelpunt.verwerkingslog.activiteiten}). */
    @org.springframework.stereotype.Component
    @ConfigurationProperties("koppelpunt.verwerkingslog")
    public static class Activiteiten {
        private Map<String, String> activiteiten = Map.of();

        public Map<String, String> getActiviteiten() {
            return activiteiten;
        }

        public void setActiviteiten(Map<String, String> activiteiten) {
            this.activiteiten = activiteiten;
        }
    }

    @EventListener(ContextRefreshedEvent.class)
    public void activiteitenVastleggen() {
        activiteiten.getActiviteiten().forEach((type, id) -> jdbc.update("""
                INSERT INTO verwerkingsactiviteit (berichttype, activiteit_id) VALUES (?, ?)
                ON CONFLICT (berichttype) DO UPDATE SET activiteit_id = EXCLUDED.activiteit_id""", type, id));
    }

    /** A processing of the message's subject; returns the span id it was recorded under. */
    public String vastleggen(UUID berichtId, String handeling, String partner, String toelichting) {
        if (TECHNISCH.contains(handeling)) {
            return null;
        }
        return vastleggen(berichtId, handeling, partner, toelichting, Traceparent.nieuweSpanId());
    }

    /**
     * As above, under a span id chosen by the caller (e.g. the one sent along with a delivery). A message about no
     * person (DUO's figures for a gemeente) is no processing of personal data: nothing is recorded for it.
     */
    public String vastleggen(UUID berichtId, String handeling, String partner, String toelichting, String spanId) {
        jdbc.update("""
                INSERT INTO verwerkingslog (tijdstip, handeling, verwerkingsactiviteit, betrokkene, bericht_id, berichttype,
                                            partner, status, trace_id, span_id, parent_span_id, toelichting)
                SELECT ?, ?, a.activiteit_id, b.onderwerp_pseudoniem, b.id, b.berichttype, coalesce(?, b.afzender), 'ok',
                       coalesce(b.trace_id, replace(b.id::text, '-', '')), ?, b.span_id, ?
                FROM bericht b LEFT JOIN verwerkingsactiviteit a ON a.berichttype = b.berichttype
                WHERE b.id = ? AND b.berichttype NOT IN (""" + ZONDER_PERSOON + ")",
                Timestamp.from(Instant.now()), handeling, partner, spanId, toelichting, berichtId);
        return spanId;
    }

    /** A processing that concerns a person rather than one message (e.g. an auditor's search). */
    public void vastleggenVoorBetrokkene(String pseudoniem, String handeling, String partner, String toelichting) {
        Traceparent span = Traceparent.nieuw();
        jdbc.update("""
                INSERT INTO verwerkingslog (tijdstip, handeling, betrokkene, partner, status, trace_id, span_id, toelichting)
                VALUES (?, ?, ?, ?, 'ok', ?, ?, ?)""",
                Timestamp.from(Instant.now()), handeling, pseudoniem, partner, span.traceId(), span.spanId(), toelichting);
    }

    public void ingezien(Collection<UUID> berichtIds, String door) {
        berichtIds.stream().distinct().forEach(id -> vastleggen(id, "ingezien-door-beheer", door, null));
    }

    public List<Verwerking> van(String pseudoniem) {
        return jdbc.query("""
                SELECT tijdstip, handeling, verwerkingsactiviteit, betrokkene, bericht_id, berichttype, partner, status,
                       trace_id, span_id, parent_span_id, toelichting
                FROM verwerkingslog WHERE betrokkene = ? ORDER BY tijdstip, id""",
                (rs, i) -> new Verwerking(rs.getTimestamp("tijdstip").toInstant().atOffset(ZoneOffset.UTC),
                        rs.getString("handeling"), rs.getString("verwerkingsactiviteit"), rs.getString("betrokkene"),
                        rs.getObject("bericht_id", UUID.class), rs.getString("berichttype"), rs.getString("partner"),
                        rs.getString("status"), rs.getString("trace_id"), rs.getString("span_id"),
                        rs.getString("parent_span_id"), rs.getString("toelichting")),
                pseudoniem);
    }
}
