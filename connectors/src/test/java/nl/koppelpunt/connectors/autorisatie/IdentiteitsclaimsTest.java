package nl.koppelpunt.connectors.autorisatie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import nl.koppelpunt.connectors.intake.IntakeException;
import nl.koppelpunt.connectors.intake.Probleem;
import nl.koppelpunt.connectors.partner.Partner;
import nl.koppelpunt.connectors.partner.Rol;
import nl.koppelpunt.schemas.Violation;

/** A partner cannot claim another OIN than its certificate's, in a header or anywhere in a message body. */
class IdentiteitsclaimsTest {

    private static final String COA_OIN = "00000099000000000001";
    private static final String TVS_OIN = "00000099000000000002";
    private static final Partner COA = new Partner("coa", "COA", COA_OIN, Rol.COA, null, Set.of());

    @ParameterizedTest
    @ValueSource(strings = {"OIN", "oin", "X-OIN", "Afzender-OIN", "Koppelpunt-Afzender-Oin", "x-oin"})
    void aHeaderCarryingAnotherOinIsNamed(String header) {
        assertThat(Identiteitsclaims.inHeaders(COA, Map.of(header, List.of(TVS_OIN))))
                .extracting(Violation::pointer).containsExactly(header);
        assertThat(Identiteitsclaims.inHeaders(COA, Map.of(header, List.of(" " + COA_OIN)))).as("own OIN").isEmpty();
        assertThat(Identiteitsclaims.inHeaders(COA, Map.of(header, List.of(COA_OIN, TVS_OIN)))).as("one of two").hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Content-Type", "Join", "Coin", "Idempotency-Key", "X-Join", "Oinx"})
    void otherHeadersAreNoIdentityClaims(String header) {
        assertThat(Identiteitsclaims.inHeaders(COA, Map.of(header, List.of(TVS_OIN)))).isEmpty();
    }

    @Test
    void bodyFieldsCarryingAnotherOinAreNamedByJsonPointer() {
        String body = """
                {"oin": "%1$s", "afzenderOin": "%1$s", "afzender": {"oin": "%1$s", "naam": "TVS"},
                 "items": [{"zender_oin": "%1$s"}, {"ontvanger-oin": "%2$s"}], "eigenOIN": "%1$s",
                 "JOIN": "%1$s", "coin": "%1$s", "burgerservicenummer": "123456782"}
                """.formatted(TVS_OIN, COA_OIN);
        assertThat(Identiteitsclaims.inBericht(COA, body.getBytes(StandardCharsets.UTF_8))).extracting(Violation::pointer)
                .containsExactly("/oin", "/afzenderOin", "/afzender/oin", "/items/0/zender_oin", "/eigenOIN");
    }

    @Test
    void anEscapedFieldNameIsReadAsWhatItMeans() {
        byte[] body = ("{\"afzender\\u004Fin\": \"" + TVS_OIN + "\"}").getBytes(StandardCharsets.UTF_8);
        assertThat(Identiteitsclaims.inBericht(COA, body)).extracting(Violation::pointer).containsExactly("/afzenderOin");
    }

    @Test
    void theOwnOinAndBodiesWithoutOinPass() {
        assertThat(Identiteitsclaims.inBericht(COA, ("{\"afzender\": {\"oin\": \"" + COA_OIN + "\"}}").getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(Identiteitsclaims.inBericht(COA, "{\"burgerservicenummer\": \"123456782\"}".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
    }

    @Test
    void aBodyThatIsNotJsonHasNoClaimsTheContractCheckRefusesIt() {
        assertThat(Identiteitsclaims.inBericht(COA, "<xml/>".getBytes(StandardCharsets.UTF_8))).isEmpty();
        // What was readable before the error is still checked.
        assertThat(Identiteitsclaims.inBericht(COA, ("{\"oin\": \"" + TVS_OIN + "\", ").getBytes(StandardCharsets.UTF_8)))
                .hasSize(1);
    }

    @Test
    void aClaimIsRefusedAs403AndIdentityProblemWithoutEchoingTheValue() {
        assertThatThrownBy(() -> Identiteitsclaims.controleerBericht(COA,
                ("{\"afzenderOin\": \"" + TVS_OIN + "\"}").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(IntakeException.class, e -> {
                    assertThat(e.probleem()).isEqualTo(Probleem.ANDERE_IDENTITEIT);
                    assertThat(e.violations()).extracting(Violation::pointer).containsExactly("/afzenderOin");
                    assertThat(e.violations().get(0).reason()).doesNotContain(TVS_OIN);
                    assertThat(e.getMessage()).doesNotContain(TVS_OIN);
                });
        assertThatThrownBy(() -> Identiteitsclaims.controleerHeaders(COA, Map.of("X-OIN", List.of(TVS_OIN))))
                .isInstanceOf(IntakeException.class);
    }
}
