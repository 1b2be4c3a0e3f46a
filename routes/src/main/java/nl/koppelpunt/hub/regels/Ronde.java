package nl.koppelpunt.hub.regels;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import nl.koppelpunt.connectors.bericht.BerichtStatus;
import nl.koppelpunt.connectors.partner.Abonnement;
import nl.koppelpunt.connectors.partner.PartnerCatalog;
import nl.koppelpunt.schemas.Berichttype;

/**
 * One run of the rules inside one transaction: routes messages, collects the deliveries it planned (to be queued
 * after the commit) and the messages it touched (whose status is derived again at the end).
 */
final class Ronde {

    private static final Comparator<BerichtRef> NIEUWSTE = Comparator
            .comparing((BerichtRef b) -> b.profielversie() == null ? 0 : b.profielversie())
            .thenComparingLong(BerichtRef::volgnummer);

    /** The timeline event of a payload that was deleted; the metadata and the timeline stay. */
    static final String INHOUD_VERWIJDERD = "inhoud-verwijderd";

    final HubOpslag opslag;
    final PartnerCatalog partners;
    final LocalDate vandaag;
    final List<Bezorging> gepland = new ArrayList<>();
    private final Set<UUID> geraakt = new LinkedHashSet<>();
    private final Map<UUID, String> vervalredenen = new HashMap<>();

    Ronde(HubOpslag opslag, PartnerCatalog partners, LocalDate vandaag) {
        this.opslag = opslag;
        this.partners = partners;
        this.vandaag = vandaag;
    }

    void routeer(BerichtRef bericht) {
        geraakt.add(bericht.id());
        String p = bericht.onderwerpPseudoniem();
        Optional<Koppelingstand> koppeling = opslag.actieveKoppeling(p);
        Optional<Toestemmingstand> toestemming = koppeling.flatMap(k -> opslag.toestemming(p, k.gemeentecode()));
        Routering routering = Regels.routeer(bericht, koppeling, partners, toestemming, vandaag,
                a -> opslag.hoogsteVersie(p, a.id(), koppeling.orElseThrow().gemeentecode(), true));
        if (routering instanceof Routering.Parkeer parkeer) {
            opslag.parkeer(bericht, parkeer.reden(), parkeer.gemeentecode());
            opslag.gebeurtenis(bericht.id(), "geparkeerd", parkeer.reden().code()
                    + (parkeer.gemeentecode() == null ? "" : " (" + parkeer.gemeentecode() + ")"));
        } else if (routering instanceof Routering.Verval verval) {
            verval(bericht.id(), verval.reden());
        } else if (routering instanceof Routering.Verdeel verdeel) {
            for (Abonnement abonnement : verdeel.bezorgen()) {
                opslag.planBezorging(bericht, abonnement, verdeel.gemeentecode()).ifPresent(gepland::add);
            }
            for (Abonnement abonnement : verdeel.verouderd()) {
                opslag.vervallenBezorging(bericht, abonnement, verdeel.gemeentecode(), Vervalreden.VEROUDERDE_VERSIE);
                vervalredenen.putIfAbsent(bericht.id(), Vervalreden.VEROUDERDE_VERSIE);
            }
        }
    }

    /** Of the released messages, route only each person's newest of each type; the older ones are superseded. */
    void routeerNieuwste(Collection<UUID> vrijgekomen) {
        Map<String, List<BerichtRef>> perPersoonEnType = vrijgekomen.stream()
                .map(id -> opslag.bericht(id).orElseThrow())
                .collect(Collectors.groupingBy(b -> b.onderwerpPseudoniem() + "/" + b.type()));
        for (List<BerichtRef> groep : perPersoonEnType.values()) {
            BerichtRef nieuwste = groep.stream().max(NIEUWSTE).orElseThrow();
            groep.stream().filter(b -> b != nieuwste).forEach(b -> verval(b.id(), Vervalreden.VERVANGEN));
            routeer(nieuwste);
        }
    }

    /** Rule 5: a (new) gekoppelde gemeente gets the person's latest screening, klantprofiel and DUO status. */
    void routeerLaatsteVan(String pseudoniem, Collection<UUID> vrijgekomen, List<Berichttype> types) {
        for (Berichttype type : types) {
            Optional<BerichtRef> nieuwste = opslag.berichtenVan(pseudoniem, type).stream().max(NIEUWSTE);
            vrijgekomen.stream().map(id -> opslag.bericht(id).orElseThrow())
                    .filter(b -> b.type() == type && nieuwste.map(n -> !n.id().equals(b.id())).orElse(true))
                    .forEach(b -> verval(b.id(), Vervalreden.VERVANGEN));
            nieuwste.ifPresent(this::routeer);
        }
    }

    /**
     * Stores and plans a notice of Koppelpunt itself to every subscription that takes it on behalf of the gemeente:
     * the gemeente's own and TVS's (it shows the gemeente's staff what the gemeente has, so it must drop it too).
     */
    BerichtRef kennisgeving(Berichttype type, String pseudoniem, String gemeentecode, byte[] inhoud) {
        BerichtRef notice = opslag.kennisgeving(type, pseudoniem, inhoud);
        geraakt.add(notice.id());
        List<Abonnement> abonnementen = partners.abonnementen(gemeentecode, type);
        if (abonnementen.isEmpty()) {
            verval(notice.id(), Vervalreden.GEEN_ABONNEMENT);
        }
        abonnementen.forEach(a -> opslag.planBezorging(notice, a, gemeentecode).ifPresent(gepland::add));
        return notice;
    }

    void verval(UUID berichtId, String reden) {
        geraakt.add(berichtId);
        vervalredenen.put(berichtId, reden);
        opslag.gebeurtenis(berichtId, "vervallen", reden);
    }

    /** Deletes the payload of a message nothing waits for any more, and says why on its timeline. */
    void wisInhoud(UUID berichtId, String reden) {
        if (opslag.wisInhoud(berichtId)) {
            opslag.gebeurtenis(berichtId, INHOUD_VERWIJDERD, reden);
        }
    }

    void vervalBezorging(Bezorging bezorging, String reden) {
        opslag.bezorgingStatus(bezorging.id(), Bezorging.Status.VERVALLEN, reden);
        geraakt.add(bezorging.berichtId());
        vervalredenen.putIfAbsent(bezorging.berichtId(), reden);
    }

    void geraakt(UUID berichtId) {
        geraakt.add(berichtId);
    }

    /** Registry messages (koppeling, toestemming) have their own status; only routed messages derive theirs. */
    private boolean routeerbaar(UUID berichtId) {
        return opslag.bericht(berichtId).map(b -> b.type() != Berichttype.KOPPELING && b.type() != Berichttype.TOESTEMMING)
                .orElse(false);
    }

    /** Derives each touched message's status from its parkings and deliveries. */
    void leidStatussenAf() {
        List<UUID> ids = new ArrayList<>(geraakt.stream().filter(this::routeerbaar).toList());
        ids.sort(null); // one lock order for every transaction, so two of them cannot deadlock
        ids.forEach(opslag::vergrendel);
        for (UUID id : ids) {
            BerichtStatus status = StatusAfleiding.status(opslag.isGeparkeerd(id), opslag.bezorgingenVan(id));
            opslag.berichtStatus(id, status, status == BerichtStatus.VERVALLEN ? vervalredenen.get(id) : null);
        }
    }
}
