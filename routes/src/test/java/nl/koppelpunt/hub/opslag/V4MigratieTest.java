package nl.koppelpunt.hub.opslag;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.koppelpunt.hub.privacy.Kolom;
import nl.koppelpunt.hub.privacy.Pseudonimiseerder;
import nl.koppelpunt.hub.privacy.Versleutelaar;
import nl.koppelpunt.hub.support.PlatteTekst;

/**
 * Flyway V4 on a database that ran V1–V3 and holds plaintext, as every existing development database does: afterwards
 * every payload is encrypted in its row, the plaintext column is gone, and no test BSN or payload text is found in any
 * text or binary column of any table.
 */
class V4MigratieTest {

    private static final String[] BSNS = {"123456782", "111222333", "999996708"};
    private static final String KENMERK = "Zeldzaam-kenmerk-" + UUID.randomUUID();

    @TempDir
    static Path dir;
    static EmbeddedPostgres postgres;
    static JdbcTemplate jdbc;

    private final Versleutelaar versleutelaar = new Versleutelaar(Map.of("m1", sleutel()), "m1");
    private final Pseudonimiseerder pseudonimiseerder = new Pseudonimiseerder(Base64.getEncoder().encodeToString(sleutel()));

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg")).setCleanDataDirectory(true).start();
        jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void existingPlaintextPayloadsAreEncryptedInTheirRowsAndNothingPlainRemains() throws Exception {
        Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration").target("3").load().migrate();
        UUID profiel = bericht("klantprofiel", "coa",
                "{\"persoonsgegevens\":{\"burgerservicenummer\":\"" + BSNS[0] + "\",\"naam\":\"" + KENMERK + "\"}}");
        UUID toestemming = bericht("toestemming", "coa", "{\"burgerservicenummer\":\"" + BSNS[1] + "\",\"status\":\"gegeven\"}");
        UUID intrekking = bericht("intrekking", "koppelpunt", "{\"burgerservicenummer\":\"" + BSNS[2] + "\"}");
        // More rows than one batch of the migration, each with a BSN in its payload.
        jdbc.update("""
                INSERT INTO bericht (id, berichttype, afzender, kanaal, idempotentie_sleutel, inhoud_hash, inhoud,
                                     onderwerp_pseudoniem, status, ontvangen_op, gewijzigd_op)
                SELECT gen_random_uuid(), 'screening', 'coa', 'rest', 'k-' || i, sha256(convert_to(i::text, 'UTF8')),
                       convert_to('{"burgerservicenummer":"123456782","volgnummer":' || i || '}', 'UTF8'), 'p', 'bezorgd', now(), now()
                FROM generate_series(1, 450) i""");
        jdbc.update("INSERT INTO bericht_gebeurtenis (bericht_id, soort, tijdstip) VALUES (?, 'ontvangen', now())", profiel);
        jdbc.update("INSERT INTO toestemming VALUES ('p', 'GM0344', 'overdracht-klantprofiel', true, current_date, null, ?, now())", toestemming);
        Map<UUID, byte[]> voor = inhoud("inhoud");
        byte[] hashVoor = jdbc.queryForObject("SELECT inhoud_hash FROM bericht WHERE id = ?", byte[].class, profiel);
        assertThat(PlatteTekst.inDatabase(jdbc, zoek())).as("the scan finds plaintext where there is some")
                .anyMatch(t -> t.startsWith("bericht.inhoud contains " + BSNS[0]))
                .anyMatch(t -> t.startsWith("bericht.inhoud contains " + KENMERK));

        Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration").target("4")
                .javaMigrations(new V4__InhoudVersleutelen(versleutelaar, pseudonimiseerder)).load().migrate();

        assertThat(jdbc.queryForObject("SELECT max(version::int) FROM flyway_schema_history WHERE success", Integer.class)).isEqualTo(4);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM information_schema.columns WHERE table_name = 'bericht' AND column_name = 'inhoud'",
                Integer.class)).as("the plaintext column is dropped").isZero();
        assertThat(PlatteTekst.kolommen(jdbc)).isGreaterThan(10);
        assertThat(PlatteTekst.inDatabase(jdbc, zoek())).isEmpty();

        Map<UUID, byte[]> na = inhoud("inhoud_versleuteld");
        assertThat(na).hasSize(453).containsOnlyKeys(voor.keySet());
        voor.forEach((id, platte) -> {
            assertThat(Versleutelaar.sleutelId(na.get(id))).isEqualTo("m1");
            assertThat(versleutelaar.ontsleutel(na.get(id), Kolom.BERICHT_INHOUD, id)).as("row %s", id).isEqualTo(platte);
        });
        assertThat(jdbc.queryForObject("SELECT inhoud_hash FROM bericht WHERE id = ?", byte[].class, profiel))
                .as("the content hash is keyed").isEqualTo(pseudonimiseerder.vingerafdruk(hashVoor));
        assertThat(jdbc.queryForObject("SELECT inhoud_hash FROM bericht WHERE id = ?", byte[].class, intrekking))
                .as("a notice has no content hash").isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_indexes WHERE indexname = 'bericht_inhoud_bewaard'", Integer.class)).isOne();
    }

    private UUID bericht(String type, String afzender, String json) throws Exception {
        UUID id = UUID.randomUUID();
        byte[] inhoud = json.getBytes(StandardCharsets.UTF_8);
        byte[] hash = "koppelpunt".equals(afzender) ? new byte[0] : MessageDigest.getInstance("SHA-256").digest(inhoud);
        jdbc.update("""
                INSERT INTO bericht (id, berichttype, afzender, kanaal, idempotentie_sleutel, inhoud_hash, inhoud,
                                     onderwerp_pseudoniem, status, ontvangen_op, gewijzigd_op)
                VALUES (?, ?, ?, 'rest', ?, ?, ?, 'p', 'ontvangen', now(), now())""", id, type, afzender, id.toString(), hash, inhoud);
        return id;
    }

    private static Map<UUID, byte[]> inhoud(String kolom) {
        Map<UUID, byte[]> rijen = new java.util.HashMap<>();
        jdbc.query("SELECT id, " + kolom + " FROM bericht", rs -> {
            rijen.put(rs.getObject(1, UUID.class), rs.getBytes(2));
        });
        return rijen;
    }

    private static List<String> zoek() {
        return List.of(BSNS[0], BSNS[1], BSNS[2], KENMERK);
    }

    private static byte[] sleutel() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
