package nl.koppelpunt.hub.regels;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import nl.koppelpunt.connectors.bericht.BerichtStatus;
import nl.koppelpunt.connectors.partner.Abonnement;
import nl.koppelpunt.connectors.partner.Afdeling;
import nl.koppelpunt.connectors.partner.Partner;
import nl.koppelpunt.connectors.partner.PartnerCatalog;
import nl.koppelpunt.connectors.partner.PartnerRegister;
import nl.koppelpunt.connectors.partner.Rol;
import nl.koppelpunt.schemas.Berichttype;

/**
 * The rules under random interleavings of koppelingen, ontkoppelingen, consents, withdrawals, profile versions,
 * screenings, delivery attempts, failures, replays and expiry — run by the real {@link RegelMotor} on an in-memory
 * state, and checked against a model that knows only the events:
 * <ul>
 * <li>every delivered klantprofiel and DUO inburgeringsstatus had a koppeling to that gemeente and a valid consent for
 * it at the moment of delivery (every delivered screening a koppeling) — at the gemeente's own subscriptions and at
 * TVS's, where "that gemeente" is the gemeente the delivery names: TVS shows it to that gemeente's staff;</li>
 * <li>TVS receives only on behalf of onboarded gemeenten, and every intrekking and ontkoppeling reaches TVS too;</li>
 * <li>no subscription receives an older profile version after a newer one (TVS: per gemeente);</li>
 * <li>no message is delivered after its payload was deleted (withdrawal, expiry);</li>
 * <li>in the end every message is delivered, parked, dropped with a reason, or failed (dead-lettered).</li>
 * </ul>
 */
class RegelsPropertiesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> PERSONEN = List.of("p1", "p2");
    private static final List<String> GEMEENTEN = List.of("GM0344", "GM0363", "GM0599"); // GM0599 is not onboarded
    private static final Set<String> AANGESLOTEN = Set.of("GM0344", "GM0363");
    private static final Set<Berichttype> ALLES = EnumSet.of(Berichttype.SCREENING, Berichttype.KLANTPROFIEL,
            Berichttype.INTREKKING, Berichttype.ONTKOPPELING);
    /** Werk & inkomen sees the inburgering section, so it takes DUO's status too; huisvesting does not. */
    private static final Set<Berichttype> MET_DUO = EnumSet.of(Berichttype.SCREENING, Berichttype.KLANTPROFIEL,
            Berichttype.DUO_INBURGERINGSSTATUS, Berichttype.INTREKKING, Berichttype.ONTKOPPELING);
    /** The model's own list of what needs consent (rule 2), written out rather than taken from the engine. */
    private static final Set<Berichttype> MET_TOESTEMMING = EnumSet.of(Berichttype.KLANTPROFIEL, Berichttype.DUO_INBURGERINGSSTATUS);
    private static final String TVS = "tvs.schermen";
    private static final PartnerCatalog PARTNERS = new PartnerCatalog(List.of(
            gemeente("gemeente-utrecht", "GM0344", Afdeling.WERK_EN_INKOMEN, Afdeling.HUISVESTING),
            gemeente("gemeente-amsterdam", "GM0363", Afdeling.WERK_EN_INKOMEN),
            tvs()));

    /** One event or action in a scenario. */
    sealed interface Stap {
        record Koppel(String p, String g) implements Stap { }
        record Ontkoppel(String p, String g) implements Stap { }
        record Toestemming(String p, String g, boolean gegeven) implements Stap { }
        record Profiel(String p, int versie) implements Stap { }
        record Screening(String p) implements Stap { }
        record DuoStatus(String p) implements Stap { }
        record Bezorg(int keuze) implements Stap { }
        record Faal(int keuze) implements Stap { }
        record Herhaal(int keuze) implements Stap { }
        record Verloop() implements Stap { }
    }

    @Property(tries = 10_000)
    void deliveriesObeyKoppelingConsentAndVersionOrderAndNothingIsLost(@ForAll("scenarios") @Size(max = 40) List<Stap> stappen) {
        Simulatie sim = new Simulatie();
        stappen.forEach(sim::voerUit);
        for (int ronde = 0; ronde < 200 && !sim.gepland().isEmpty(); ronde++) {
            sim.voerUit(new Stap.Bezorg(0));
        }
        assertThat(sim.gepland()).as("nothing stays under way").isEmpty();
        sim.opslag.berichten.keySet().forEach(id -> {
            BerichtStatus status = sim.opslag.statussen.get(id);
            assertThat(status).as("status of %s", sim.opslag.berichten.get(id)).isNotEqualTo(BerichtStatus.ONTVANGEN);
            if (status == BerichtStatus.VERVALLEN) {
                assertThat(sim.opslag.gebeurtenissen.getOrDefault(id, List.of()))
                        .as("a dropped message has its reason").anyMatch(e -> e.startsWith("vervallen:") && !e.endsWith(":null"));
            }
            BerichtRef bericht = sim.opslag.berichten.get(id);
            if (bericht.type() == Berichttype.INTREKKING || bericht.type() == Berichttype.ONTKOPPELING) {
                List<Bezorging> bezorgingen = sim.opslag.bezorgingenVan(id);
                assertThat(bezorgingen).as("a notice reaches TVS too: %s", bericht).anyMatch(z -> z.abonnementId().equals(TVS));
                assertThat(bezorgingen).as("TVS gets the notice for the gemeente it is about").allMatch(z ->
                        z.gemeentecode().equals(bezorgingen.get(0).gemeentecode()));
            }
        });
    }

    /**
     * The path that only the check at the moment of delivery guards: a failed delivery to TVS outlives a withdrawal
     * (a withdrawal drops what is planned, not what failed) and is replayed afterwards.
     */
    @net.jqwik.api.Example
    void aFailedTvsDeliveryReplayedAfterAWithdrawalIsNotDelivered() {
        Simulatie sim = new Simulatie();
        sim.voerUit(new Stap.Koppel("p1", "GM0344"));
        sim.voerUit(new Stap.Toestemming("p1", "GM0344", true));
        sim.voerUit(new Stap.Profiel("p1", 1));
        Bezorging naarTvs = sim.gepland().stream().filter(z -> z.abonnementId().equals(TVS)).findFirst().orElseThrow();
        sim.motor.mislukt(naarTvs.id(), "HTTP 503");
        sim.voerUit(new Stap.Toestemming("p1", "GM0344", false));
        sim.motor.herhaal(naarTvs.berichtId());
        for (int i = 0; i < 20 && !sim.gepland().isEmpty(); i++) {
            sim.voerUit(new Stap.Bezorg(0));
        }
        assertThat(sim.opslag.bezorging(naarTvs.id()).orElseThrow().status()).isNotEqualTo(Bezorging.Status.BEZORGD);
    }

    @Provide
    Arbitrary<List<Stap>> scenarios() {
        Arbitrary<String> p = Arbitraries.of(PERSONEN);
        Arbitrary<String> g = Arbitraries.of(GEMEENTEN);
        Arbitrary<Integer> keuze = Arbitraries.integers().between(0, 50);
        Arbitrary<Stap> stap = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, net.jqwik.api.Combinators.combine(p, g).as(Stap.Koppel::new)),
                net.jqwik.api.Tuple.of(1, net.jqwik.api.Combinators.combine(p, g).as(Stap.Ontkoppel::new)),
                net.jqwik.api.Tuple.of(3, net.jqwik.api.Combinators.combine(p, g, Arbitraries.of(true, true, false)).as(Stap.Toestemming::new)),
                net.jqwik.api.Tuple.of(4, net.jqwik.api.Combinators.combine(p, Arbitraries.integers().between(1, 6)).as(Stap.Profiel::new)),
                net.jqwik.api.Tuple.of(2, p.map(Stap.Screening::new)),
                net.jqwik.api.Tuple.of(2, p.map(Stap.DuoStatus::new)),
                net.jqwik.api.Tuple.of(6, keuze.map(Stap.Bezorg::new)),
                net.jqwik.api.Tuple.of(2, keuze.map(Stap.Faal::new)),
                net.jqwik.api.Tuple.of(2, keuze.map(Stap.Herhaal::new)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new Stap.Verloop())));
        return stap.list();
    }

    /** The engine on in-memory state, plus the model the invariants are checked against. */
    static final class Simulatie {
        final GeheugenOpslag opslag = new GeheugenOpslag();
        final Clock clock = Clock.fixed(java.time.Instant.parse("2026-11-29T10:00:00Z"), ZoneId.of("Europe/Amsterdam"));
        final RegelMotor motor = new RegelMotor(opslag, new PartnerRegister(() -> PARTNERS), clock);
        final Map<String, String> koppeling = new HashMap<>();
        final Map<String, Boolean> toestemming = new HashMap<>();
        final Map<String, Integer> hoogsteBezorgd = new HashMap<>();

        void voerUit(Stap stap) {
            if (stap instanceof Stap.Koppel k) {
                verwerk(Berichttype.KOPPELING, k.p(), null, koppelingJson(k.p(), k.g(), "koppeling"));
                koppeling.put(k.p(), k.g());
            } else if (stap instanceof Stap.Ontkoppel o) {
                verwerk(Berichttype.KOPPELING, o.p(), null, koppelingJson(o.p(), o.g(), "ontkoppeling"));
                koppeling.remove(o.p(), o.g());
            } else if (stap instanceof Stap.Toestemming t) {
                verwerk(Berichttype.TOESTEMMING, t.p(), null, toestemmingJson(t.g(), t.gegeven()));
                toestemming.put(t.p() + "/" + t.g(), t.gegeven());
            } else if (stap instanceof Stap.Profiel pr) {
                verwerk(Berichttype.KLANTPROFIEL, pr.p(), pr.versie(), JSON.createObjectNode());
            } else if (stap instanceof Stap.Screening s) {
                verwerk(Berichttype.SCREENING, s.p(), null, JSON.createObjectNode());
            } else if (stap instanceof Stap.DuoStatus d) {
                verwerk(Berichttype.DUO_INBURGERINGSSTATUS, d.p(), null, JSON.createObjectNode());
            } else if (stap instanceof Stap.Bezorg b) {
                kies(b.keuze()).ifPresent(this::bezorg);
            } else if (stap instanceof Stap.Faal f) {
                kies(f.keuze()).ifPresent(z -> motor.mislukt(z.id(), "HTTP 500"));
            } else if (stap instanceof Stap.Herhaal h) {
                // Administrators replay what is parked or failed; only when nothing is, any message (a no-op replay).
                List<UUID> ids = opslag.berichten.keySet().stream().filter(id -> opslag.isGeparkeerd(id)
                        || opslag.bezorgingenVan(id).stream().anyMatch(z -> z.status() == Bezorging.Status.MISLUKT)).toList();
                ids = ids.isEmpty() ? new ArrayList<>(opslag.berichten.keySet()) : ids;
                if (!ids.isEmpty()) {
                    motor.herhaal(ids.get(h.keuze() % ids.size()));
                }
            } else if (stap instanceof Stap.Verloop) {
                motor.ruimOp();
            }
        }

        private void bezorg(Bezorging z) {
            if (motor.mag(z.id()).isPresent()) {
                return;
            }
            assertThat(opslag.gewist).as("a delivery of a message whose payload was deleted: %s", z).doesNotContain(z.berichtId());
            if (z.abonnementId().equals(TVS)) {
                assertThat(AANGESLOTEN).as("TVS receives only on behalf of an onboarded gemeente: %s", z).contains(z.gemeentecode());
            }
            if (!z.isKennisgeving()) {
                assertThat(koppeling.get(z.onderwerpPseudoniem())).as("koppeling at delivery of %s", z).isEqualTo(z.gemeentecode());
            }
            if (MET_TOESTEMMING.contains(z.type())) {
                assertThat(toestemming.get(z.onderwerpPseudoniem() + "/" + z.gemeentecode())).as("consent at delivery of %s", z).isTrue();
            }
            if (z.type() == Berichttype.KLANTPROFIEL) {
                String sleutel = z.onderwerpPseudoniem() + "/" + z.abonnementId() + "/" + z.gemeentecode();
                assertThat(z.profielversie()).as("version order for %s", sleutel).isGreaterThan(hoogsteBezorgd.getOrDefault(sleutel, 0));
                hoogsteBezorgd.put(sleutel, z.profielversie());
            }
            motor.bezorgd(z.id());
        }

        List<Bezorging> gepland() {
            return opslag.bezorgingen.values().stream().filter(z -> z.status() == Bezorging.Status.GEPLAND).toList();
        }

        private Optional<Bezorging> kies(int keuze) {
            List<Bezorging> gepland = gepland();
            return gepland.isEmpty() ? Optional.empty() : Optional.of(gepland.get(keuze % gepland.size()));
        }

        private void verwerk(Berichttype type, String p, Integer versie, ObjectNode inhoud) {
            BerichtRef bericht = opslag.ontvang(type, p, versie);
            motor.verwerk(bericht.id(), inhoud);
        }

        private static ObjectNode koppelingJson(String p, String g, String soort) {
            return JSON.createObjectNode().put("burgerservicenummer", "x").put("soort", soort).put("gemeentecode", g)
                    .put("datum", LocalDate.of(2026, 1, 1).toString());
        }

        private static ObjectNode toestemmingJson(String g, boolean gegeven) {
            return JSON.createObjectNode().put("burgerservicenummer", "x").put("gemeentecode", g)
                    .put("doel", "overdracht-klantprofiel").put("status", gegeven ? "gegeven" : "ingetrokken")
                    .put("datum", LocalDate.of(2026, 1, 1).toString());
        }
    }

    private static Partner gemeente(String id, String code, Afdeling... afdelingen) {
        List<Abonnement> abonnementen = new ArrayList<>();
        for (Afdeling afdeling : afdelingen) {
            abonnementen.add(new Abonnement(id + "." + afdeling.code(), id, code, afdeling,
                    afdeling == Afdeling.WERK_EN_INKOMEN ? MET_DUO : ALLES, "rest",
                    URI.create("http://localhost/" + id), afdeling.standaardSecties()));
        }
        return new Partner(id, id, "0000009900000000" + code.substring(2), Rol.GEMEENTE, code, Set.of(), abonnementen);
    }

    /** TVS: one subscription without gemeente, for every onboarded gemeente. */
    private static Partner tvs() {
        Abonnement schermen = new Abonnement(TVS, "tvs", null, null, MET_DUO, "rest", URI.create("http://localhost/tvs"),
                Afdeling.WERK_EN_INKOMEN.standaardSecties());
        return new Partner("tvs", "tvs", "00000099000000000002", Rol.TVS, null, Set.of(Berichttype.KOPPELING), List.of(schermen));
    }
}
