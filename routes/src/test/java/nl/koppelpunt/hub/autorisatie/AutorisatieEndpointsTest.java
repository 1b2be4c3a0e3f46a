package nl.koppelpunt.hub.autorisatie;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import nl.koppelpunt.connectors.autorisatie.Operatie;
import nl.koppelpunt.connectors.rest.Vereist;
import nl.koppelpunt.hub.support.HubIntegrationTest;
import nl.koppelpunt.schemas.ContractCatalog;

/**
 * Every REST endpoint under {@code /api} names its operation of the matrix ({@code @Vereist}), and it is the
 * operation the OpenAPI document publishes for it, so the roles partners read there are the roles the code lets in.
 */
class AutorisatieEndpointsTest extends HubIntegrationTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyApiEndpointHasTheOperationTheOpenApiDocumentPublishes() {
        Map<String, String> gedocumenteerd = gedocumenteerd();
        Map<String, String> geimplementeerd = new HashMap<>();
        mappings.getHandlerMethods().forEach((info, method) -> info.getMethodsCondition().getMethods().forEach(m ->
                info.getPathPatternsCondition().getPatternValues().forEach(p -> expand(p).forEach(path -> {
                    if (path.startsWith("/api/")) {
                        Vereist vereist = method.getMethodAnnotation(Vereist.class);
                        assertThat(vereist).as(m + " " + path + " has @Vereist").isNotNull();
                        geimplementeerd.put(m.name() + " " + normalise(path), vereist.value().code());
                    }
                }))));

        assertThat(geimplementeerd).isEqualTo(gedocumenteerd);
        assertThat(geimplementeerd).containsValues(Operatie.VERSTUREN.code(), Operatie.STATUS_LEZEN.code(),
                Operatie.HERHALEN.code());
    }

    private static Map<String, String> gedocumenteerd() {
        Map<String, String> operaties = new HashMap<>();
        JsonNode paths = ContractCatalog.v1().openApiDocument().path("paths");
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            path.getValue().fields().forEachRemaining(op -> {
                boolean openbaar = op.getValue().path("security").isArray() && op.getValue().path("security").isEmpty();
                // A public operation (the published signing keys) lives outside /api and outside the matrix.
                if (Set.of("get", "post", "put", "patch", "delete").contains(op.getKey()) && !openbaar) {
                    operaties.put(op.getKey().toUpperCase(Locale.ROOT) + " " + normalise("/api/v1" + path.getKey()),
                            op.getValue().path("x-koppelpunt-autorisatie").path("operatie").asText());
                }
            });
        }
        return operaties;
    }

    /** {@code /api/v1/{collectie:a|b}} → {@code /api/v1/a}, {@code /api/v1/b}. */
    private static Set<String> expand(String pattern) {
        Matcher m = Pattern.compile("\\{(\\w+):([^}]+)}").matcher(pattern);
        if (!m.find()) {
            return Set.of(pattern);
        }
        Set<String> out = new java.util.HashSet<>();
        for (String alt : m.group(2).split("\\|")) {
            out.add(pattern.substring(0, m.start()) + alt + pattern.substring(m.end()));
        }
        return out;
    }

    private static String normalise(String path) {
        return path.replaceAll("\\{[^}]+}", "{}");
    }
}
