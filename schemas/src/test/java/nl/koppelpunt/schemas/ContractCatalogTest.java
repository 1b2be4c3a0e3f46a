package nl.koppelpunt.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ContractCatalogTest {

    private static final Path SOURCES = Path.of("src/main/resources").resolve(ContractCatalog.RESOURCE_BASE);

    private final ContractCatalog catalog = ContractCatalog.v1();

    @Test
    void isLoadedOnceAndShared() {
        assertThat(ContractCatalog.v1()).isSameAs(catalog);
        assertThat(catalog.validator()).isSameAs(ContractCatalog.v1().validator());
    }

    @Test
    void publishesEachSchemaWithItsId() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (Berichttype type : Berichttype.values()) {
            JsonNode schema = json.readTree(catalog.schemaText(type));
            assertThat(catalog.schemaId(type).toString())
                    .isEqualTo(ContractCatalog.ID_BASE + type.schemaFile())
                    .isEqualTo(schema.path("$id").asText());
            assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
            assertThat(type.schemaResource()).isEqualTo("koppelpunt/contracts/v1/" + type.code() + ".schema.json");
        }
    }

    @Test
    void exampleIndexNamesExactlyTheFilesInTheExampleFolders() throws IOException {
        for (Berichttype type : Berichttype.values()) {
            for (boolean valid : new boolean[] {true, false}) {
                Path folder = SOURCES.resolve("examples").resolve(type.code()).resolve(ExampleIndex.folder(valid));
                try (Stream<Path> files = Files.list(folder)) {
                    List<String> onDisk = files.map(p -> p.getFileName().toString()).sorted().toList();
                    assertThat(catalog.exampleNames(type, valid)).as(folder.toString())
                            .containsExactlyInAnyOrderElementsOf(onDisk);
                }
            }
        }
    }

    @Test
    void klantprofielKeepsEverySeedSectionAtTheTop() throws Exception {
        JsonNode properties = new ObjectMapper().readTree(catalog.schemaText(Berichttype.KLANTPROFIEL)).path("properties");
        assertThat(properties.fieldNames()).toIterable().containsExactly("profielversie", "datum", "persoonsgegevens",
                "familiegegevens", "statusgegevens", "inburgeringsgegevens", "educatievegegevens", "arbeidsgegevens",
                "toekomst", "contactpersoonCoa");
    }
}
