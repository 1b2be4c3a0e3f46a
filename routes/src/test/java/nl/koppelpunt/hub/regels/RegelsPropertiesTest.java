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
 * <li>every delivered klantprofiel had a koppeling to that gemeente and a valid consent at the moment of delivery
 * (every delivered screening a koppeling);</li>
 * <li>no subscription receives an older profile version after a newer one;</li>
 * <li>no message is delivered after its payload was deleted (withdrawal, expiry);</li>
 * <li>in the end every message is delivered, parked, dropped with a reason, or failed (dead-lettered).</li>
 * </ul>
 */
class RegelsPropertiesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> PERSONEN = List.of("p1", "p2");
    private static final List<String> GEMEENTEN = List.of("GM0344", "GM0363", "GM0599"); // GM0599 is not onboarded
    private static final Set<Berichttype> ALLES = EnumSet.of(Berichttype.SCREENING, Berichttype.KLANTPROFIEL,
            Berichttype.INTREKKING, Berichttype.ONTKOPPELING);
    private static final PartnerCatalog PARTNERS = new PartnerCatalog(List.of(
            gemeente("gemeente-utrecht", "GM0344", Afdeling.WERK_EN_INKOMEN, Afdeling.HUISVESTING),
            gemeente("gemeente-amsterdam", "GM0363", Afdeling.WERK_EN_INKOMEN)));

    /** One event or action in a scenario. */
    sealed interface Stap {
        record Koppel(String p, String g) implements Stap { }
        record Ontkoppel(String p, String g) implements Stap { }
        record Toestemming(String p, String g, boolean gegeven) implements Stap { }
        record Profiel(String p, int versie) implements Stap { }
        record Screening(String p) implements Stap { }
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
        });
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
                net.jqwik.api.Tuple.of(6, keuze.map(Stap.Bezorg::new)),
                net.jqwik.api.Tuple.of(1, keuze.map(Stap.Faal::new)),
                net.jqwik.api.Tuple.of(1, keuze.map(Stap.Herhaal::new)),
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
            } else if (stap instanceof Stap.Bezorg b) {
                kies(b.keuze()).ifPresent(this::bezorg);
            } else if (stap instanceof Stap.Faal f) {
                kies(f.keuze()).ifPresent(z -> motor.mislukt(z.id(), "HTTP 500"));
            } else if (stap instanceof Stap.Herhaal h) {
                List<UUID> ids = new ArrayList<>(opslag.berichten.keySet());
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
            if (!z.isKennisgeving()) {
                assertThat(koppeling.get(z.onderwerpPseudoniem())).as("koppeling at delivery of %s", z).isEqualTo(z.gemeentecode());
            }
            if (z.type() == Berichttype.KLANTPROFIEL) {
                assertThat(toestemming.get(z.onderwerpPseudoniem() + "/" + z.gemeentecode())).as("consent at delivery of %s", z).isTrue();
                String sleutel = z.onderwerpPseudoniem() + "/" + z.abonnementId();
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
            abonnementen.add(new Abonnement(id + "." + afdeling.code(), id, code, afdeling, ALLES, "rest",
                    URI.create("http://localhost/" + id), afdeling.standaardSecties()));
        }
        return new Partner(id, id, "0000009900000000" + code.substring(2), Rol.GEMEENTE, code, Set.of(), abonnementen);
    }
}
