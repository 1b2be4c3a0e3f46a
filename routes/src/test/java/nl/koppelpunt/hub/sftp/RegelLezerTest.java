package nl.koppelpunt.hub.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class RegelLezerTest {

    /** An endless NDJSON source that makes each line only when asked and counts what was taken from it. */
    static final class EindelozeBron extends InputStream {
        private final byte[] regel = "{\"id\": \"x\", \"bericht\": {\"a\": 1}}\n".getBytes(StandardCharsets.UTF_8);
        long gelezen;

        @Override
        public int read() {
            return regel[(int) (gelezen++ % regel.length)];
        }
    }

    @Test
    void leestEenRegelTegelijkUitEenBronVanTienduizendenRegels() throws Exception {
        EindelozeBron bron = new EindelozeBron();
        RegelLezer lezer = new RegelLezer(bron, 1024);
        for (int i = 0; i < 10_000; i++) {
            assertThat(lezer.volgende()).hasSize(bron.regel.length - 1);
            // Never more taken from the source than the lines handed out: nothing is read ahead or collected.
            assertThat(bron.gelezen).isEqualTo((long) (i + 1) * bron.regel.length);
        }
    }

    @Test
    void eenTeLangeRegelWordtOvergeslagenZonderHemTeBewaren() throws Exception {
        String tekst = "a".repeat(5000) + "\nkort\r\n\nlaatste";
        RegelLezer lezer = new RegelLezer(new ByteArrayInputStream(tekst.getBytes(StandardCharsets.UTF_8)), 100);
        assertThat(lezer.volgende()).isSameAs(RegelLezer.TE_LANG);
        assertThat(new String(lezer.volgende(), StandardCharsets.UTF_8)).isEqualTo("kort");
        assertThat(lezer.volgende()).isEmpty();
        assertThat(new String(lezer.volgende(), StandardCharsets.UTF_8)).isEqualTo("laatste");
        assertThat(lezer.volgende()).isNull();
    }

    @Test
    void bestandsnamenVolgenDeRegel() {
        assertThat(Batchnaam.lees("klantprofiel.2026-11-29_ochtend.ndjson")).isPresent();
        assertThat(Batchnaam.lees("duo-inburgeringsstatus.kwartaal.ndjson")).map(Batchnaam::type)
                .contains(nl.koppelpunt.schemas.Berichttype.DUO_INBURGERINGSSTATUS);
        assertThat(Batchnaam.lees("onbekend.x.ndjson")).isEmpty();
        assertThat(Batchnaam.lees("screening..x.ndjson")).isEmpty();
        assertThat(Batchnaam.lees("screening.a b.ndjson")).isEmpty();
        assertThat(Batchnaam.lees("screening.x.ndjson.part")).isEmpty();
        assertThat(Batchnaam.veilig("screening.a b;c/../d.ndjson")).matches("[A-Za-z0-9._-]+").doesNotContain("..");
        assertThat(Batchnaam.veilig(".verborgen.ndjson")).startsWith("_");
    }
}
