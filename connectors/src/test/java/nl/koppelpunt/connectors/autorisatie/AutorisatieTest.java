package nl.koppelpunt.connectors.autorisatie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import nl.koppelpunt.connectors.partner.Rol;
import nl.koppelpunt.schemas.Berichttype;

/**
 * The authorisation matrix, cell by cell: every role × operation (× message type where the matrix decides per type)
 * against the table below, written out by hand from the issue and the design, not derived from the code. A new role,
 * operation or message type fails here until someone decides its cells and writes them down.
 */
class AutorisatieTest {

    /** Columns: coa tvs duo gemeente beheerder operator auditor; "-" is geen. A second word is the berichttype. */
    private static final String VERWACHT = """
            versturen screening              eigen -     -    -     -    -    -
            versturen klantprofiel           eigen -     -    -     -    -    -
            versturen koppeling              eigen eigen -    -     -    -    -
            versturen toestemming            eigen -     -    -     -    -    -
            versturen duo-inburgeringsstatus -     -     eigen -    -    -    -
            versturen intrekking             -     -     -    -     -    -    -
            versturen ontkoppeling           -     -     -    -     -    -    -
            versturen inburgeringsresultaten-gemeente -  -     -    -     -    -    -
            inhoud-lezen screening           -     eigen -    eigen -    -    -
            inhoud-lezen klantprofiel        -     eigen -    eigen -    -    -
            inhoud-lezen koppeling           -     -     -    -     -    -    -
            inhoud-lezen toestemming         -     -     -    -     -    -    -
            inhoud-lezen duo-inburgeringsstatus - eigen -   eigen -    -    -
            inhoud-lezen intrekking          -     eigen -    eigen -    -    -
            inhoud-lezen ontkoppeling        -     eigen -    eigen -    -    -
            inhoud-lezen inburgeringsresultaten-gemeente - - -  eigen -    -    -
            status-lezen                     eigen eigen eigen eigen alle alle -
            bezorging-lezen                  -     -     -    eigen alle alle -
            overzicht-lezen                  -     -     -    -     alle alle -
            herhalen                         -     -     -    -     alle alle -
            partners-herladen                -     -     -    -     alle -    -
            verwerkingslog-lezen             -     -     -    -     -    -    alle
            inburgeringsresultaten-aanleveren -    -     alle -     -    -    -
            inburgeringsresultaten-lezen     -     -     alle eigen alle -    -
            regiostatistiek-lezen            alle  alle  alle alle  -    -    -
            contract-lezen                   alle  alle  alle alle  alle alle alle
            """;

    private static final List<Rol> KOLOMMEN = List.of(Rol.COA, Rol.TVS, Rol.DUO, Rol.GEMEENTE, Rol.BEHEERDER,
            Rol.OPERATOR, Rol.AUDITOR);

    /** (operatie code, berichttype code or "") → role → expected. */
    private static final Map<String, Map<Rol, Reikwijdte>> TABEL = lees(VERWACHT);

    static Stream<Arguments> cellenPerBerichttype() {
        List<Arguments> cellen = new ArrayList<>();
        for (Operatie operatie : Operatie.values()) {
            if (operatie.perBerichttype()) {
                for (Berichttype type : Berichttype.values()) {
                    for (Rol rol : Rol.values()) {
                        cellen.add(Arguments.of(rol, operatie, type));
                    }
                }
            }
        }
        return cellen.stream();
    }

    static Stream<Arguments> cellenZonderBerichttype() {
        List<Arguments> cellen = new ArrayList<>();
        for (Operatie operatie : Operatie.values()) {
            if (!operatie.perBerichttype()) {
                for (Rol rol : Rol.values()) {
                    cellen.add(Arguments.of(rol, operatie));
                }
            }
        }
        return cellen.stream();
    }

    @ParameterizedTest(name = "{0} × {1} × {2}")
    @MethodSource("cellenPerBerichttype")
    void everyCellPerBerichttypeIsAsAgreed(Rol rol, Operatie operatie, Berichttype type) {
        Reikwijdte verwacht = verwacht(operatie.code() + " " + type.code(), rol);
        assertThat(Autorisatie.reikwijdte(rol, operatie, type)).isEqualTo(verwacht);
        assertThat(Autorisatie.mag(rol, operatie, type)).isEqualTo(verwacht != Reikwijdte.GEEN);
        assertThat(Autorisatie.rollen(operatie, type).contains(rol)).isEqualTo(verwacht != Reikwijdte.GEEN);
    }

