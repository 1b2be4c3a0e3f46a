package nl.koppelpunt.schemas;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.SchemaLocation;

/**
 * The contract of DUO's quarterly inburgering results (no personal data): the JSON Schema
 * {@code inburgeringsresultaten.schema.json} plus the rules a schema cannot say. A file is accepted or refused
 * whole, so {@link #controleer} reports every violation at once, each with a JSON pointer into the JSON form
 * ({@code /rijen/3/voldaan}); {@link KwartaalCsv} maps those pointers back to CSV line and column.
 */
public final class Inburgeringsresultaten {

    /** The schema's file name, also the name the OpenAPI document refers to. */
    public static final String SCHEMA_FILE = "inburgeringsresultaten.schema.json";

    private static final class Holder {
        static final JsonSchema SCHEMA = compile();
    }

    private static final ViolationMapper MAPPER = new ViolationMapper();

    private Inburgeringsresultaten() {
    }

    /**
     * All violations of the file: first the schema's; only a file that keeps the schema is checked against the
     * rules below, because they need whole numbers in every cell.
     *
     * @param bestand the JSON form of one quarter
     * @param bekendeGemeente whether a gemeentecode is known (Koppelpunt: an onboarded gemeente)
     */
    public static List<Violation> controleer(JsonNode bestand, Predicate<String> bekendeGemeente) {
        Objects.requireNonNull(bekendeGemeente, "bekendeGemeente");
        if (bestand == null || bestand.isMissingNode()) {
            return List.of(new Violation("", "the file is empty; expected a JSON object"));
        }
        List<Violation> schending = Holder.SCHEMA.validate(bestand).stream()
                .map(MAPPER::toViolation).distinct().sorted().toList();
        if (!schending.isEmpty()) {
            return schending;
        }
        return regels(bestand, bekendeGemeente);
    }

    private static List<Violation> regels(JsonNode bestand, Predicate<String> bekendeGemeente) {
        List<Violation> out = new ArrayList<>();
        Set<String> gezien = new HashSet<>();
        JsonNode rijen = bestand.path("rijen");
        for (int i = 0; i < rijen.size(); i++) {
            JsonNode rij = rijen.get(i);
            String pad = "/rijen/" + i;
            String gemeente = rij.path("gemeentecode").asText();
            if (!bekendeGemeente.test(gemeente)) {
                out.add(new Violation(pad + "/gemeentecode", "unknown gemeente: not an onboarded gemeente of Koppelpunt"));
            }
            if (!gezien.add(gemeente + "/" + rij.path("cohortjaar").asInt())) {
                out.add(new Violation(pad + "/cohortjaar", "this gemeentecode and cohortjaar occur more than once in the file"));
            }
            long plichtigen = rij.path("inburgeringsplichtigen").asLong();
            long som = rij.path("voldaan").asLong() + rij.path("ontheven").asLong() + rij.path("nogInburgeringsplichtig").asLong();
            if (som != plichtigen) {
                out.add(new Violation(pad + "/inburgeringsplichtigen",
                        "counts do not add up: voldaan + ontheven + nogInburgeringsplichtig must equal inburgeringsplichtigen"));
            }
            if (rij.has("termijnVerstreken") && rij.path("termijnVerstreken").asLong() > rij.path("nogInburgeringsplichtig").asLong()) {
                out.add(new Violation(pad + "/termijnVerstreken", "termijnVerstreken must not exceed nogInburgeringsplichtig"));
            }
            if (rij.has("leningToegekend") && rij.path("leningToegekend").asLong() > plichtigen) {
                out.add(new Violation(pad + "/leningToegekend", "leningToegekend must not exceed inburgeringsplichtigen"));
            }
        }
        return out.stream().sorted().toList();
    }

    private static JsonSchema compile() {
        JsonSchema schema = SchemaFactories.classpathFactory()
                .getSchema(SchemaLocation.of(ContractCatalog.ID_BASE + SCHEMA_FILE), SchemaFactories.config());
        schema.initializeValidators();
        return schema;
    }
}
