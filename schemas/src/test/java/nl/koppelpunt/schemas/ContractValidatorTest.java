package nl.koppelpunt.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ContractValidatorTest {

    private final ContractCatalog catalog = ContractCatalog.v1();
    private final ContractValidator validator = catalog.validator();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void missingRequiredPropertiesPointAtThemselves() throws Exception {
        List<Violation> violations = validator.validate(Berichttype.TOESTEMMING, json.readTree("{}"));
        assertThat(violations).extracting(Violation::pointer)
                .containsExactly("/burgerservicenummer", "/datum", "/doel", "/gemeentecode", "/status");
        assertThat(violations).allSatisfy(v -> assertThat(v.reason()).contains("required"));
    }

    @Test
    void unknownPropertyNamesAreEscapedAsRfc6901Pointers() throws Exception {
        ObjectNode message = (ObjectNode) catalog.example(Berichttype.KOPPELING, true, "ontkoppeling.json");
        message.put("a/b~c", "x");
        assertThat(validator.validate(Berichttype.KOPPELING, message))
                .extracting(Violation::pointer).containsExactly("/a~1b~0c");
    }

    @Test
    void anAbsentMessageIsAViolationNotACrash() {
        assertThat(validator.validate(Berichttype.SCREENING, null)).extracting(Violation::pointer).containsExactly("");
        assertThat(validator.validate(Berichttype.SCREENING, MissingNode.getInstance())).hasSize(1);
        assertThat(validator.validate(Berichttype.SCREENING, json.nullNode()))
                .singleElement().satisfies(v -> assertThat(v.reason()).contains("type"));
    }

    @Test
    void theSameMessageAlwaysGivesTheSameSortedList() throws Exception {
        JsonNode message = catalog.example(Berichttype.KLANTPROFIEL, false, "meerdere-fouten.json").get("bericht");
        List<Violation> first = validator.validate(Berichttype.KLANTPROFIEL, message);
        assertThat(first).isSorted().hasSize(3);
        IntStream.range(0, 20).forEach(i -> assertThat(validator.validate(Berichttype.KLANTPROFIEL, message)).isEqualTo(first));
    }

    @Test
    void isThreadSafe() throws Exception {
        JsonNode valid = catalog.example(Berichttype.KLANTPROFIEL, true, "seed-klantprofiel.json");
        JsonNode invalid = catalog.example(Berichttype.KLANTPROFIEL, false, "meerdere-fouten.json").get("bericht");
        List<Violation> expected = validator.validate(Berichttype.KLANTPROFIEL, invalid);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = IntStream.range(0, 400).mapToObj(i -> pool.submit(() -> i % 2 == 0
                    ? validator.isValid(Berichttype.KLANTPROFIEL, valid)
                    : validator.validate(Berichttype.KLANTPROFIEL, invalid).equals(expected))).toList();
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void datesAreAssertedNotJustAnnotated() throws Exception {
        JsonNode koppeling = json.readTree("{\"burgerservicenummer\":\"123456782\",\"soort\":\"koppeling\","
                + "\"gemeentecode\":\"GM0344\",\"datum\":\"20-03-2017\"}");
        assertThat(validator.validate(Berichttype.KOPPELING, koppeling))
                .containsExactly(new Violation("/datum", FormatReasons.reason("date")));
    }
}
