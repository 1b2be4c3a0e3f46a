package nl.koppelpunt.connectors.autorisatie;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * {@code docs/security/autorisatie.md} shows the matrix as the code has it. When the matrix changes, regenerate the
 * table with {@code mvn -pl connectors test -Dtest=AutorisatieDocTest -Dautorisatie.doc.bijwerken=true} and commit.
 */
class AutorisatieDocTest {

    private static final Path DOC = Path.of("../docs/security/autorisatie.md");

    @Test
    void theDocumentedTableIsTheMatrixOfTheCode() throws Exception {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int begin = doc.indexOf(AutorisatieTabel.BEGIN);
        int einde = doc.indexOf(AutorisatieTabel.EINDE);
        assertThat(begin).as("begin marker in " + DOC).isNotNegative();
        assertThat(einde).as("end marker in " + DOC).isGreaterThan(begin);
        String gegenereerd = "\n" + AutorisatieTabel.markdown() + "\n";
        if (Boolean.getBoolean("autorisatie.doc.bijwerken")) {
            doc = doc.substring(0, begin + AutorisatieTabel.BEGIN.length()) + gegenereerd + doc.substring(einde);
            Files.writeString(DOC, doc, StandardCharsets.UTF_8);
            return;
        }
        assertThat(doc.substring(begin + AutorisatieTabel.BEGIN.length(), einde))
                .as("the table in " + DOC + " (regenerate it with -Dautorisatie.doc.bijwerken=true)")
                .isEqualTo(gegenereerd);
    }
}
