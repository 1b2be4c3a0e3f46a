package nl.koppelpunt.connectors.autorisatie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import nl.koppelpunt.connectors.intake.IntakeException;
import nl.koppelpunt.connectors.intake.Probleem;
import nl.koppelpunt.connectors.partner.Partner;
import nl.koppelpunt.connectors.partner.Rol;
import nl.koppelpunt.schemas.Berichttype;

/**
 * The cells with reikwijdte {@code eigen} applied to concrete partners and owners: a partner's own messages, a
 * gemeente's own deliveries and figures, never another's (cross-gemeente), and {@code alle} for everyone's.
 */
class EigenaarTest {

    private static final Map<String, Partner> PARTNERS = Map.of(
            "coa", partner("coa", Rol.COA, null, Set.of(Berichttype.values())),
            "tvs", partner("tvs", Rol.TVS, null, Set.of(Berichttype.KOPPELING)),
            "duo", partner("duo", Rol.DUO, null, Set.of()),
            "utrecht", partner("gemeente-utrecht", Rol.GEMEENTE, "GM0344", Set.of()),
            "amsterdam", partner("gemeente-amsterdam", Rol.GEMEENTE, "GM0363", Set.of()),
            "beheer", partner("beheer", Rol.BEHEERDER, null, Set.of()),
            "operator", partner("operator", Rol.OPERATOR, null, Set.of()),
            "auditor", partner("auditor", Rol.AUDITOR, null, Set.of()));

    @ParameterizedTest(name = "{0} reads status of a message sent by {1}: {2}")
    @CsvSource({
            "coa, coa, true", "coa, tvs, false",
            "tvs, tvs, true", "tvs, coa, false",
            "duo, coa, false",
            "utrecht, coa, false", "utrecht, gemeente-utrecht, true",
            "beheer, coa, true", "beheer, tvs, true",
            "operator, coa, true",
            "auditor, coa, false", "auditor, auditor, false"})
    void statusOfAMessageOnlyForItsSenderAndTheAdministrators(String wie, String afzender, boolean mag) {
        assertThat(Autorisatie.mag(PARTNERS.get(wie), Operatie.STATUS_LEZEN, Eigenaar.partner(afzender))).isEqualTo(mag);
    }

    @ParameterizedTest(name = "{0} reads deliveries to {1}: {2}")
    @CsvSource({
            "utrecht, GM0344, true", "utrecht, GM0363, false",
            "amsterdam, GM0363, true", "amsterdam, GM0344, false",
            "coa, GM0344, false", "tvs, GM0344, false", "duo, GM0344, false",
            "beheer, GM0344, true", "operator, GM0363, true", "auditor, GM0344, false"})
    void deliveriesOnlyToTheOwnGemeente(String wie, String gemeente, boolean mag) {
        assertThat(Autorisatie.mag(PARTNERS.get(wie), Operatie.BEZORGING_LEZEN, Eigenaar.gemeente(gemeente))).isEqualTo(mag);
    }

    @ParameterizedTest(name = "{0} reads inburgering results of {1}: {2}")
    @CsvSource({
            "utrecht, GM0344, true", "utrecht, GM0363, false",
            "amsterdam, GM0363, true", "amsterdam, GM0344, false",
            "duo, GM0344, true", "duo, GM0363, true",
            "coa, GM0344, false", "tvs, GM0344, false",
            "beheer, GM0344, true", "operator, GM0344, false", "auditor, GM0344, false"})
    void inburgeringResultsOfTheOwnGemeenteOrAllForDuoAndBeheer(String wie, String gemeente, boolean mag) {
        assertThat(Autorisatie.mag(PARTNERS.get(wie), Operatie.INBURGERINGSRESULTATEN_LEZEN, Eigenaar.gemeente(gemeente)))
                .isEqualTo(mag);
    }

