package nl.koppelpunt.hub.regio;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the sectors of each person's latest screening for the regional figures. Called while a message is processed
 * (in the rules' transaction, so a replay writes the same row again); anything but a screening is ignored. An older
 * screening processed late does not overwrite a newer one's sectors (the intake's sequence number decides).
 */
@Component
public class ScreeningSectoren {

    /** The contract's sector list ({@code common.schema.json#/$defs/sector}), in its order. */
    public static final List<String> SECTOREN = List.of("techniek", "bouw", "horeca", "ambachten", "zorg", "onderwijs",
            "detailhandel", "vervoer", "ict", "overig");

    private final JdbcTemplate jdbc;

    public ScreeningSectoren(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void legVast(UUID berichtId, JsonNode inhoud) {
        List<String> sectoren = new ArrayList<>();
        // Validated against the contract at intake, so these are codes of the list; the filter is a second fence
        // that keeps anything else (free text, personal data) out of this table.
        inhoud.path("sectoren").forEach(s -> {
            if (SECTOREN.contains(s.asText())) {
                sectoren.add(s.asText());
            }
        });
        jdbc.update("""
                INSERT INTO screening_sectoren (onderwerp_pseudoniem, bericht_id, volgnummer, sectoren)
                SELECT onderwerp_pseudoniem, id, volgnummer, ? FROM bericht WHERE id = ? AND berichttype = 'screening'
                ON CONFLICT (onderwerp_pseudoniem) DO UPDATE SET bericht_id = EXCLUDED.bericht_id,
                    volgnummer = EXCLUDED.volgnummer, sectoren = EXCLUDED.sectoren
                WHERE screening_sectoren.volgnummer <= EXCLUDED.volgnummer""", String.join(",", sectoren), berichtId);
    }
}
