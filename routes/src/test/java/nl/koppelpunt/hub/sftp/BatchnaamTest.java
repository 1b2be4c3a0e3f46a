package nl.koppelpunt.hub.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import nl.koppelpunt.schemas.Berichttype;

/** The file-name rule: type, own name, format, and an optional PGP ending. */
class BatchnaamTest {

    @Test
    void formaatEnVersleutelingKomenUitDeNaam() {
        assertThat(Batchnaam.lees("screening.ochtend.ndjson")).hasValue(
                new Batchnaam(Berichttype.SCREENING, "screening.ochtend.ndjson", Batchnaam.Formaat.NDJSON, false));
        assertThat(Batchnaam.lees("klantprofiel.week.48.xml.pgp")).hasValueSatisfying(n -> {
            assertThat(n.type()).isEqualTo(Berichttype.KLANTPROFIEL);
            assertThat(n.formaat()).isEqualTo(Batchnaam.Formaat.XML);
            assertThat(n.versleuteld()).isTrue();
        });
        assertThat(Batchnaam.lees("screening.a.ndjson.asc").orElseThrow().versleuteld()).isTrue();
        assertThat(Batchnaam.lees("screening.a.ndjson.gpg").orElseThrow().formaat()).isEqualTo(Batchnaam.Formaat.NDJSON);
    }

    @ParameterizedTest
    @ValueSource(strings = {"screening.ndjson", "onbekend.a.ndjson", "screening.a..b.xml", "screening.a.xml.zip",
            "screening.a.pgp", "screening.-a.ndjson", "screening.a b.ndjson", "screening.a.ndjson.pgp.pgp"})
    void andereNamenWordenGeweigerd(String naam) {
        assertThat(Batchnaam.lees(naam)).isEmpty();
    }

    @Test
    void hetOphaalpatroonNeemtOokNamenDieGeweigerdWorden() {
        // Picked up and answered with a .fouten.json, rather than left lying in the inbox.
        assertThat(Batchnaam.KANDIDAAT.matcher("screening.naam met\nregel.ndjson.pgp").matches()).isTrue();
        assertThat(Batchnaam.KANDIDAAT.matcher("screening.a.ndjson.part").matches()).isFalse();
        assertThat(Batchnaam.KANDIDAAT.matcher("inburgeringsresultaten.2026-3.csv").matches()).isFalse();
    }
}
