package nl.koppelpunt.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * The list of example messages that ship beside the schemas ({@code examples/index.json}).
 *
 * <p>A jar cannot be listed like a directory in a portable way (nested jars in Spring Boot, app
 * servers), so the examples are named in an index; a test checks that the index and the
 * folders agree.
 */
final class ExampleIndex {

    static final String INDEX = "examples/index.json";

    private final JsonNode index;

    ExampleIndex(ObjectMapper json) {
        try {
            this.index = json.readTree(ClasspathResources.read(ContractCatalog.RESOURCE_BASE + INDEX));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Example index is not valid JSON", e);
        }
    }

    /** File names such as {@code seed-klantprofiel.json}, in index order. */
    List<String> names(Berichttype type, boolean valid) {
        List<String> names = new ArrayList<>();
        index.path(type.code()).path(folder(valid)).forEach(name -> names.add(name.asText()));
        return List.copyOf(names);
    }

    /** The classpath resource of one example. */
    static String resource(Berichttype type, boolean valid, String name) {
        return ContractCatalog.RESOURCE_BASE + "examples/" + type.code() + "/" + folder(valid) + "/" + name;
    }

    static String folder(boolean valid) {
        return valid ? "valid" : "invalid";
    }
}
