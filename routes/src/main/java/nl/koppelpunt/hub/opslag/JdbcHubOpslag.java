package nl.koppelpunt.hub.opslag;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.uuid.Generators;

import org.springframework.stereotype.Component;

import nl.koppelpunt.connectors.bericht.BerichtStatus;
import nl.koppelpunt.connectors.partner.Abonnement;
import nl.koppelpunt.hub.bericht.BerichtRepository;
import nl.koppelpunt.hub.bericht.InhoudRepository;
import nl.koppelpunt.hub.regels.BerichtRef;
import nl.koppelpunt.hub.regels.Bezorging;
import nl.koppelpunt.hub.regels.HubOpslag;
import nl.koppelpunt.hub.regels.Koppelingstand;
import nl.koppelpunt.hub.regels.Parkeerreden;
import nl.koppelpunt.hub.regels.Toestemmingstand;
import nl.koppelpunt.schemas.Berichttype;

/** The rules' state in PostgreSQL; every call joins the caller's transaction. */
@Component
public class JdbcHubOpslag implements HubOpslag {

    private final BerichtRepository berichten;
    private final KoppelingRepository koppelingen;
    private final ToestemmingRepository toestemmingen;
    private final ParkeerRepository parkeerplaats;
    private final BezorgingRepository bezorgingen;
    private final InhoudRepository inhoud;

    public JdbcHubOpslag(BerichtRepository berichten, KoppelingRepository koppelingen, ToestemmingRepository toestemmingen,
                         ParkeerRepository parkeerplaats, BezorgingRepository bezorgingen, InhoudRepository inhoud) {
        this.inhoud = inhoud;
        this.berichten = berichten;
        this.koppelingen = koppelingen;
        this.toestemmingen = toestemmingen;
        this.parkeerplaats = parkeerplaats;
        this.bezorgingen = bezorgingen;
    }

    @Override public Optional<BerichtRef> bericht(UUID id) { return berichten.ref(id); }
    @Override public List<BerichtRef> berichtenVan(String pseudoniem, Berichttype type) { return berichten.van(pseudoniem, type); }
    @Override public BerichtRef kennisgeving(Berichttype type, String pseudoniem, byte[] inhoud) {
        return berichten.kennisgeving(Generators.timeBasedEpochGenerator().generate(), type, pseudoniem, inhoud);
    }
    @Override public void berichtStatus(UUID id, BerichtStatus status, String toelichting) { berichten.status(id, status, toelichting); }
    @Override public void vergrendel(UUID berichtId) { berichten.vergrendel(berichtId); }
    @Override public void gebeurtenis(UUID berichtId, String soort, String toelichting) { berichten.gebeurtenis(berichtId, soort, toelichting); }

    @Override public Optional<Koppelingstand> actieveKoppeling(String pseudoniem) { return koppelingen.actief(pseudoniem); }
    @Override public void beginKoppeling(String pseudoniem, Koppelingstand k, UUID berichtId) { koppelingen.begin(pseudoniem, k, berichtId); }
    @Override public void beeindigKoppeling(String pseudoniem, LocalDate einddatum, UUID berichtId) { koppelingen.beeindig(pseudoniem, einddatum, berichtId); }

    @Override public Optional<Toestemmingstand> toestemming(String pseudoniem, String gemeentecode) { return toestemmingen.van(pseudoniem, gemeentecode); }
    @Override public void zetToestemming(String pseudoniem, Toestemmingstand t, UUID berichtId) { toestemmingen.zet(pseudoniem, t, berichtId); }

    @Override public void parkeer(BerichtRef bericht, Parkeerreden reden, String gemeentecode) { parkeerplaats.parkeer(bericht, reden, gemeentecode); }
    @Override public List<UUID> ontparkeer(String pseudoniem, Parkeerreden reden, String gemeentecode) {
        return vrijgegeven(parkeerplaats.ontparkeer(pseudoniem, reden, gemeentecode), reden.code());
    }
    @Override public List<UUID> ontparkeerGemeente(Parkeerreden reden, String gemeentecode) {
        return vrijgegeven(parkeerplaats.ontparkeerGemeente(reden, gemeentecode), reden.code());
    }
    @Override public List<UUID> ontparkeerBericht(UUID berichtId) { return vrijgegeven(parkeerplaats.ontparkeerBericht(berichtId), null); }

    /** A release from parking is a processing of the person (timeline and processing log); what follows decides. */
    private List<UUID> vrijgegeven(List<UUID> ids, String reden) {
        ids.forEach(id -> berichten.gebeurtenis(id, "vrijgegeven", reden == null ? null : "was geparkeerd: " + reden));
        return ids;
    }
    @Override public boolean isGeparkeerd(UUID berichtId) { return parkeerplaats.isGeparkeerd(berichtId); }
    @Override public List<UUID> verlopenParkeringen(Instant nu) { return parkeerplaats.verlopen(nu); }
    @Override public void ruimOp(UUID berichtId) { berichten.ruimOp(berichtId); }
    @Override public boolean wisInhoud(UUID berichtId) { return inhoud.wis(berichtId); }

    @Override public Optional<Bezorging> bezorging(UUID id) { return bezorgingen.van(id); }
    @Override public Optional<Bezorging> planBezorging(BerichtRef bericht, Abonnement abonnement, String gemeentecode) {
        return bezorgingen.plan(bericht, abonnement, gemeentecode);
    }
    @Override public void vervallenBezorging(BerichtRef bericht, Abonnement abonnement, String gemeentecode, String reden) {
        bezorgingen.vervallen(bericht, abonnement, gemeentecode, reden);
    }
    @Override public void bezorgingStatus(UUID id, Bezorging.Status status, String reden) { bezorgingen.status(id, status, reden); }
    @Override public List<Bezorging> geplandeBezorgingen(String pseudoniem, String gemeentecode) { return bezorgingen.gepland(pseudoniem, gemeentecode); }
    @Override public List<Bezorging> bezorgingenVan(UUID berichtId) { return bezorgingen.vanBericht(berichtId); }
    @Override public boolean ooitBezorgd(String pseudoniem, String gemeentecode) { return bezorgingen.ooitBezorgd(pseudoniem, gemeentecode); }
    @Override public int hoogsteVersie(String pseudoniem, String abonnementId, String gemeentecode, boolean inclusiefGepland) {
        return bezorgingen.hoogsteVersie(pseudoniem, abonnementId, gemeentecode, inclusiefGepland);
    }
}
