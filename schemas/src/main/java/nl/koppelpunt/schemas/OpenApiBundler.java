package nl.koppelpunt.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Makes the published {@code openapi.json} self-contained.
 *
 * <p>The source file refers to the message schemas by file name ({@code "klantprofiel.schema.json"}),
 * which only resolves next to the files. The bundle embeds every schema under
 * {@code components.schemas} with its {@code $id} kept, which makes it a valid 2020-12 compound
 * document (allowed by OpenAPI 3.1): the schemas' own relative refs such as
 * {@code common.schema.json#/$defs/bsn} still resolve, now against the embedded {@code Common}.
 * The operations' refs are rewritten to {@code #/components/schemas/<Name>}.
 */
final class OpenApiBundler {

    private static final String COMPONENT_PREFIX = "#/components/schemas/";

    private OpenApiBundler() {
    }

    /**
     * @param openApi the source document; not modified
     * @param schemasByFile each schema by its file name, e.g. {@code klantprofiel.schema.json}
     * @return a new document with the schemas embedded and the refs to them rewritten
     */
    static ObjectNode bundle(JsonNode openApi, Map<String, JsonNode> schemasByFile) {
        ObjectNode bundle = openApi.deepCopy();
        Map<String, String> componentByFile = new LinkedHashMap<>();
        schemasByFile.keySet().forEach(file -> componentByFile.put(file, componentName(file)));
        // Rewrite before embedding, so that the schemas' own (id-relative) refs stay as they are.
        rewriteRefs(bundle, componentByFile);
        ObjectNode components = bundle.withObject("/components/schemas");
        schemasByFile.forEach((file, schema) -> components.set(componentByFile.get(file), schema.deepCopy()));
        return bundle;
    }

    /** {@code "klantprofiel.schema.json"} becomes {@code "Klantprofiel"}. */
    static String componentName(String file) {
        String base = file.substring(0, file.indexOf('.'));
        return Character.toUpperCase(base.charAt(0)) + base.substring(1);
    }

    private static void rewriteRefs(JsonNode node, Map<String, String> componentByFile) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual()) {
                object.set("$ref", TextNode.valueOf(rewrite(ref.textValue(), componentByFile)));
            }
            for (Iterator<JsonNode> it = object.elements(); it.hasNext(); ) {
                rewriteRefs(it.next(), componentByFile);
            }
        } else if (node.isArray()) {
            node.forEach(child -> rewriteRefs(child, componentByFile));
        }
    }

    private static String rewrite(String ref, Map<String, String> componentByFile) {
        int hash = ref.indexOf('#');
        String file = hash < 0 ? ref : ref.substring(0, hash);
        String component = componentByFile.get(file);
        if (component == null) {
            return ref;
        }
        String fragment = hash < 0 ? "" : ref.substring(hash + 1);
        return COMPONENT_PREFIX + component + fragment;
    }
}
