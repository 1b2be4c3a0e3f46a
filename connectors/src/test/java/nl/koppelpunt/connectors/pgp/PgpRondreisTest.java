package nl.koppelpunt.connectors.pgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.junit.jupiter.api.Test;

/** Encrypt-and-sign, then decrypt-and-verify: the content comes back and the signer is known. */
class PgpRondreisTest {

    static final PgpSleutelpaar KOPPELPUNT = PgpSleutelGenerator.genereer("Koppelpunt <koppelpunt@test>", "geheim".toCharArray());
    static final PgpSleutelpaar COA = PgpSleutelGenerator.genereer("COA <coa@test>", null);

    private static final byte[] INHOUD = "{\"id\":\"1\"}\n{\"id\":\"2\"}\n".getBytes(StandardCharsets.UTF_8);

    @Test
    void ondertekendEnVersleuteldKomtTerugMetDeOndertekenaar() throws IOException {
        byte[] pgp = PgpTestBerichten.versleutelEnOnderteken(INHOUD, KOPPELPUNT, COA);

        try (PgpLeesstroom stroom = PgpOntsleuteling.ontsleutelEnVerifieer(new ByteArrayInputStream(pgp), KOPPELPUNT,
                List.of(COA.publiekeSleutelring()))) {
            assertThat(stroom.readAllBytes()).isEqualTo(INHOUD);
            assertThat(stroom.resultaat().ondertekening()).isEqualTo(PgpOndertekening.GELDIG);
            assertThat(stroom.resultaat().ondertekenaarSleutel()).isEqualTo(COA.ondertekenaar().sleutelId());
            assertThat(stroom.resultaat().bestandsnaam()).isEqualTo("batch.ndjson");
        }
    }

    @Test
    void hetResultaatBestaatPasAanHetEind() throws IOException {
        byte[] pgp = PgpTestBerichten.versleutelEnOnderteken(INHOUD, KOPPELPUNT, COA);
        try (PgpLeesstroom stroom = PgpOntsleuteling.ontsleutelEnVerifieer(new ByteArrayInputStream(pgp), KOPPELPUNT,
                List.of(COA.publiekeSleutelring()))) {
            stroom.read(new byte[3]);
            assertThatThrownBy(stroom::resultaat).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void gepantserdBestandWordtHerkend() throws IOException {
        ByteArrayOutputStream uit = new ByteArrayOutputStream();
        try (ArmoredOutputStream armor = new ArmoredOutputStream(uit)) {
            try (OutputStream pgp = PgpVersleuteling.versleutelEnOnderteken(armor, KOPPELPUNT.versleutelSleutel(),
                    COA.ondertekenaar(), "batch.ndjson")) {
                pgp.write(INHOUD);
            }
        }
        assertThat(uit.toString(StandardCharsets.US_ASCII)).startsWith("-----BEGIN PGP MESSAGE-----");

        PgpResultaat resultaat = PgpOntsleuteling.controleer(new ByteArrayInputStream(uit.toByteArray()), KOPPELPUNT,
                List.of(COA.publiekeSleutelring()));
        assertThat(resultaat.geldigOndertekend()).isTrue();
    }

    @Test
    void eenGrootBestandStroomtZonderHetInGeheugenTeHouden() throws IOException {
        // 64 MiB through both directions with a fixed 8 KiB buffer: nothing in the path may collect the content.
        long grootte = 64L << 20;
        PipedPgp pijp = new PipedPgp(grootte);
        try (PgpLeesstroom stroom = PgpOntsleuteling.ontsleutelEnVerifieer(pijp.versleuteld(), KOPPELPUNT,
                List.of(COA.publiekeSleutelring()))) {
            long gelezen = stroom.transferTo(OutputStream.nullOutputStream());
            assertThat(gelezen).isEqualTo(grootte);
            assertThat(stroom.resultaat().geldigOndertekend()).isTrue();
        }
    }

    @Test
    void sleutelsOverlevenPantserEnWachtwoordzin() throws IOException {
        String geheim = PgpSleutels.armored(KOPPELPUNT.geheimeSleutelring());
        assertThat(geheim).startsWith("-----BEGIN PGP PRIVATE KEY BLOCK-----");
        PgpSleutelpaar terug = PgpSleutelpaar.laad(geheim.getBytes(StandardCharsets.US_ASCII), "geheim".toCharArray());
        assertThat(terug.versleutelSleutel().getKeyID()).isEqualTo(KOPPELPUNT.versleutelSleutel().getKeyID());

        assertThatThrownBy(() -> PgpSleutelpaar.laad(geheim.getBytes(StandardCharsets.US_ASCII), "fout".toCharArray()))
                .isInstanceOf(PgpFout.class).hasMessageContaining("wachtwoordzin");
        assertThatThrownBy(() -> PgpSleutels.publiekeSleutelring(geheim))
                .isInstanceOf(PgpFout.class).hasMessageContaining("--export");

        String publiek = KOPPELPUNT.publiekeSleutelArmored();
        assertThat(PgpSleutels.versleutelSleutel(PgpSleutels.publiekeSleutelring(publiek)).getKeyID())
                .isEqualTo(KOPPELPUNT.versleutelSleutel().getKeyID());
    }

    /** Encrypts a generated stream of the given size on a second thread into a pipe. */
    private static final class PipedPgp {
        private final long grootte;

        PipedPgp(long grootte) {
            this.grootte = grootte;
        }

        InputStream versleuteld() throws IOException {
            java.io.PipedInputStream in = new java.io.PipedInputStream(1 << 16);
            java.io.PipedOutputStream uit = new java.io.PipedOutputStream(in);
            Thread schrijver = new Thread(() -> {
                try (uit; OutputStream pgp = PgpVersleuteling.versleutelEnOnderteken(uit, KOPPELPUNT.versleutelSleutel(),
                        COA.ondertekenaar(), "groot.ndjson")) {
                    byte[] blok = new byte[8192];
                    for (int i = 0; i < blok.length; i++) {
                        blok[i] = (byte) ('a' + i % 26);
                    }
                    for (long geschreven = 0; geschreven < grootte; geschreven += blok.length) {
                        pgp.write(blok);
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, "pgp-schrijver");
            schrijver.start();
            return in;
        }
    }
}
