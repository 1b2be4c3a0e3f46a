package nl.koppelpunt.connectors.autorisatie;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

import nl.koppelpunt.connectors.partner.Rol;
import nl.koppelpunt.schemas.Berichttype;
import nl.koppelpunt.schemas.ContractCatalog;

/**
 * The published OpenAPI document tells partners who may call what: every operation names its operation of the
 * matrix ({@code x-koppelpunt-autorisatie}) and, as the roles of its security requirement, exactly the roles the
 * matrix allows it.
 */
class AutorisatieOpenApiTest {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    @Test
    void everyOperationNamesItsCellAndExactlyTheRolesTheMatrixAllows() {
        JsonNode paths = ContractCatalog.v1().openApiDocument().path("paths");
        List<String> gecontroleerd = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            path.getValue().fields().forEachRemaining(op -> {
                if (!METHODS.contains(op.getKey())) {
                    return;
                }
                String naam = op.getKey().toUpperCase() + " " + path.getKey();
                if (op.getValue().path("security").isArray() && op.getValue().path("security").isEmpty()) {
                    // Public by design, outside the matrix: only Koppelpunt's published public keys.
                    assertThat(naam).isIn("GET /.well-known/jwks.json", "GET /.well-known/koppelpunt-pgp.asc");
                    return;
                }
                JsonNode autorisatie = op.getValue().path("x-koppelpunt-autorisatie");
                assertThat(autorisatie.isObject()).as(naam + " has x-koppelpunt-autorisatie").isTrue();
                Operatie operatie = Operatie.fromCode(autorisatie.path("operatie").asText());
                Set<Rol> verwacht = operatie.perBerichttype()
                        ? Autorisatie.rollen(operatie, Berichttype.fromCode(autorisatie.path("berichttype").asText()).orElseThrow())
                        : Autorisatie.rollen(operatie);
                Set<Rol> gedocumenteerd = EnumSet.noneOf(Rol.class);
                JsonNode security = op.getValue().path("security");
                assertThat(security.size()).as(naam + " security").isEqualTo(1);
                security.path(0).path("mutualTLS").forEach(rol -> gedocumenteerd.add(Rol.fromCode(rol.asText())));
                assertThat(gedocumenteerd).as(naam + " roles").isEqualTo(verwacht);
                if (!verwacht.equals(EnumSet.allOf(Rol.class))) {
                    assertThat(op.getValue().path("responses").has("403")).as(naam + " documents its 403").isTrue();
                }
                gecontroleerd.add(naam);
            });
        }
        assertThat(gecontroleerd).hasSizeGreaterThanOrEqualTo(11);
    }
}
