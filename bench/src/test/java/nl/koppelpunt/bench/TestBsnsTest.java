package nl.koppelpunt.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

import nl.koppelpunt.schemas.Berichttype;
import nl.koppelpunt.schemas.Bsn;
import nl.koppelpunt.schemas.ContractCatalog;

class TestBsnsTest {

    @Test
    void onlyValidNumbersFromTheTestRange() {
        List<String> all = TestBsns.all();
        assertThat(all).hasSize(909).doesNotHaveDuplicates()
                .allSatisfy(bsn -> assertThat(bsn).startsWith("99999").matches(Bsn::isValid, "passes the 11-proef"));
        assertThat(TestBsns.first(900)).hasSize(900);
        assertThatThrownBy(() -> TestBsns.first(910)).hasMessageContaining("909");
    }

    @Test
    void theLoadMessagesKeepTheirContracts() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Payloads payloads = new Payloads();
        String bsn = TestBsns.first(1).get(0);
        byte[] profiel = payloads.klantprofiel(bsn, 42);
        JsonNode node = json.readTree(profiel);
        assertThat(node.path("profielversie").asInt()).isEqualTo(42);
        assertThat(node.at("/persoonsgegevens/burgerservicenummer").asText()).isEqualTo(bsn);
        assertThat(profiel.length).isBetween(payloads.seedSize() - 2, payloads.seedSize() + 2);
        var validator = ContractCatalog.v1().validator();
        assertThat(validator.validate(Berichttype.KLANTPROFIEL, node)).isEmpty();
        assertThat(validator.validate(Berichttype.KOPPELING, json.readTree(Payloads.koppeling(bsn, "GM0344")))).isEmpty();
        assertThat(validator.validate(Berichttype.TOESTEMMING, json.readTree(Payloads.toestemming(bsn, "GM0344")))).isEmpty();
        assertThat(new String(profiel, StandardCharsets.UTF_8)).doesNotContain("123456782");
    }
}
