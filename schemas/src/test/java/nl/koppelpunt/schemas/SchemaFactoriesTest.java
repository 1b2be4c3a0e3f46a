package nl.koppelpunt.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaException;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import org.junit.jupiter.api.Test;

/** Compiling contracts must never reach for the network, and the bsn format must be known. */
class SchemaFactoriesTest {

    private final JsonSchemaFactory factory = SchemaFactories.classpathFactory();

    @Test
    void refusesSchemasOutsideTheClasspath() {
        assertThatThrownBy(() -> factory.getSchema(SchemaLocation.of("https://example.org/elders.schema.json"),
                SchemaFactories.config())).isInstanceOf(JsonSchemaException.class);
    }

    @Test
    void resolvesContractIdsFromTheClasspath() {
        var schema = factory.getSchema(SchemaLocation.of(ContractCatalog.ID_BASE + "koppeling.schema.json"),
                SchemaFactories.config());
        schema.initializeValidators();
        assertThat(schema.getSchemaNode().path("title").asText()).isEqualTo("Koppeling of ontkoppeling");
    }

    @Test
    void bsnFormatOnlyJudgesNineDigitStrings() throws Exception {
        var schema = factory.getSchema(new ObjectMapper().readTree(
                "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"format\":\"bsn\"}"),
                SchemaFactories.config());
        ObjectMapper json = new ObjectMapper();
        assertThat(schema.validate(json.readTree("\"123456782\""))).isEmpty();
        assertThat(schema.validate(json.readTree("\"123456789\""))).hasSize(1);
        // Shape is the pattern's job: the format stays silent so a sender gets one violation, not two.
        assertThat(schema.validate(json.readTree("\"12345\""))).isEmpty();
    }
}
