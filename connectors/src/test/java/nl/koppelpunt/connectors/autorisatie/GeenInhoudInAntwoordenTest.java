package nl.koppelpunt.connectors.autorisatie;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import nl.koppelpunt.connectors.beheer.Beheer;
import nl.koppelpunt.connectors.bericht.BerichtOverzicht;
import nl.koppelpunt.connectors.partner.Rol;
import nl.koppelpunt.schemas.Berichttype;

/**
 * The matrix gives no administrator, operator or auditor the operation {@code inhoud-lezen}; this keeps the answers
 * they get (the status of a message, the admin lists) from carrying content anyway. Their types may only hold plain
 * metadata (ids, codes, counts, times), no field that could carry a message or a person's data; adding one fails here.
 */
class GeenInhoudInAntwoordenTest {

    private static final Set<Class<?>> METADATA = Set.of(String.class, UUID.class, OffsetDateTime.class, int.class,
            Integer.class, long.class, Long.class);
    private static final Set<String> INHOUDSNAMEN = Set.of("inhoud", "payload", "body", "bericht", "json", "data",
            "burgerservicenummer", "bsn", "persoonsgegevens", "klantprofiel");

    @ParameterizedTest
    @ValueSource(classes = {BerichtOverzicht.class, Beheer.Parkering.class, Beheer.Mislukt.class, Beheer.Herladen.class})
    void statusAndAdminAnswersHoldMetadataOnly(Class<?> antwoord) {
        List<String> velden = new ArrayList<>();
        verzamel(antwoord, antwoord.getSimpleName(), velden);
        assertThat(velden).isNotEmpty().allSatisfy(veld -> assertThat(INHOUDSNAMEN)
                .as(veld).doesNotContain(veld.substring(veld.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"beheerder", "operator", "auditor"})
    void andTheMatrixSaysSoForEveryAdminRole(String rol) {
        for (Berichttype type : Berichttype.values()) {
            assertThat(Autorisatie.mag(Rol.fromCode(rol), Operatie.INHOUD_LEZEN, type)).isFalse();
        }
    }

    private static void verzamel(Class<?> type, String pad, List<String> velden) {
        assertThat(type.isRecord()).as(pad + " is a record of metadata").isTrue();
        for (RecordComponent component : type.getRecordComponents()) {
            String veld = pad + "." + component.getName();
            velden.add(veld);
            Class<?> klasse = component.getType();
            if (klasse == List.class) {
                Type element = ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
                verzamel((Class<?>) element, veld, velden);
            } else if (!METADATA.contains(klasse) && !klasse.isEnum()) {
                throw new AssertionError(veld + " is a " + klasse.getName() + ", which could carry content");
            }
        }
    }
}
