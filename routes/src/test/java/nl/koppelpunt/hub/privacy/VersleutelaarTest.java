package nl.koppelpunt.hub.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The at-rest format: AES-256-GCM bound to its row and column, key id in the value, and the key configuration. */
class VersleutelaarTest {

    private static final byte[] K1 = sleutel();
    private static final byte[] K2 = sleutel();
    private static final byte[] INHOUD = "{\"burgerservicenummer\":\"123456782\",\"naam\":\"Zeldzaam\"}".getBytes(StandardCharsets.UTF_8);
    private static final UUID RIJ = UUID.randomUUID();
    private static final String SYSTEM_ENVIRONMENT = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;

    private final Versleutelaar k1 = new Versleutelaar(Map.of("k1", K1), "k1");

    @Test
    void aValueIsVersionKeyIdIvCiphertextAndTagAndDecryptsInItsOwnRow() {
        byte[] waarde = k1.versleutel(INHOUD, Kolom.BERICHT_INHOUD, RIJ);

        assertThat(waarde[0]).isEqualTo(Versleutelaar.VERSIE);
        assertThat(waarde[1]).isEqualTo((byte) 2);
        assertThat(new String(waarde, 2, 2, StandardCharsets.US_ASCII)).isEqualTo("k1");
        assertThat(waarde).hasSize(2 + 2 + 12 + INHOUD.length + 16);
        assertThat(Versleutelaar.sleutelId(waarde)).isEqualTo("k1");
        assertThat(new String(waarde, StandardCharsets.ISO_8859_1)).doesNotContain("123456782").doesNotContain("Zeldzaam");
        assertThat(k1.ontsleutel(waarde, Kolom.BERICHT_INHOUD, RIJ)).isEqualTo(INHOUD);
    }

    @Test
    void theSameContentTwiceGivesDifferentValues() {
        byte[] een = k1.versleutel(INHOUD, Kolom.BERICHT_INHOUD, RIJ);
        byte[] twee = k1.versleutel(INHOUD, Kolom.BERICHT_INHOUD, RIJ);
        assertThat(een).isNotEqualTo(twee);
        assertThat(java.util.Arrays.copyOfRange(een, 4, 16)).as("IV").isNotEqualTo(java.util.Arrays.copyOfRange(twee, 4, 16));
    }

    @Test
    void aValueMovedToAnotherRowOrColumnOrAlteredIsRefused() {
        byte[] waarde = k1.versleutel(INHOUD, Kolom.BERICHT_INHOUD, RIJ);

        assertThatThrownBy(() -> k1.ontsleutel(waarde, Kolom.BERICHT_INHOUD, UUID.randomUUID()))
                .hasMessageContaining("does not authenticate");
        assertThatThrownBy(() -> k1.ontsleutel(waarde, new Kolom("bericht", "andere_kolom"), RIJ))
                .hasMessageContaining("does not authenticate");
        byte[] gewijzigd = waarde.clone();
        gewijzigd[gewijzigd.length - 20] ^= 1;
        assertThatThrownBy(() -> k1.ontsleutel(gewijzigd, Kolom.BERICHT_INHOUD, RIJ)).hasMessageContaining("does not authenticate");
    }

    @Test
    void theKeyIdInTheHeaderIsAuthenticatedToo() {
        // Two ids for the same key bytes: relabelling a value's key id must still fail (the header is associated data).
        Versleutelaar dubbel = new Versleutelaar(Map.of("k1", K1, "k9", K1), "k1");
        byte[] waarde = dubbel.versleutel(INHOUD, Kolom.BERICHT_INHOUD, RIJ);
        waarde[3] = '9';
        assertThat(Versleutelaar.sleutelId(waarde)).isEqualTo("k9");
        assertThatThrownBy(() -> dubbel.ontsleutel(waarde, Kolom.BERICHT_INHOUD, RIJ)).hasMessageContaining("does not authenticate");
    }

    @Test
    void readsUseTheKeyInTheValueAndWritesTheActiveKey() {
        byte[] oud = k1.versleutel(INHOUD, Kolom.BERICHT_INHOUD, RIJ);
        Versleutelaar beide = new Versleutelaar(sleutels("k1", K1, "k2", K2), "k2");

        assertThat(beide.ontsleutel(oud, Kolom.BERICHT_INHOUD, RIJ)).isEqualTo(INHOUD);
        byte[] nieuw = beide.herversleutel(oud, Kolom.BERICHT_INHOUD, RIJ);
        assertThat(Versleutelaar.sleutelId(nieuw)).isEqualTo("k2");
        assertThat(nieuw).startsWith(beide.actieveKop());
        assertThat(new Versleutelaar(Map.of("k2", K2), "k2").ontsleutel(nieuw, Kolom.BERICHT_INHOUD, RIJ)).isEqualTo(INHOUD);
        assertThatThrownBy(() -> new Versleutelaar(Map.of("k2", K2), "k2").ontsleutel(oud, Kolom.BERICHT_INHOUD, RIJ))
                .hasMessageContaining("key 'k1', which is not configured")
                .hasMessageNotContaining("123456782");
    }

