package nl.koppelpunt.hub.privacy;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * The keys for data at rest, from configuration or the environment: {@code koppelpunt.versleuteling.sleutels} (key id
 * → base64 of 32 bytes) and {@code koppelpunt.versleuteling.actieve-sleutel} (the id new values are written with; may
 * be left out when there is one key). In development mode a key is generated in the data directory
 * ({@link nl.koppelpunt.hub.config.DevelopmentSecrets}); elsewhere a start without keys is refused.
 */
@Configuration(proxyBeanMethods = false)
public class VersleutelingConfiguratie {

    public static final String SLEUTELS = "koppelpunt.versleuteling.sleutels";
    public static final String ACTIEVE_SLEUTEL = "koppelpunt.versleuteling.actieve-sleutel";

    @Bean
    Versleutelaar versleutelaar(Environment env) {
        // The Binder, for relaxed names from the environment: KOPPELPUNT_VERSLEUTELING_SLEUTELS_<ID>, ..._ACTIEVESLEUTEL.
        Binder binder = Binder.get(env);
        return versleutelaar(binder.bind(SLEUTELS, Bindable.mapOf(String.class, String.class)).orElse(Map.of()),
                binder.bind(ACTIEVE_SLEUTEL, String.class).orElse(null));
    }

    /** Decodes and checks the configured keys; every mistake is a {@link SleutelConfiguratieFout} naming the setting. */
    public static Versleutelaar versleutelaar(Map<String, String> base64, String actief) {
        if (base64.isEmpty()) {
            throw new SleutelConfiguratieFout("no key configured (" + SLEUTELS + " is empty). Without a key no message can "
                    + "be stored, and a generated one would make stored data unreadable after a restart.");
        }
        Map<String, byte[]> sleutels = new LinkedHashMap<>();
        new TreeMap<>(base64).forEach((id, waarde) -> {
            try {
                sleutels.put(id, Base64.getDecoder().decode(waarde == null ? "" : waarde.trim()));
            } catch (IllegalArgumentException e) {
                throw new SleutelConfiguratieFout(SLEUTELS + "." + id + " is not valid base64");
            }
        });
        if (!StringUtils.hasText(actief)) {
            if (sleutels.size() > 1) {
                throw new SleutelConfiguratieFout(sleutels.size() + " keys configured " + sleutels.keySet() + " but no "
                        + ACTIEVE_SLEUTEL + " to say which one new values are written with");
            }
            actief = sleutels.keySet().iterator().next();
        }
        return new Versleutelaar(sleutels, actief.trim());
    }
}