    @ParameterizedTest(name = "{0} × {1}")
    @MethodSource("cellenZonderBerichttype")
    void everyCellOfAResourceIsAsAgreed(Rol rol, Operatie operatie) {
        Reikwijdte verwacht = verwacht(operatie.code(), rol);
        assertThat(Autorisatie.reikwijdte(rol, operatie)).isEqualTo(verwacht);
        assertThat(Autorisatie.mag(rol, operatie)).isEqualTo(verwacht != Reikwijdte.GEEN);
        assertThat(Autorisatie.rollen(operatie).contains(rol)).isEqualTo(verwacht != Reikwijdte.GEEN);
    }

    @Test
    void theExpectedTableHasExactlyOneRowPerCellAddressOfTheCode() {
        List<String> adressen = new ArrayList<>();
        for (Operatie operatie : Operatie.values()) {
            if (operatie.perBerichttype()) {
                for (Berichttype type : Berichttype.values()) {
                    adressen.add(operatie.code() + " " + type.code());
                }
            } else {
                adressen.add(operatie.code());
            }
        }
        assertThat(TABEL.keySet()).containsExactlyInAnyOrderElementsOf(adressen);
        assertThat(KOLOMMEN).containsExactlyInAnyOrder(Rol.values());
    }

    @ParameterizedTest
    @EnumSource(Operatie.class)
    void askingForACellWithOrWithoutATypeAgainstItsKindIsAProgrammingError(Operatie operatie) {
        if (operatie.perBerichttype()) {
            assertThatThrownBy(() -> Autorisatie.reikwijdte(Rol.COA, operatie)).isInstanceOf(IllegalArgumentException.class);
        } else {
            assertThatThrownBy(() -> Autorisatie.reikwijdte(Rol.COA, operatie, Berichttype.SCREENING))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(Berichttype.class)
    void nobodyButAGemeenteAndTvsEverGetsAPayloadAndNoAdminRoleDoes(Berichttype type) {
        for (Rol rol : Set.of(Rol.COA, Rol.DUO, Rol.BEHEERDER, Rol.OPERATOR, Rol.AUDITOR)) {
            assertThat(Autorisatie.reikwijdte(rol, Operatie.INHOUD_LEZEN, type)).as(rol + " " + type).isEqualTo(Reikwijdte.GEEN);
        }
        // TVS shows a gemeente's staff what that gemeente receives about a person: exactly the gemeente's personal
        // types, never more; a gemeente's own quarterly figures (no person) are for that gemeente alone.
        assertThat(Autorisatie.reikwijdte(Rol.TVS, Operatie.INHOUD_LEZEN, type)).as("TVS " + type)
                .isEqualTo(type.persoonsgebonden()
                        ? Autorisatie.reikwijdte(Rol.GEMEENTE, Operatie.INHOUD_LEZEN, type) : Reikwijdte.GEEN);
    }

    @ParameterizedTest
    @EnumSource(Berichttype.class)
    void theNoticesOnlyKoppelpuntSendsCannotBeSentByAnyone(Berichttype type) {
        assertThat(Autorisatie.rollen(Operatie.VERSTUREN, type).isEmpty()).isEqualTo(!type.inkomend());
    }

    @Test
    void theOldRoleCodeBeheerStillMeansBeheerder() {
        assertThat(Rol.fromCode("beheer")).isEqualTo(Rol.BEHEERDER);
        assertThat(Rol.fromCode("auditor")).isEqualTo(Rol.AUDITOR);
        assertThatThrownBy(() -> Rol.fromCode("admin")).hasMessageContaining("beheerder, operator, auditor");
    }

    private static Reikwijdte verwacht(String adres, Rol rol) {
        Map<Rol, Reikwijdte> rij = TABEL.get(adres);
        assertThat(rij).as("row '" + adres + "' in the expected table").isNotNull();
        return rij.get(rol);
    }

    private static Map<String, Map<Rol, Reikwijdte>> lees(String tabel) {
        Map<String, Map<Rol, Reikwijdte>> rijen = new HashMap<>();
        for (String regel : tabel.strip().split("\n")) {
            String[] woorden = regel.trim().split("\\s+");
            int kolommen = KOLOMMEN.size();
            String adres = String.join(" ", List.of(woorden).subList(0, woorden.length - kolommen));
            Map<Rol, Reikwijdte> rij = new EnumMap<>(Rol.class);
            for (int i = 0; i < kolommen; i++) {
                String waarde = woorden[woorden.length - kolommen + i];
                rij.put(KOLOMMEN.get(i), "-".equals(waarde) ? Reikwijdte.GEEN : Reikwijdte.valueOf(waarde.toUpperCase()));
            }
            if (rijen.put(adres, rij) != null) {
                throw new IllegalStateException("row '" + adres + "' twice in the expected table");
            }
        }
        return rijen;
    }
}
