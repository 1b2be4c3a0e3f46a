package nl.koppelpunt.hub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import nl.koppelpunt.hub.support.HubIntegrationTest;

/** The served OpenAPI document describes exactly the operations the gateway has: no more, no less. */
class OpenApiTest extends HubIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void openApiIsServedAndMatchesTheImplementedOperations() throws Exception {
        HttpResponse<String> response = client("coa").get("/api/v1/openapi.json");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("API-Version")).hasValue("1.0.0");
        JsonNode doc = JSON.readTree(response.body());
        assertThat(doc.path("openapi").asText()).startsWith("3.");
        assertThat(doc.path("info").path("version").asText()).isEqualTo("1.0.0");

        Set<String> documented = new HashSet<>();
        JsonNode paths = doc.path("paths");
        for (Iterator<String> it = paths.fieldNames(); it.hasNext(); ) {
            String path = it.next();
            // A path may name its own server (/.well-known/ sits at the root of the host, not under /api/v1).
            String base = paths.path(path).at("/servers/0/url").asText("/api/v1").replaceAll("/$", "");
            paths.path(path).fieldNames().forEachRemaining(method -> {
                if (Set.of("get", "post", "put", "patch", "delete").contains(method)) {
                    documented.add(method.toUpperCase(Locale.ROOT) + " " + normalise(base + path));
                }
            });
        }

        Set<String> implemented = new HashSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> info.getMethodsCondition().getMethods().forEach(m ->
                info.getPathPatternsCondition().getPatternValues().forEach(p -> expand(p).forEach(
                        path -> implemented.add(m.name() + " " + normalise(path))))));
        implemented.removeIf(op -> !op.contains(" /api/v1/") && !op.contains(" /.well-known/"));

        assertThat(documented).containsExactlyInAnyOrderElementsOf(implemented);
    }

    /** {@code /api/v1/{collectie:a|b}} → {@code /api/v1/a}, {@code /api/v1/b}. */
    private static Set<String> expand(String pattern) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{(\\w+):([^}]+)}").matcher(pattern);
        if (!m.find()) {
            return Set.of(pattern);
        }
        Set<String> out = new HashSet<>();
        for (String alt : m.group(2).split("\\|")) {
            out.add(pattern.substring(0, m.start()) + alt + pattern.substring(m.end()));
        }
        return out;
    }

    private static String normalise(String path) {
        return path.replaceAll("\\{[^}]+}", "{}");
    }
}