    @ParameterizedTest(name = "{0} reads regional figures: {1}")
    @CsvSource({"coa, true", "tvs, true", "duo, true", "utrecht, true", "beheer, false", "operator, false", "auditor, false"})
    void regionalFiguresForEveryPartnerOrganisation(String wie, boolean mag) {
        // Aggregated figures have no owner to narrow to; any owner given does not change the answer.
        assertThat(Autorisatie.mag(PARTNERS.get(wie), Operatie.REGIOSTATISTIEK_LEZEN, Eigenaar.gemeente("GM0344"))).isEqualTo(mag);
        assertThat(Autorisatie.mag(PARTNERS.get(wie), Operatie.REGIOSTATISTIEK_LEZEN, Eigenaar.gemeente("GM0363"))).isEqualTo(mag);
    }

    @ParameterizedTest(name = "{0} gets the content of a {1} for {2}: {3}")
    @CsvSource({
            "utrecht, klantprofiel, GM0344, true", "utrecht, klantprofiel, GM0363, false",
            "utrecht, koppeling, GM0344, false", "amsterdam, screening, GM0363, true",
            "beheer, klantprofiel, GM0344, false", "operator, screening, GM0344, false",
            "auditor, klantprofiel, GM0344, false", "coa, klantprofiel, GM0344, false"})
    void contentOnlyToTheOwnGemeente(String wie, String type, String gemeente, boolean mag) {
        assertThat(Autorisatie.mag(PARTNERS.get(wie), Operatie.INHOUD_LEZEN, Berichttype.fromCode(type).orElseThrow(),
                Eigenaar.gemeente(gemeente))).isEqualTo(mag);
    }

    @Test
    void aPartnerWithoutAGemeenteOwnsNoGemeentesThings() {
        assertThat(Eigenaar.gemeente("GM0344").is(PARTNERS.get("coa"))).isFalse();
        assertThat(Eigenaar.partner("gemeente-utrecht").is(PARTNERS.get("utrecht"))).isTrue();
        assertThat(Eigenaar.gemeente("GM0344").is(PARTNERS.get("utrecht"))).isTrue();
    }

    @Test
    void sendingNeedsTheRoleAndTheOwnConfiguration() {
        Partner smalleCoa = partner("coa-smal", Rol.COA, null, Set.of(Berichttype.SCREENING));
        assertThat(Autorisatie.magVersturen(smalleCoa, Berichttype.SCREENING)).isTrue();
        assertThat(Autorisatie.magVersturen(smalleCoa, Berichttype.KLANTPROFIEL)).as("role allows, configuration not").isFalse();
        // A configuration claiming more than the role (the loader refuses such a file) still gets no more.
        Partner ruimeTvs = partner("tvs-ruim", Rol.TVS, null, Set.of(Berichttype.KLANTPROFIEL, Berichttype.KOPPELING));
        assertThat(Autorisatie.magVersturen(ruimeTvs, Berichttype.KLANTPROFIEL)).isFalse();
        assertThat(Autorisatie.magVersturen(ruimeTvs, Berichttype.KOPPELING)).isTrue();
    }

    @Test
    void entryPointsRefuseByRoleWith403AndNeedAlleWhereTheyCannotNarrow() {
        Toegang.vereis(PARTNERS.get("coa"), Operatie.STATUS_LEZEN);
        Toegang.vereisAlle(PARTNERS.get("operator"), Operatie.HERHALEN);
        assertThatThrownBy(() -> Toegang.vereis(PARTNERS.get("auditor"), Operatie.STATUS_LEZEN))
                .isInstanceOfSatisfying(IntakeException.class, e -> assertThat(e.probleem()).isEqualTo(Probleem.NIET_TOEGESTAAN))
                .hasMessageContaining("status-lezen");
        assertThatThrownBy(() -> Toegang.vereisAlle(PARTNERS.get("utrecht"), Operatie.BEZORGING_LEZEN))
                .isInstanceOf(IntakeException.class).hasMessageContaining("voor alle partijen");
        assertThatThrownBy(() -> Toegang.vereisAlle(PARTNERS.get("operator"), Operatie.PARTNERS_HERLADEN))
                .isInstanceOf(IntakeException.class);
    }

    private static Partner partner(String id, Rol rol, String gemeentecode, Set<Berichttype> types) {
        return new Partner(id, id, "000000990000000" + String.format("%05d", Math.abs(id.hashCode()) % 100000), rol,
                gemeentecode, types);
    }
}
