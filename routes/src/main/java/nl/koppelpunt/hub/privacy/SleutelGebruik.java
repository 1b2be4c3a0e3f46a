package nl.koppelpunt.hub.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How many stored values each key encrypts: the number an operator checks before removing an old key. Published as
 * the gauge {@code koppelpunt_versleuteling_waarden{sleutel="..."}} (refreshed at start-up and by every run of the
 * re-encryption job), and checked at start-up: a value whose key is not configured would be unreadable, so the
 * gateway refuses to start and names the key instead.
 */
@Component
public class SleutelGebruik implements InitializingBean {

    /** Every column that holds values of {@link Versleutelaar}. */
    public static final List<Kolom> KOLOMMEN = List.of(Kolom.BERICHT_INHOUD);

    private final JdbcTemplate jdbc;
    private final Versleutelaar versleutelaar;
    private final MultiGauge gauge;

    public SleutelGebruik(JdbcTemplate jdbc, Versleutelaar versleutelaar, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.versleutelaar = versleutelaar;
        this.gauge = MultiGauge.builder("koppelpunt.versleuteling.waarden")
                .description("Stored values encrypted with each key (an old key may be removed at 0)")
                .register(registry);
    }

    @Override
    public void afterPropertiesSet() {
        Map<String, Long> telling = tel();
        for (Map.Entry<String, Long> gebruik : telling.entrySet()) {
            if (!versleutelaar.sleutelIds().contains(gebruik.getKey())) {
                throw new SleutelConfiguratieFout(gebruik.getValue() + " stored value(s) are encrypted with key '" + gebruik.getKey()
                        + "', which is not configured (" + VersleutelingConfiguratie.SLEUTELS + "." + gebruik.getKey()
                        + "). Configure it again; remove a key only after the re-encryption job has brought "
                        + "koppelpunt_versleuteling_waarden{sleutel=\"" + gebruik.getKey() + "\"} to 0.");
            }
        }
    }

    /** Counts the values per key id (a full scan of the encrypted columns' first bytes) and publishes the counts. */
    public Map<String, Long> tel() {
        Map<String, Long> telling = new TreeMap<>();
        versleutelaar.sleutelIds().forEach(id -> telling.put(id, 0L));
        for (Kolom kolom : KOLOMMEN) {
            // Byte 1 is the key id's length, the id follows: see Versleutelaar for the format.
            jdbc.query("SELECT convert_from(substring(" + kolom.naam() + " FROM 3 FOR get_byte(" + kolom.naam() + ", 1)), 'UTF8'), "
                            + "count(*) FROM " + kolom.tabel() + " WHERE " + kolom.naam() + " IS NOT NULL GROUP BY 1",
                    rs -> {
                        telling.merge(rs.getString(1), rs.getLong(2), Long::sum);
                    });
        }
        List<MultiGauge.Row<?>> rijen = new ArrayList<>();
        telling.forEach((id, aantal) -> rijen.add(MultiGauge.Row.of(Tags.of("sleutel", id), aantal)));
        gauge.register(rijen, true);
        return telling;
    }
}
