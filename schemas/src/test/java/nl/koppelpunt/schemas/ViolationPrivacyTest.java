package nl.koppelpunt.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A reason goes back to the sender and into logs; it must never carry the offending value. */
class ViolationPrivacyTest {

    private final ContractValidator validator = ContractCatalog.v1().validator();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void reportsABadBsnWithoutTheBsn() throws Exception {
        JsonNode message = json.readTree(
                "{\"profielversie\":1,\"persoonsgegevens\":{\"burgerservicenummer\":\"123456789\"}}");
        List<Violation> violations = validator.validate(Berichttype.KLANTPROFIEL, message);
        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.pointer()).isEqualTo("/persoonsgegevens/burgerservicenummer");
            assertThat(v.reason()).contains("11-proef").doesNotContain("123456789");
        });
    }

    @Test
    void noReasonOfAnyInvalidExampleQuotesItsValue() {
        ContractCatalog catalog = ContractCatalog.v1();
        for (Berichttype type : Berichttype.values()) {
            for (String name : catalog.exampleNames(type, false)) {
                JsonNode message = catalog.example(type, false, name).get("bericht");
                for (Violation v : validator.validate(type, message)) {
                    JsonNode value = message.at(JsonPointer.compile(v.pointer()));
                    if (value.isValueNode() && value.asText().length() >= 3) {
                        assertThat(v.reason()).as(name).doesNotContain(value.asText());
                    }
                }
            }
        }
    }
}