    @Test
    void startingWithoutKeysIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> VersleutelingConfiguratie.versleutelaar(Map.of(), null))
                .isInstanceOf(SleutelConfiguratieFout.class)
                .hasMessageContaining("no key configured (koppelpunt.versleuteling.sleutels is empty)");
        SleutelConfiguratieFout fout = new SleutelConfiguratieFout("no key configured");
        FailureAnalysis analyse = new SleutelConfiguratieAnalyse().analyze(new IllegalStateException(fout));
        assertThat(analyse.getDescription()).contains("no key configured");
        assertThat(analyse.getAction()).contains("koppelpunt.versleuteling.sleutels.<id>", "actieve-sleutel", "openssl rand -base64 32");
    }

    @Test
    void badKeyConfigurationsAreRefusedNamingTheSetting() {
        String goed = Base64.getEncoder().encodeToString(K1);
        assertThatThrownBy(() -> VersleutelingConfiguratie.versleutelaar(Map.of("k1", Base64.getEncoder().encodeToString(new byte[16])), "k1"))
                .isInstanceOf(SleutelConfiguratieFout.class).hasMessageContaining("exactly 32");
        assertThatThrownBy(() -> VersleutelingConfiguratie.versleutelaar(Map.of("k1", "geen base64!"), "k1"))
                .isInstanceOf(SleutelConfiguratieFout.class).hasMessageContaining("koppelpunt.versleuteling.sleutels.k1 is not valid base64");
        assertThatThrownBy(() -> VersleutelingConfiguratie.versleutelaar(Map.of("k1", goed, "k2", goed), null))
                .isInstanceOf(SleutelConfiguratieFout.class).hasMessageContaining("no koppelpunt.versleuteling.actieve-sleutel");
        assertThatThrownBy(() -> VersleutelingConfiguratie.versleutelaar(Map.of("k1", goed), "k3"))
                .isInstanceOf(SleutelConfiguratieFout.class).hasMessageContaining("active key 'k3' is not among");
        assertThatThrownBy(() -> VersleutelingConfiguratie.versleutelaar(Map.of("K_1", goed), "K_1"))
                .isInstanceOf(SleutelConfiguratieFout.class).hasMessageContaining("key id 'K_1' is not allowed");
        assertThat(VersleutelingConfiguratie.versleutelaar(Map.of("k1", goed), null).actieveSleutel())
                .as("one key is the active key by default").isEqualTo("k1");
    }

    @Test
    void keysComeFromEnvironmentVariables() {
        StandardEnvironment env = new StandardEnvironment();
        // Named like the real one: Boot maps names of a source with this name the environment-variable way.
        env.getPropertySources().replace(SYSTEM_ENVIRONMENT, new SystemEnvironmentPropertySource(SYSTEM_ENVIRONMENT, Map.of(
                "KOPPELPUNT_VERSLEUTELING_SLEUTELS_K2025A", Base64.getEncoder().encodeToString(K1),
                "KOPPELPUNT_VERSLEUTELING_SLEUTELS_K2025B", Base64.getEncoder().encodeToString(K2),
                "KOPPELPUNT_VERSLEUTELING_ACTIEVESLEUTEL", "k2025b")));

        Versleutelaar uitOmgeving = new VersleutelingConfiguratie().versleutelaar(env);

        assertThat(uitOmgeving.sleutelIds()).containsExactlyInAnyOrder("k2025a", "k2025b");
        assertThat(uitOmgeving.actieveSleutel()).isEqualTo("k2025b");
        byte[] waarde = new Versleutelaar(Map.of("k2025a", K1), "k2025a").versleutel(INHOUD, Kolom.BERICHT_INHOUD, RIJ);
        assertThat(uitOmgeving.ontsleutel(waarde, Kolom.BERICHT_INHOUD, RIJ)).isEqualTo(INHOUD);
    }

    private static Map<String, byte[]> sleutels(String id1, byte[] k1, String id2, byte[] k2) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put(id1, k1);
        m.put(id2, k2);
        return m;
    }

    private static byte[] sleutel() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
