package nl.koppelpunt.hub.regels;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import nl.koppelpunt.connectors.bericht.BerichtStatus;
import nl.koppelpunt.connectors.partner.Abonnement;
import nl.koppelpunt.schemas.Berichttype;

/**
 * The rules' state in memory, with the same semantics as the PostgreSQL implementation, so the property test can run
 * the real {@link RegelMotor} through thousands of interleavings in seconds.
 */
final class GeheugenOpslag implements HubOpslag {

    record Parkering(UUID berichtId, Parkeerreden reden, String gemeentecode, String pseudoniem) {
    }

    final Map<UUID, BerichtRef> berichten = new LinkedHashMap<>();
    final Map<UUID, BerichtStatus> statussen = new HashMap<>();
    final Map<UUID, List<String>> gebeurtenissen = new HashMap<>();
    final Map<String, Koppelingstand> koppelingen = new HashMap<>();
    final Map<String, Toestemmingstand> toestemmingen = new HashMap<>();
    final List<Parkering> parkeerplaats = new ArrayList<>();
    final Map<UUID, Bezorging> bezorgingen = new LinkedHashMap<>();
    final Map<UUID, String> bezorgredenen = new HashMap<>();
    final java.util.Set<UUID> opgeruimd = new java.util.HashSet<>();
    /** Messages whose payload was deleted. */
    final java.util.Set<UUID> gewist = new java.util.HashSet<>();
    private long volgnummer;

    BerichtRef ontvang(Berichttype type, String pseudoniem, Integer versie) {
        BerichtRef ref = new BerichtRef(UUID.randomUUID(), type, pseudoniem, versie, ++volgnummer);
        berichten.put(ref.id(), ref);
        statussen.put(ref.id(), BerichtStatus.ONTVANGEN);
        return ref;
    }

    @Override public Optional<BerichtRef> bericht(UUID id) { return Optional.ofNullable(berichten.get(id)); }

    @Override public List<BerichtRef> berichtenVan(String pseudoniem, Berichttype type) {
        return berichten.values().stream().filter(b -> b.onderwerpPseudoniem().equals(pseudoniem) && b.type() == type
                && !opgeruimd.contains(b.id())).toList();
    }

    @Override public void ruimOp(UUID berichtId) { opgeruimd.add(berichtId); }

    @Override public boolean wisInhoud(UUID berichtId) {
        boolean wacht = isGeparkeerd(berichtId) || bezorgingenVan(berichtId).stream()
                .anyMatch(z -> z.status() == Bezorging.Status.GEPLAND || z.status() == Bezorging.Status.MISLUKT);
        if (wacht || gewist.contains(berichtId)) {
            return false;
        }
        gewist.add(berichtId);
        opgeruimd.add(berichtId);
        return true;
    }

    @Override public BerichtRef kennisgeving(Berichttype type, String pseudoniem, byte[] inhoud) { return ontvang(type, pseudoniem, null); }

    @Override public void berichtStatus(UUID id, BerichtStatus status, String toelichting) {
        if (statussen.put(id, status) != status) {
            gebeurtenis(id, status.code(), toelichting);
        }
    }

    @Override public void vergrendel(UUID berichtId) { }

    @Override public void gebeurtenis(UUID berichtId, String soort, String toelichting) {
        gebeurtenissen.computeIfAbsent(berichtId, id -> new ArrayList<>()).add(soort + ":" + toelichting);
    }

    @Override public Optional<Koppelingstand> actieveKoppeling(String pseudoniem) { return Optional.ofNullable(koppelingen.get(pseudoniem)); }
    @Override public void beginKoppeling(String pseudoniem, Koppelingstand k, UUID berichtId) { koppelingen.put(pseudoniem, k); }
    @Override public void beeindigKoppeling(String pseudoniem, LocalDate einddatum, UUID berichtId) { koppelingen.remove(pseudoniem); }

    @Override public Optional<Toestemmingstand> toestemming(String pseudoniem, String gemeentecode) {
        return Optional.ofNullable(toestemmingen.get(pseudoniem + "/" + gemeentecode));
    }

    @Override public void zetToestemming(String pseudoniem, Toestemmingstand t, UUID berichtId) {
        toestemmingen.put(pseudoniem + "/" + t.gemeentecode(), t);
    }

    @Override public void parkeer(BerichtRef b, Parkeerreden reden, String gemeentecode) {
        String g = gemeentecode == null ? "" : gemeentecode;
        parkeerplaats.removeIf(p -> p.berichtId().equals(b.id()) && p.gemeentecode().equals(g));
        parkeerplaats.add(new Parkering(b.id(), reden, g, b.onderwerpPseudoniem()));
    }

    @Override public List<UUID> ontparkeer(String pseudoniem, Parkeerreden reden, String gemeentecode) {
        return verwijder(p -> p.pseudoniem().equals(pseudoniem) && p.reden() == reden
                && (gemeentecode == null || p.gemeentecode().equals(gemeentecode)));
    }

