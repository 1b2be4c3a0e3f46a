package nl.koppelpunt.hub.regels;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToIntFunction;

import nl.koppelpunt.connectors.partner.Abonnement;
import nl.koppelpunt.connectors.partner.PartnerCatalog;
import nl.koppelpunt.schemas.Berichttype;

/**
 * The decisions of DESIGN.md's rules, as pure functions of the state they depend on. Everything that reads or writes
 * that state lives in {@link RegelMotor}; keeping the decisions here makes them easy to test exhaustively.
 */
public final class Regels {

    private Regels() {
    }

    /** Rule 1–3, 6, 7: where a screening or klantprofiel goes now. */
    public static Routering routeer(BerichtRef bericht, Optional<Koppelingstand> koppeling, PartnerCatalog partners,
                                    Optional<Toestemmingstand> toestemming, LocalDate vandaag,
                                    ToIntFunction<Abonnement> hoogsteVersie) {
        if (koppeling.isEmpty()) {
            return new Routering.Parkeer(Parkeerreden.GEEN_KOPPELING, null);
        }
        String gemeente = koppeling.get().gemeentecode();
        if (partners.gemeente(gemeente).isEmpty()) {
            return new Routering.Parkeer(Parkeerreden.GEMEENTE_NIET_AANGESLOTEN, gemeente);
        }
        boolean profiel = bericht.type() == Berichttype.KLANTPROFIEL;
        if (profiel && !toestemming.map(t -> t.geldigOp(vandaag)).orElse(false)) {
            return new Routering.Parkeer(Parkeerreden.GEEN_TOESTEMMING, gemeente);
        }
        List<Abonnement> abonnementen = partners.abonnementen(gemeente, bericht.type());
        if (abonnementen.isEmpty()) {
            return new Routering.Verval(Vervalreden.GEEN_ABONNEMENT);
        }
        List<Abonnement> bezorgen = new ArrayList<>();
        List<Abonnement> verouderd = new ArrayList<>();
        for (Abonnement abonnement : abonnementen) {
            boolean oud = profiel && bericht.profielversie() <= hoogsteVersie.applyAsInt(abonnement);
            (oud ? verouderd : bezorgen).add(abonnement);
        }
        return new Routering.Verdeel(gemeente, bezorgen, verouderd);
    }

    /**
     * Rule 2 and 6 at the moment of delivery: a withdrawal, an ontkoppeling or a newer delivered version that came in
     * while the delivery waited wins. Notices always go. Returns the reason not to deliver, or empty to deliver.
     */
    public static Optional<String> bijBezorging(Bezorging bezorging, Optional<Koppelingstand> koppeling,
                                                Optional<Toestemmingstand> toestemming, int hoogsteBezorgd,
                                                LocalDate vandaag) {
        if (bezorging.isKennisgeving()) {
            return Optional.empty();
        }
        if (koppeling.isEmpty() || !koppeling.get().gemeentecode().equals(bezorging.gemeentecode())) {
            return Optional.of(Vervalreden.NIET_MEER_GEKOPPELD);
        }
        if (bezorging.type() == Berichttype.KLANTPROFIEL) {
            if (!toestemming.map(t -> t.geldigOp(vandaag)).orElse(false)) {
                return Optional.of(toestemming.map(t -> !t.gegeven()).orElse(false)
                        ? Vervalreden.TOESTEMMING_INGETROKKEN : Vervalreden.GEEN_GELDIGE_TOESTEMMING);
            }
            if (bezorging.profielversie() <= hoogsteBezorgd) {
                return Optional.of(Vervalreden.VEROUDERDE_VERSIE);
            }
        }
        return Optional.empty();
    }
}
