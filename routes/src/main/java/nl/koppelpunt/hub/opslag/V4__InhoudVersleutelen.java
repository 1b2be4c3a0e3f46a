package nl.koppelpunt.hub.opslag;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

import nl.koppelpunt.hub.privacy.Kolom;
import nl.koppelpunt.hub.privacy.Pseudonimiseerder;
import nl.koppelpunt.hub.privacy.Versleutelaar;

/**
 * Flyway V4: payloads at rest encrypted. A Java migration, because the existing rows (a development database that ran
 * V1–V3 holds plaintext) must be encrypted with the configured key, which SQL cannot do. In one transaction:
 * <ol>
 * <li>a new column {@code bericht.inhoud_versleuteld} (NULL once a payload is erased);</li>
 * <li>every payload encrypted into it, in batches, and its plaintext set to NULL in the same update, so the live row
 * no longer points at the old value (a dropped column's data would otherwise stay in the row until it is rewritten);
 * the content hash becomes keyed (see {@link Pseudonimiseerder#vingerafdruk});</li>
 * <li>the plaintext column dropped, and a partial index for the retention purge.</li>
 * </ol>
 * The old row versions remain on disk as dead tuples until PostgreSQL vacuums them: docs/security/versleuteling.md
 * tells the operator to run {@code VACUUM FULL bericht} after upgrading a database that held plaintext.
 * <p>
 * Boot's Flyway set-up picks this bean up as a Java migration; the name gives Flyway its version.
 */
@Component
public class V4__InhoudVersleutelen extends BaseJavaMigration {

    private static final int BATCH = 200;

    private final Versleutelaar versleutelaar;
    private final Pseudonimiseerder pseudonimiseerder;

    public V4__InhoudVersleutelen(Versleutelaar versleutelaar, Pseudonimiseerder pseudonimiseerder) {
        this.versleutelaar = versleutelaar;
        this.pseudonimiseerder = pseudonimiseerder;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("ALTER TABLE bericht ADD COLUMN inhoud_versleuteld bytea");
            ddl.execute("ALTER TABLE bericht ALTER COLUMN inhoud DROP NOT NULL");
        }
        UUID na = batch(connection, null);
        while (na != null) {
            na = batch(connection, na);
        }
        try (Statement ddl = connection.createStatement()) {
            try (ResultSet over = ddl.executeQuery("SELECT count(*) FROM bericht WHERE inhoud IS NOT NULL")) {
                over.next();
                if (over.getLong(1) > 0) {
                    // Dropping the column now would lose these payloads; the transaction rolls back instead.
                    throw new IllegalStateException(over.getLong(1) + " payload(s) were not encrypted; V4 is rolled back");
                }
            }
            ddl.execute("ALTER TABLE bericht DROP COLUMN inhoud");
            ddl.execute("COMMENT ON COLUMN bericht.inhoud_versleuteld IS "
                    + "'AES-256-GCM: version, key id, IV, ciphertext+tag; see docs/security/versleuteling.md. NULL: erased.'");
            ddl.execute("COMMENT ON COLUMN bericht.inhoud_hash IS "
                    + "'HMAC-SHA256 (pseudonym key) of the SHA-256 of the canonical JSON; empty for Koppelpunt''s own notices'");
            // The retention purge looks for delivered or dropped messages that still hold a payload, oldest first.
            ddl.execute("CREATE INDEX bericht_inhoud_bewaard ON bericht (gewijzigd_op) "
                    + "WHERE inhoud_versleuteld IS NOT NULL AND status IN ('bezorgd', 'vervallen')");
        }
    }

    /**
     * Encrypts the next batch after {@code na} (uuid order; null: from the start); returns the last id, or null when
     * there was nothing left.
     */
    private UUID batch(Connection connection, UUID na) throws SQLException {
        UUID laatste = null;
        try (PreparedStatement select = connection.prepareStatement("SELECT id, inhoud, inhoud_hash FROM bericht"
                + (na == null ? "" : " WHERE id > ?") + " ORDER BY id LIMIT " + BATCH);
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE bericht SET inhoud_versleuteld = ?, inhoud = NULL, inhoud_hash = ? WHERE id = ?")) {
            if (na != null) {
                select.setObject(1, na);
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    laatste = rs.getObject("id", UUID.class);
                    byte[] inhoud = rs.getBytes("inhoud");
                    byte[] hash = rs.getBytes("inhoud_hash");
                    update.setBytes(1, inhoud == null ? null : versleutelaar.versleutel(inhoud, Kolom.BERICHT_INHOUD, laatste));
                    update.setBytes(2, hash.length == 0 ? hash : pseudonimiseerder.vingerafdruk(hash));
                    update.setObject(3, laatste);
                    update.addBatch();
                }
            }
            if (laatste != null) {
                update.executeBatch();
            }
        }
        return laatste;
    }
}
