package nl.koppelpunt.hub.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class StrictJsonTest {

    private final StrictJson json = new StrictJson(8);

    @Test
    void nestingOverTheLimitIsRefusedBeforeTheParserRecursesFurther() throws Exception {
        assertThatThrownBy(() -> json.parse(bytes("[".repeat(9) + "]".repeat(9)))).isInstanceOf(StreamConstraintsException.class);
        assertThat(json.parse(bytes("[".repeat(8) + "]".repeat(8))).isArray()).isTrue();
    }

    @Test
    void duplicateKeysAndTrailingDocumentsAreRefused() {
        assertThatThrownBy(() -> json.parse(bytes("{\"a\":1,\"a\":2}"))).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> json.parse(bytes("{\"a\":1} {\"a\":2}"))).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void theFingerprintIgnoresKeyOrderAndWhitespaceButNotContent() throws Exception {
        byte[] a = json.fingerprint(json.parse(bytes("{\"a\":1,\"b\":{\"c\":[1,2],\"d\":\"x\"}}")));
        byte[] b = json.fingerprint(json.parse(bytes("{ \"b\" : { \"d\":\"x\", \"c\":[1,2] },\n \"a\":1 }")));
        byte[] c = json.fingerprint(json.parse(bytes("{\"a\":1,\"b\":{\"c\":[2,1],\"d\":\"x\"}}")));
        assertThat(a).isEqualTo(b).isNotEqualTo(c);
    }

    @Property(tries = 200)
    void arraysNestedWithinTheLimitAlwaysParse(@ForAll @IntRange(min = 1, max = 8) int depth) throws Exception {
        assertThat(json.parse(bytes("[".repeat(depth) + "]".repeat(depth)))).isNotNull();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
