package nl.koppelpunt.schemas;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Resolves every {@code $ref} of a document inside that document, honouring embedded {@code $id}s
 * the way JSON Schema 2020-12 does. Test helper: it proves that the bundle is self-contained.
 */
final class RefResolver {

    private final Map<URI, JsonNode> resources = new HashMap<>();
    private final List<String> unresolved = new ArrayList<>();
    private int refCount;

    /** Walks the document once to find its resources, then once to resolve its refs. */
    static RefResolver check(JsonNode document, URI retrievalUri) {
        RefResolver resolver = new RefResolver();
        resolver.collect(document, retrievalUri, true);
        resolver.resolveAll(document, retrievalUri);
        return resolver;
    }

    /** The refs that do not resolve, as "base -> ref". */
    List<String> unresolved() {
        return unresolved;
    }

    int refCount() {
        return refCount;
    }

    private void collect(JsonNode node, URI base, boolean documentRoot) {
        URI here = baseOf(node, base);
        if (documentRoot || (node.isObject() && node.has("$id"))) {
            resources.put(here, node);
        }
        children(node).forEach(child -> collect(child, here, false));
    }

    private void resolveAll(JsonNode node, URI base) {
        URI here = baseOf(node, base);
        JsonNode ref = node.get("$ref");
        if (node.isObject() && ref != null && ref.isTextual()) {
            refCount++;
            if (!resolves(here, ref.textValue())) {
                unresolved.add(here + " -> " + ref.textValue());
            }
        }
        children(node).forEach(child -> resolveAll(child, here));
    }

    private boolean resolves(URI base, String ref) {
        URI target = base.resolve(ref);
        String fragment = target.getFragment();
        URI resource = URI.create(target.toString().split("#", 2)[0]);
        JsonNode root = resources.get(resource);
        if (root == null) {
            return false;
        }
        return fragment == null || fragment.isEmpty() || !root.at(JsonPointer.compile(fragment)).isMissingNode();
    }

    private static URI baseOf(JsonNode node, URI base) {
        JsonNode id = node.isObject() ? node.get("$id") : null;
        return id != null && id.isTextual() ? base.resolve(id.textValue()) : base;
    }

    private static List<JsonNode> children(JsonNode node) {
        List<JsonNode> children = new ArrayList<>();
        for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
            children.add(it.next());
        }
        return children;
    }
}
