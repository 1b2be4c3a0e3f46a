package nl.koppelpunt.hub.privacy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Key rotation's background half: values written with an older key are decrypted and written again with the active
 * key, a batch per transaction. Each update only applies if the value is still the one read, so a concurrent erasure
 * or another instance doing the same wins. The job walks each column in id order and remembers where it stopped, so a
 * run continues where the previous one ended; after a restart it starts from the beginning, skipping in SQL what
 * already uses the active key.
 */
@Component
public class Herversleuteling {

    private static final Logger LOG = LoggerFactory.getLogger(Herversleuteling.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactie;
    private final Versleutelaar versleutelaar;
    private final SleutelGebruik gebruik;
    private final int batch;
    private final int maxBatches;
    /** Per column: the last id done in the current pass; absent at the start of a pass. */
    private final Map<Kolom, Object> cursor = new HashMap<>();

    public Herversleuteling(JdbcTemplate jdbc, TransactionTemplate transactie, Versleutelaar versleutelaar, SleutelGebruik gebruik,
                            @Value("${koppelpunt.versleuteling.herversleutelen.batch:200}") int batch,
                            @Value("${koppelpunt.versleuteling.herversleutelen.max-batches:50}") int maxBatches) {
        this.jdbc = jdbc;
        this.transactie = transactie;
        this.versleutelaar = versleutelaar;
        this.gebruik = gebruik;
        this.batch = batch;
        this.maxBatches = maxBatches;
    }

    /** One run: at most max-batches batches, then the key counts are refreshed. Returns the values re-encrypted. */
    public synchronized int voerUit() {
        int herschreven = 0;
        for (Kolom kolom : SleutelGebruik.KOLOMMEN) {
            for (int i = 0; i < maxBatches; i++) {
                Integer aantal = transactie.execute(status -> batch(kolom));
                herschreven += aantal == null ? 0 : aantal;
                if (!cursor.containsKey(kolom)) {
                    break; // this pass reached the end of the column
                }
            }
        }
        if (herschreven > 0) {
            LOG.info("Re-encrypted {} stored value(s) with the active key '{}'", herschreven, versleutelaar.actieveSleutel());
        }
        gebruik.tel();
        return herschreven;
    }

    private int batch(Kolom kolom) {
        byte[] actief = versleutelaar.actieveKop();
        Object na = cursor.get(kolom);
        record Rij(Object id, byte[] waarde) {
        }
        List<Rij> rijen = jdbc.query("SELECT id, " + kolom.naam() + " FROM " + kolom.tabel()
                        + " WHERE " + kolom.naam() + " IS NOT NULL AND substring(" + kolom.naam() + " FROM 1 FOR ?) <> ?"
                        + (na == null ? "" : " AND id > ?") + " ORDER BY id LIMIT ?",
                (rs, n) -> new Rij(rs.getObject(1), rs.getBytes(2)),
                na == null ? new Object[] {actief.length, actief, batch} : new Object[] {actief.length, actief, na, batch});
        int herschreven = 0;
        for (Rij rij : rijen) {
            byte[] nieuw;
            try {
                nieuw = versleutelaar.herversleutel(rij.waarde(), kolom, rij.id());
            } catch (IllegalStateException onleesbaar) {
                // Altered or moved (the tag fails) or its key is gone: leave it, so it stays counted under its old key
                // for the operator to investigate, and go on with the rest. The message names no content.
                LOG.error("Cannot re-encrypt {} of row {}: {}", kolom, rij.id(), onleesbaar.getMessage());
                continue;
            }
            herschreven += jdbc.update("UPDATE " + kolom.tabel() + " SET " + kolom.naam() + " = ? WHERE id = ? AND "
                    + kolom.naam() + " = ?", nieuw, rij.id(), rij.waarde());
        }
        if (rijen.size() < batch) {
            cursor.remove(kolom);
        } else {
            cursor.put(kolom, rijen.get(rijen.size() - 1).id());
        }
        return herschreven;
    }
}
