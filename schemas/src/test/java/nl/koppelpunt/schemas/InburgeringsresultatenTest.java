package nl.koppelpunt.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

/** DUO's quarterly file in both forms: the CSV layout, the schema, and the rules beyond it, each naming where. */
class InburgeringsresultatenTest {

    private static final Set<String> AANGESLOTEN = Set.of("GM0363", "GM0344");
    private static final String KOP = String.join(",", KwartaalCsv.KOLOMMEN);

    @Test
    void aValidCsvBecomesTheJsonFormThatKeepsTheContract() {
        KwartaalCsv.Resultaat r = KwartaalCsv.lees("2017-Q1", "\uFEFF" + KOP + "\r\nGM0363,2015,100,60,10,30,5,\r\nGM0344,2016,20,5,0,15,,12\r\n");
        assertThat(r.fouten()).isEmpty();
        JsonNode rij = r.bestand().path("rijen").get(0);
        assertThat(rij.path("voldaan").asInt()).isEqualTo(60);
        assertThat(rij.has("leningToegekend")).isFalse();
        assertThat(r.bestand().path("rijen").get(1).path("leningToegekend").asInt()).isEqualTo(12);
        assertThat(Inburgeringsresultaten.controleer(r.bestand(), AANGESLOTEN::contains)).isEmpty();
    }

    @Test
    void aBadHeaderIsRefusedAtItsColumn() {
        KwartaalCsv.Resultaat r = KwartaalCsv.lees("2017-Q1", "gemeentecode,cohort,inburgeringsplichtigen\nGM0363,2015,1\n");
        assertThat(r.bestand()).isNull();
        assertThat(r.fouten()).singleElement().satisfies(v -> {
            assertThat(v.pointer()).isEqualTo("/regel/1/kolom/2");
            assertThat(v.reason()).startsWith("line 1, column 2 (cohortjaar)");
        });
    }

    @Test
    void aBadNumberNamesLineAndColumn() {
        KwartaalCsv.Resultaat r = KwartaalCsv.lees("2017-Q1", KOP + "\nGM0363,2015,100,60,10,30,,\nGM0344,2016,20,vijf,0,15,,\n");
        assertThat(r.bestand()).isNull();
        assertThat(r.fouten()).extracting(Violation::pointer).containsExactly("/regel/3/kolom/4");
        assertThat(r.fouten().get(0).reason()).contains("(voldaan)").doesNotContain("vijf");
    }

    @Test
    void missingCellsAndQuotesAreLayoutErrors() {
        KwartaalCsv.Resultaat r = KwartaalCsv.lees("2017-Q1", KOP + "\nGM0363,2015,100\n\"GM0344\",2016,20,5,0,15,,\n");
        assertThat(r.fouten()).extracting(Violation::pointer).containsExactly("/regel/2/kolom/4", "/regel/3/kolom/1");
    }

    @Test
    void countsThatDoNotAddUpAndUnknownGemeentenAreNamedByLineAndColumn() {
        KwartaalCsv.Resultaat r = KwartaalCsv.lees("2017-Q1", KOP + "\nGM0363,2015,100,60,10,31,,\nGM0999,2016,20,5,0,15,16,\nGM0363,2015,1,1,0,0,,\n");
        List<Violation> fouten = Inburgeringsresultaten.controleer(r.bestand(), AANGESLOTEN::contains).stream()
                .map(KwartaalCsv::opRegelEnKolom).toList();
        assertThat(fouten).extracting(Violation::pointer).containsExactlyInAnyOrder(
                "/regel/2/kolom/3", "/regel/3/kolom/1", "/regel/3/kolom/7", "/regel/4/kolom/2");
        assertThat(fouten).anySatisfy(v -> assertThat(v.reason()).startsWith("line 2, column 3 (inburgeringsplichtigen): counts do not add up"));
    }

    @Test
    void theJsonFormIsCheckedAgainstTheSchemaWithPointers() throws Exception {
        JsonNode bestand = new com.fasterxml.jackson.databind.ObjectMapper().readTree("""
                {"kwartaal": "2017-Q5", "rijen": [{"gemeentecode": "GM363", "cohortjaar": 2015, "inburgeringsplichtigen": -1,
                 "voldaan": 0, "ontheven": 0, "nogInburgeringsplichtig": 0, "extra": 1}]}""");
        assertThat(Inburgeringsresultaten.controleer(bestand, AANGESLOTEN::contains)).extracting(Violation::pointer)
                .contains("/kwartaal", "/rijen/0/gemeentecode", "/rijen/0/inburgeringsplichtigen", "/rijen/0/extra");
    }
}
