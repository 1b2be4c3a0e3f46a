package nl.koppelpunt.hub.regels;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import nl.koppelpunt.connectors.bericht.BerichtStatus;
import nl.koppelpunt.connectors.partner.Abonnement;
import nl.koppelpunt.schemas.Berichttype;

/**
 * The state the rules read and change, all within one transaction per call of the {@link RegelMotor}. PostgreSQL
 * implements it in production; the property test runs the same engine on an in-memory implementation.
 */
public interface HubOpslag {

    // --- messages ---------------------------------------------------------------------------------------------

    Optional<BerichtRef> bericht(UUID id);

    /** The person's messages of one type, in arrival order, except those cleared away after their retention. */
    List<BerichtRef> berichtenVan(String pseudoniem, Berichttype type);

    /** Stores a notice that Koppelpunt itself sends (intrekking, ontkoppeling) and returns it. */
    BerichtRef kennisgeving(Berichttype type, String pseudoniem, byte[] inhoud);

    void berichtStatus(UUID id, BerichtStatus status, String toelichting);

    /**
     * Locks the message until the transaction ends. Its status is derived from its deliveries, which concurrent
     * transactions change (two subscriptions delivering at once); without the lock each would derive it from a view
     * without the other's change.
     */
    void vergrendel(UUID berichtId);

    void gebeurtenis(UUID berichtId, String soort, String toelichting);

    // --- koppelingen ------------------------------------------------------------------------------------------

    Optional<Koppelingstand> actieveKoppeling(String pseudoniem);

    void beginKoppeling(String pseudoniem, Koppelingstand koppeling, UUID berichtId);

    void beeindigKoppeling(String pseudoniem, LocalDate einddatum, UUID berichtId);

    // --- toestemmingen ----------------------------------------------------------------------------------------

    Optional<Toestemmingstand> toestemming(String pseudoniem, String gemeentecode);

    void zetToestemming(String pseudoniem, Toestemmingstand toestemming, UUID berichtId);

    // --- parking ----------------------------------------------------------------------------------------------

    void parkeer(BerichtRef bericht, Parkeerreden reden, String gemeentecode);

    /** Removes and returns the person's parkings for a reason (gemeentecode null: any gemeente). */
    List<UUID> ontparkeer(String pseudoniem, Parkeerreden reden, String gemeentecode);

    /** Removes and returns every parking for a reason and gemeente (a gemeente was onboarded). */
    List<UUID> ontparkeerGemeente(Parkeerreden reden, String gemeentecode);

    /** Removes and returns the parkings of one message (replay). */
    List<UUID> ontparkeerBericht(UUID berichtId);

    boolean isGeparkeerd(UUID berichtId);

    /** Messages parked longer than their retention allows. */
    List<UUID> verlopenParkeringen(java.time.Instant nu);

    /** Marks a message cleared away after its retention: it will not be routed again. */
    void ruimOp(UUID berichtId);

    /**
     * Deletes the message's payload, if nothing waits for it any more (no parking, no delivery planned or failed),
     * and clears the message away: it will not be routed again.
     *
     * @return whether the payload was deleted now
     */
    boolean wisInhoud(UUID berichtId);

    // --- deliveries -------------------------------------------------------------------------------------------

    Optional<Bezorging> bezorging(UUID id);

    /**
     * Plans a delivery of the message to the subscription, on behalf of a gemeente (the subscription's own; for TVS
     * the gekoppelde gemeente it shows the message to). A delivery exists once per message, subscription and gemeente:
     * one that exists already is planned again only when it was dropped or failed; a delivered or planned one is left
     * alone.
     *
     * @return the delivery when it is (newly) planned
     */
    Optional<Bezorging> planBezorging(BerichtRef bericht, Abonnement abonnement, String gemeentecode);

    /** Records that a delivery was decided against at routing time (a stale version), for visibility. */
    void vervallenBezorging(BerichtRef bericht, Abonnement abonnement, String gemeentecode, String reden);

    void bezorgingStatus(UUID id, Bezorging.Status status, String reden);

    /** Planned deliveries of a person's messages to the subscriptions of one gemeente. */
    List<Bezorging> geplandeBezorgingen(String pseudoniem, String gemeentecode);

    List<Bezorging> bezorgingenVan(UUID berichtId);

    /** Whether anything about this person was ever delivered to this gemeente. */
    boolean ooitBezorgd(String pseudoniem, String gemeentecode);

    /**
     * The highest klantprofiel version delivered (and, if asked, planned) to a subscription on behalf of a gemeente
     * for a person; 0 if none. Per gemeente too: TVS shows each gemeente's staff their own copy.
     */
    int hoogsteVersie(String pseudoniem, String abonnementId, String gemeentecode, boolean inclusiefGepland);
}