    @Override public List<UUID> ontparkeerGemeente(Parkeerreden reden, String gemeentecode) {
        return verwijder(p -> p.reden() == reden && p.gemeentecode().equals(gemeentecode));
    }

    @Override public List<UUID> ontparkeerBericht(UUID berichtId) { return verwijder(p -> p.berichtId().equals(berichtId)); }

    private List<UUID> verwijder(java.util.function.Predicate<Parkering> welke) {
        List<UUID> ids = parkeerplaats.stream().filter(welke).map(Parkering::berichtId).toList();
        parkeerplaats.removeIf(welke);
        return ids;
    }

    @Override public boolean isGeparkeerd(UUID berichtId) { return parkeerplaats.stream().anyMatch(p -> p.berichtId().equals(berichtId)); }
    @Override public List<UUID> verlopenParkeringen(Instant nu) { return parkeerplaats.stream().map(Parkering::berichtId).distinct().toList(); }

    @Override public Optional<Bezorging> bezorging(UUID id) { return Optional.ofNullable(bezorgingen.get(id)); }

    @Override public Optional<Bezorging> planBezorging(BerichtRef b, Abonnement a, String gemeentecode) {
        Optional<Bezorging> bestaand = bezorgingen.values().stream()
                .filter(z -> z.berichtId().equals(b.id()) && z.abonnementId().equals(a.id())
                        && z.gemeentecode().equals(gemeentecode)).findFirst();
        if (bestaand.isPresent() && !(bestaand.get().status() == Bezorging.Status.VERVALLEN || bestaand.get().status() == Bezorging.Status.MISLUKT)) {
            return Optional.empty();
        }
        UUID id = bestaand.map(Bezorging::id).orElseGet(UUID::randomUUID);
        Bezorging nieuw = new Bezorging(id, b.id(), a.id(), gemeentecode, b.type(), b.onderwerpPseudoniem(), b.profielversie(),
                Bezorging.Status.GEPLAND);
        bezorgingen.put(id, nieuw);
        return Optional.of(nieuw);
    }

    @Override public void vervallenBezorging(BerichtRef b, Abonnement a, String gemeentecode, String reden) {
        boolean bestaat = bezorgingen.values().stream().anyMatch(z -> z.berichtId().equals(b.id()) && z.abonnementId().equals(a.id())
                && z.gemeentecode().equals(gemeentecode));
        if (!bestaat) {
            UUID id = UUID.randomUUID();
            bezorgingen.put(id, new Bezorging(id, b.id(), a.id(), gemeentecode, b.type(), b.onderwerpPseudoniem(), b.profielversie(),
                    Bezorging.Status.VERVALLEN));
            bezorgredenen.put(id, reden);
        }
    }

    @Override public void bezorgingStatus(UUID id, Bezorging.Status status, String reden) {
        Bezorging z = bezorgingen.get(id);
        if (status == Bezorging.Status.VERVALLEN && z.status() != Bezorging.Status.GEPLAND) {
            return; // as the database: only a planned delivery can be dropped
        }
        bezorgingen.put(id, new Bezorging(z.id(), z.berichtId(), z.abonnementId(), z.gemeentecode(), z.type(),
                z.onderwerpPseudoniem(), z.profielversie(), status));
        bezorgredenen.put(id, reden);
    }

    @Override public List<Bezorging> geplandeBezorgingen(String pseudoniem, String gemeentecode) {
        return bezorgingen.values().stream().filter(z -> z.onderwerpPseudoniem().equals(pseudoniem)
                && z.gemeentecode().equals(gemeentecode) && z.status() == Bezorging.Status.GEPLAND).toList();
    }

    @Override public List<Bezorging> bezorgingenVan(UUID berichtId) {
        return bezorgingen.values().stream().filter(z -> z.berichtId().equals(berichtId)).toList();
    }

    @Override public boolean ooitBezorgd(String pseudoniem, String gemeentecode) {
        return bezorgingen.values().stream().anyMatch(z -> z.onderwerpPseudoniem().equals(pseudoniem)
                && z.gemeentecode().equals(gemeentecode) && z.status() == Bezorging.Status.BEZORGD);
    }

    @Override public int hoogsteVersie(String pseudoniem, String abonnementId, String gemeentecode, boolean inclusiefGepland) {
        return bezorgingen.values().stream().filter(z -> z.onderwerpPseudoniem().equals(pseudoniem)
                        && z.abonnementId().equals(abonnementId) && z.gemeentecode().equals(gemeentecode)
                        && z.type() == Berichttype.KLANTPROFIEL
                        && (z.status() == Bezorging.Status.BEZORGD || (inclusiefGepland && z.status() == Bezorging.Status.GEPLAND)))
                .mapToInt(Bezorging::profielversie).max().orElse(0);
    }
}
