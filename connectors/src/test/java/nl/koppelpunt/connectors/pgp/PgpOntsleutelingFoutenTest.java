package nl.koppelpunt.connectors.pgp;

import static nl.koppelpunt.connectors.pgp.PgpRondreisTest.COA;
import static nl.koppelpunt.connectors.pgp.PgpRondreisTest.KOPPELPUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What decrypt-and-verify refuses, and what it reports for the caller's policy to decide. */
class PgpOntsleutelingFoutenTest {

    private static final PgpSleutelpaar ANDER = PgpSleutelGenerator.genereer("Iemand anders <ander@test>", null);
    private static final byte[] INHOUD = "{\"id\":\"1\"}\n".repeat(2000).getBytes(StandardCharsets.UTF_8);

    private static PgpResultaat controleer(byte[] pgp) throws PgpFout {
        return PgpOntsleuteling.controleer(new ByteArrayInputStream(pgp), KOPPELPUNT, List.of(COA.publiekeSleutelring()));
    }

    @ParameterizedTest
    @ValueSource(ints = {150, 250, -30, -1})
    void eenGewijzigdeVersleuteldeByteWordtGeweigerd(int positie) throws IOException {
        byte[] pgp = PgpTestBerichten.versleutelEnOnderteken(INHOUD, KOPPELPUNT, COA);
        byte[] gewijzigd = Arrays.copyOf(pgp, pgp.length);
        int index = positie >= 0 ? positie : pgp.length + positie;
        gewijzigd[index] ^= 0x01;

        assertThatThrownBy(() -> controleer(gewijzigd)).isInstanceOf(PgpFout.class);
    }

    @Test
    void eenAfgebrokenBestandWordtGeweigerd() throws IOException {
        byte[] pgp = PgpTestBerichten.versleutelEnOnderteken(INHOUD, KOPPELPUNT, COA);
        assertThatThrownBy(() -> controleer(Arrays.copyOf(pgp, pgp.length - 40))).isInstanceOf(PgpFout.class);
    }

    @Test
    void eenHandtekeningOverAndereInhoudWordtGeweigerd() throws Exception {
        byte[] pgp = PgpTestBerichten.metVerkeerdeHandtekening("{\"id\":\"1\"}\n", "{\"id\":\"2\"}\n", KOPPELPUNT, COA);

        assertThatThrownBy(() -> controleer(pgp)).isInstanceOf(PgpFout.class)
                .hasMessageContaining("handtekening klopt niet");
    }

    @Test
    void versleuteldNaarEenAndereSleutelWordtGeweigerdMetDieSleutel() throws IOException {
        byte[] pgp = PgpTestBerichten.versleutelEnOnderteken(INHOUD, ANDER, COA);

        assertThatThrownBy(() -> controleer(pgp)).isInstanceOf(PgpFout.class)
                .hasMessageContaining("niet versleuteld naar de sleutel van Koppelpunt")
                .hasMessageContaining(PgpResultaat.sleutelHex(ANDER.versleutelSleutel().getKeyID()));
    }

    @Test
    void eenOnbekendeOndertekenaarWordtGemeldNietGeweigerd() throws IOException {
        byte[] pgp = PgpTestBerichten.versleutelEnOnderteken(INHOUD, KOPPELPUNT, ANDER);

        PgpResultaat resultaat = controleer(pgp);

        assertThat(resultaat.ondertekening()).isEqualTo(PgpOndertekening.ONBEKENDE_ONDERTEKENAAR);
        assertThat(resultaat.ondertekenaarSleutel()).isEqualTo(ANDER.ondertekenaar().sleutelId());
    }

    @Test
    void nietOndertekendWordtGemeld() throws IOException {
        PgpResultaat resultaat = controleer(PgpTestBerichten.versleutel(INHOUD, KOPPELPUNT));

        assertThat(resultaat.ondertekening()).isEqualTo(PgpOndertekening.NIET_ONDERTEKEND);
        assertThat(resultaat.ondertekenaarSleutel()).isZero();
    }

    @Test
    void platteTekstIsGeenPgpBericht() {
        assertThatThrownBy(() -> controleer(INHOUD)).isInstanceOf(PgpFout.class);
    }
}
