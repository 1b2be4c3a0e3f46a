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

    /**
     * Rule 1–3, 6, 7: where a screening, klantprofiel or DUO status goes now: the gekoppelde gemeente's subscriptions
     * and TVS's, all on behalf of that gemeente.
     */
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
        if (vraagtToestemming(bericht.type()) && !toestemming.map(t -> t.geldigOp(vandaag)).orElse(false)) {
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
        if (vraagtToestemming(bezorging.type()) && !toestemming.map(t -> t.geldigOp(vandaag)).orElse(false)) {
            return Optional.of(toestemming.map(t -> !t.gegeven()).orElse(false)
                    ? Vervalreden.TOESTEMMING_INGETROKKEN : Vervalreden.GEEN_GELDIGE_TOESTEMMING);
        }
        if (bezorging.type() == Berichttype.KLANTPROFIEL && bezorging.profielversie() <= hoogsteBezorgd) {
            return Optional.of(Vervalreden.VEROUDERDE_VERSIE);
        }
        return Optional.empty();
    }

    /**
     * Rule 2's types: the klantprofiel, and DUO's inburgeringsstatus, which is the profile's inburgering section from
     * another source and so falls under the same consent ({@code overdracht-klantprofiel}).
     */
    public static boolean vraagtToestemming(Berichttype type) {
        return type == Berichttype.KLANTPROFIEL || type == Berichttype.DUO_INBURGERINGSSTATUS;
    }

    /** What a (new) gekoppelde gemeente gets of what came before the koppeling (rule 5): the latest of each. */
    static final List<Berichttype> NA_KOPPELING = List.of(Berichttype.SCREENING, Berichttype.KLANTPROFIEL,
            Berichttype.DUO_INBURGERINGSSTATUS);

    /** What a consent releases again: the latest of each type that needs it. */
    static final List<Berichttype> NA_TOESTEMMING = List.of(Berichttype.KLANTPROFIEL,
            Berichttype.DUO_INBURGERINGSSTATUS);
}
