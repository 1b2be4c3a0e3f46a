package nl.koppelpunt.hub.regio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

/** The regional figures list every sector of the contract, and only those. */
class ScreeningSectorenTest {

    @Test
    void theSectorListIsTheContracts() throws Exception {
        List<String> contract = new ArrayList<>();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("koppelpunt/contracts/v1/common.schema.json")) {
            new ObjectMapper().readTree(in).at("/$defs/sector/enum").forEach(s -> contract.add(s.asText()));
        }
        assertThat(ScreeningSectoren.SECTOREN).isEqualTo(contract);
    }
}
