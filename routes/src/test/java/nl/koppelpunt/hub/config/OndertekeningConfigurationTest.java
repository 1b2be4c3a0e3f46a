package nl.koppelpunt.hub.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.koppelpunt.connectors.ondertekening.Ondertekeningssleutels;
import nl.koppelpunt.connectors.ondertekening.PubliekeSleutel;
import nl.koppelpunt.connectors.pki.DevelopmentSigningKey;

/** Without a signing key there is no start (production); the development key is made once and then kept. */
class OndertekeningConfigurationTest {

    @TempDir
    Path map;

    @Test
    void withoutAKeyTheStartFailsAndSaysWhichSettingIsMissing() {
        assertThatThrownBy(() -> new OndertekeningConfiguration().ondertekeningssleutels(new OndertekeningInstellingen(null, null, null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("koppelpunt.ondertekening.sleutel is not set");
    }

    @Test
    void theDevelopmentKeyIsMadeOnceAndSurvivesARestart() throws Exception {
        Path bestand = map.resolve("sleutels/ondertekening.key");
        DevelopmentSigningKey.ensure(bestand);
        String eerste = Files.readString(bestand);
        DevelopmentSigningKey.ensure(bestand);
        assertThat(Files.readString(bestand)).isEqualTo(eerste);

        Ondertekeningssleutels sleutels = new OndertekeningConfiguration().ondertekeningssleutels(
                new OndertekeningInstellingen(bestand.toUri().toString(), "", List.of()));
        assertThat(sleutels.gepubliceerd()).extracting(PubliekeSleutel::sleutelId).hasSize(1).allMatch(kid -> kid.length() == 43);
    }
}
