package nl.koppelpunt.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Runs every shipped example against its contract: the examples are the specification by example. */
class ContractExamplesTest {

    private final ContractCatalog catalog = ContractCatalog.v1();
    private final ContractValidator validator = catalog.validator();

    @TestFactory
    Stream<DynamicTest> validExamplesHaveNoViolations() {
        return Stream.of(Berichttype.values()).flatMap(type -> catalog.exampleNames(type, true).stream()
                .map(name -> DynamicTest.dynamicTest(type.code() + "/valid/" + name, () -> {
                    JsonNode message = catalog.example(type, true, name);
                    assertThat(validator.validate(type, message)).isEmpty();
                })));
    }

    @TestFactory
    Stream<DynamicTest> invalidExamplesReportExactlyTheStatedViolations() {
        return Stream.of(Berichttype.values()).flatMap(type -> catalog.exampleNames(type, false).stream()
                .map(name -> DynamicTest.dynamicTest(type.code() + "/invalid/" + name, () -> {
                    JsonNode wrapper = catalog.example(type, false, name);
                    assertThat(wrapper.path("beschrijving").asText()).as("beschrijving").isNotBlank();
                    assertThat(wrapper.path("verwacht").size()).as("verwacht").isPositive();
                    List<Violation> actual = validator.validate(type, wrapper.get("bericht"));
                    assertMatches(actual, wrapper.get("verwacht"));
                })));
    }

    @TestFactory
    Stream<DynamicTest> everyTypeShipsEnoughExamples() {
        return Stream.of(Berichttype.values()).map(type -> DynamicTest.dynamicTest(type.code(), () -> {
            assertThat(catalog.exampleNames(type, true)).hasSizeGreaterThanOrEqualTo(2);
            assertThat(catalog.exampleNames(type, false)).hasSizeGreaterThanOrEqualTo(4);
        }));
    }

    /** Each expectation consumes one violation with the same pointer whose reason contains the substring. */
    static void assertMatches(List<Violation> actual, JsonNode expected) {
        List<Violation> remaining = new ArrayList<>(actual);
        for (JsonNode expectation : expected) {
            String pointer = expectation.get("pointer").asText();
            String reden = expectation.get("reden").asText();
            Violation match = remaining.stream()
                    .filter(v -> v.pointer().equals(pointer) && v.reason().contains(reden))
                    .findFirst()
                    .orElse(null);
            assertThat(match).as("violation at '%s' containing '%s' in %s", pointer, reden, actual).isNotNull();
            remaining.remove(match);
        }
        assertThat(remaining).as("violations that the example does not state").isEmpty();
    }
}
