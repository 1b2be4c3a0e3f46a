package nl.koppelpunt.hub.regels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import nl.koppelpunt.hub.regels.RegelsPropertiesTest.Simulatie;
import nl.koppelpunt.hub.regels.RegelsPropertiesTest.Stap;

/**
 * Erasure in the rules (issue 5, item 6), on the in-memory state: a withdrawal deletes the payloads that waited for
 * that gemeente, an expired parking deletes its payload, and an erased message is never routed again.
 */
class InhoudWissenTest {

    private final Simulatie sim = new Simulatie();

    @Test
    void aWithdrawalErasesTheParkedProfileAndANewConsentDoesNotBringItBack() {
        sim.voerUit(new Stap.Koppel("p1", "GM0344"));
        UUID profiel = profiel("p1", 1);
        assertThat(sim.opslag.isGeparkeerd(profiel)).isTrue();

        sim.voerUit(new Stap.Toestemming("p1", "GM0344", false));

        assertThat(sim.opslag.gewist).containsExactly(profiel);
        assertThat(sim.opslag.gebeurtenissen.get(profiel)).contains("inhoud-verwijderd:toestemming ingetrokken");
        sim.voerUit(new Stap.Toestemming("p1", "GM0344", true));
        assertThat(sim.gepland()).as("an erased profile is not sent after a new consent")
                .extracting(Bezorging::berichtId).doesNotContain(profiel);
    }

    @Test
    void aWithdrawalErasesTheProfileOnItsWayToBothDepartmentsAndTvs() {
        sim.voerUit(new Stap.Koppel("p1", "GM0344"));
        sim.voerUit(new Stap.Toestemming("p1", "GM0344", true));
        UUID profiel = profiel("p1", 1);
        assertThat(sim.opslag.bezorgingenVan(profiel)).extracting(Bezorging::abonnementId).containsExactlyInAnyOrder(
                "gemeente-utrecht.werk-en-inkomen", "gemeente-utrecht.huisvesting", "tvs.schermen");

        sim.voerUit(new Stap.Toestemming("p1", "GM0344", false));

        assertThat(sim.opslag.bezorgingenVan(profiel)).allMatch(z -> z.status() == Bezorging.Status.VERVALLEN);
        assertThat(sim.opslag.gewist).containsExactly(profiel);
        assertThat(sim.gepland()).extracting(Bezorging::type).containsOnly(nl.koppelpunt.schemas.Berichttype.INTREKKING);
    }

    @Test
    void aProfileWithAFailedDeliveryKeepsItsPayloadForTheReplayThatDropsIt() {
        sim.voerUit(new Stap.Koppel("p1", "GM0344"));
        sim.voerUit(new Stap.Toestemming("p1", "GM0344", true));
        UUID profiel = profiel("p1", 1);
        Bezorging eerste = sim.opslag.bezorgingenVan(profiel).get(0);
        sim.motor.mislukt(eerste.id(), "HTTP 400");

        sim.voerUit(new Stap.Toestemming("p1", "GM0344", false));

        assertThat(sim.opslag.gewist).isEmpty();
        sim.motor.herhaal(profiel);
        assertThat(sim.motor.mag(eerste.id())).contains(Vervalreden.TOESTEMMING_INGETROKKEN);
    }

    @Test
    void anExpiredParkingErasesItsPayload() {
        UUID profiel = profiel("p1", 1);
        sim.voerUit(new Stap.Verloop());
        assertThat(sim.opslag.gewist).containsExactly(profiel);
        assertThat(sim.opslag.gebeurtenissen.get(profiel)).contains("inhoud-verwijderd:" + Vervalreden.BEWAARTERMIJN);
    }

    @Test
    void aScreeningIsNotErasedByAWithdrawal() {
        sim.voerUit(new Stap.Koppel("p1", "GM0599")); // not onboarded: the screening waits
        sim.voerUit(new Stap.Screening("p1"));
        sim.voerUit(new Stap.Toestemming("p1", "GM0599", false));
        assertThat(sim.opslag.gewist).isEmpty();
    }

    private UUID profiel(String p, int versie) {
        sim.voerUit(new Stap.Profiel(p, versie));
        List<UUID> ids = List.copyOf(sim.opslag.berichten.keySet());
        return ids.get(ids.size() - 1);
    }
}
