package nl.koppelpunt.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The document tells a gemeente how a delivery is signed and where the keys to check it are. */
class OpenApiOndertekeningTest {

    private final JsonNode bundle = ContractCatalog.v1().openApiDocument();

    @Test
    void theWebhookCarriesTheSignatureHeadersAsRequired() {
        List<String> verplicht = new ArrayList<>();
        for (JsonNode parameter : bundle.at("/webhooks/bezorging/post/parameters")) {
            JsonNode header = bundle.at(parameter.path("$ref").asText().substring(1));
            if (header.path("required").asBoolean()) {
                verplicht.add(header.path("name").asText());
            }
        }
        assertThat(verplicht).contains("Content-Digest", "Signature-Input", "Signature", "Koppelpunt-Jws");
        assertThat(bundle.at("/webhooks/bezorging/post/description").asText())
                .contains("RFC 9421", "/.well-known/jwks.json", "ecdsa-p256-sha256");
    }

    @Test
    void theKeysArePublicAtTheRootOfTheHostWithoutACertificate() throws Exception {
        JsonNode pad = bundle.at("/paths/~1.well-known~1jwks.json");
        assertThat(pad.at("/servers/0/url").asText()).isEqualTo("/");
        assertThat(pad.at("/get/security").isArray()).isTrue();
        assertThat(pad.at("/get/security")).isEmpty();

        BundleSchemas schemas = new BundleSchemas(bundle);
        String media = "/paths/~1.well-known~1jwks.json/get/responses/200/content/application~1jwk-set+json";
        ObjectMapper json = new ObjectMapper();
        assertThat(schemas.at(media + "/schema").validate(bundle.at(media + "/example"))).isEmpty();
        // A set that leaks the private part of a key is not what the document promises.
        JsonNode privaat = json.readTree("{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"k\","
                + "\"x\":\"qIVYZVLCrPZHGHjP17CTW0_-D9Lfw0EkjqF7xB4FivA\",\"y\":\"Mc4nN9LTDOBhfoUeg8Ye9WedFRhnZXZJA12Qp0zZ6F0\","
                + "\"d\":\"niet-echt-maar-aanwezig\"}]}");
        assertThat(schemas.at(media + "/schema").validate(privaat)).isNotEmpty();
    }
}
