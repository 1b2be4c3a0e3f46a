package nl.koppelpunt.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.JsonPointer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BerichttypeTest {

    @ParameterizedTest
    @EnumSource(Berichttype.class)
    void codesRoundTrip(Berichttype type) {
        assertThat(Berichttype.fromCode(type.code())).contains(type);
    }

    @Test
    void unknownCodesAreEmpty() {
        assertThat(Berichttype.fromCode("KLANTPROFIEL")).isEmpty();
        assertThat(Berichttype.fromCode("duo-kwartaalrapportage")).isEmpty();
        assertThat(Berichttype.fromCode(null)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Berichttype.class)
    void subjectPointerFindsTheBsnInEveryValidExample(Berichttype type) {
        if (!type.persoonsgebonden()) {
            assertThat(type.subjectPointer()).isNull();
            assertThat(ContractCatalog.v1().schemaText(type)).doesNotContain("burgerservicenummer");
            return;
        }
        ContractCatalog catalog = ContractCatalog.v1();
        for (String name : catalog.exampleNames(type, true)) {
            JsonNode bsn = catalog.example(type, true, name).at(JsonPointer.compile(type.subjectPointer()));
            assertThat(Bsn.isValid(bsn.asText())).as(name).isTrue();
        }
    }

    @Test
    void onlyPartnerMessagesAreInkomend() {
        assertThat(Berichttype.inkomende()).containsExactly(
                Berichttype.KLANTPROFIEL, Berichttype.SCREENING, Berichttype.KOPPELING, Berichttype.TOESTEMMING,
                Berichttype.DUO_INBURGERINGSSTATUS);
        assertThat(Berichttype.INTREKKING.inkomend()).isFalse();
        assertThat(Berichttype.ONTKOPPELING.inkomend()).isFalse();
        assertThat(Berichttype.INBURGERINGSRESULTATEN_GEMEENTE.inkomend()).isFalse();
        assertThat(Berichttype.INBURGERINGSRESULTATEN_GEMEENTE.persoonsgebonden()).isFalse();
        assertThat(Berichttype.KLANTPROFIEL.persoonsgebonden()).isTrue();
        assertThat(Berichttype.fromCode("intrekking")).contains(Berichttype.INTREKKING);
        assertThat(Berichttype.fromCode("ontkoppeling")).contains(Berichttype.ONTKOPPELING);
        assertThat(Berichttype.ONTKOPPELING.subjectPointer()).isEqualTo("/burgerservicenummer");
    }

    @Test
    void theOntkoppelingNoticeNeverNamesTheNewGemeente() throws Exception {
        JsonNode schema = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(ContractCatalog.v1().schemaText(Berichttype.ONTKOPPELING));
        assertThat(schema.path("additionalProperties").asBoolean(true)).isFalse();
        assertThat(schema.path("properties").has("nieuweGemeentecode")).isFalse();
    }
}
