package nl.koppelpunt.hub.regels;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import nl.koppelpunt.connectors.bericht.BerichtStatus;
import nl.koppelpunt.connectors.partner.PartnerCatalog;
import nl.koppelpunt.connectors.partner.PartnerRegister;
import nl.koppelpunt.schemas.Berichttype;

/**
 * Applies the rules to the hub's state. Each method is one unit of work: the caller runs it in one transaction and,
 * after the commit, queues the deliveries it returns. Decisions are in {@link Regels}; this class only sequences them.
 */
public final class RegelMotor {

    private final HubOpslag opslag;
    private final PartnerRegister partners;
    private final Clock clock;

    public RegelMotor(HubOpslag opslag, PartnerRegister partners, Clock clock) {
        this.opslag = opslag;
        this.partners = partners;
        this.clock = clock;
    }

    /** A message taken off the intake queue. */
    public List<Bezorging> verwerk(UUID berichtId, JsonNode inhoud) {
        BerichtRef bericht = opslag.bericht(berichtId).orElseThrow(() -> new IllegalStateException("unknown bericht " + berichtId));
        Ronde ronde = ronde();
        switch (bericht.type()) {
            case KOPPELING -> register(bericht, KoppelingRegels.verwerk(ronde, bericht, inhoud));
            case TOESTEMMING -> register(bericht, ToestemmingRegels.verwerk(ronde, bericht, inhoud));
            case SCREENING, KLANTPROFIEL, DUO_INBURGERINGSSTATUS -> {
                opslag.gebeurtenis(bericht.id(), "verwerkt", null);
                ronde.routeer(bericht);
            }
            default -> throw new IllegalStateException(bericht.type() + " is not accepted from partners");
        }
        return afronden(ronde);
    }

    /**
     * Rule 2 and 6 again at the moment of delivery. Returns why the delivery must not go (and records it dropped),
     * or empty when it may go. A delivery that is no longer planned (delivered, dropped) must not go either.
     */
    public Optional<String> mag(UUID bezorgingId) {
        Optional<Bezorging> gevonden = opslag.bezorging(bezorgingId);
        if (gevonden.isEmpty()) {
            // Only after the database lost what the broker still held (a restore); nothing to deliver.
            return Optional.of("onbekende bezorging");
        }
        Bezorging bezorging = gevonden.get();
        if (bezorging.status() != Bezorging.Status.GEPLAND) {
            return Optional.of("niet meer gepland (" + bezorging.status().code() + ")");
        }
        String p = bezorging.onderwerpPseudoniem();
        Optional<String> nee = Regels.bijBezorging(bezorging, opslag.actieveKoppeling(p),
                opslag.toestemming(p, bezorging.gemeentecode()), opslag.hoogsteVersie(p, bezorging.abonnementId(), bezorging.gemeentecode(), false),
                vandaag());
        nee.ifPresent(reden -> {
            Ronde ronde = ronde();
            ronde.vervalBezorging(bezorging, reden);
            afronden(ronde);
        });
        return nee;
    }

    public void bezorgd(UUID bezorgingId) {
        afsluiten(bezorgingId, Bezorging.Status.BEZORGD, null);
    }

    public void mislukt(UUID bezorgingId, String fout) {
        afsluiten(bezorgingId, Bezorging.Status.MISLUKT, fout);
    }

    /** Replay: parkings go through the rules again; failed deliveries are planned again (and re-checked when sent). */
    public List<Bezorging> herhaal(UUID berichtId) {
        BerichtRef bericht = opslag.bericht(berichtId).orElseThrow();
        Ronde ronde = ronde();
        if (!opslag.ontparkeerBericht(berichtId).isEmpty()) {
            ronde.routeer(bericht);
        }
        PartnerCatalog catalog = partners.huidig();
        for (Bezorging mislukt : opslag.bezorgingenVan(berichtId)) {
            if (mislukt.status() == Bezorging.Status.MISLUKT) {
                catalog.abonnement(mislukt.abonnementId()).flatMap(a -> opslag.planBezorging(bericht, a, mislukt.gemeentecode()))
                        .ifPresent(ronde.gepland::add);
                ronde.geraakt(berichtId);
            }
        }
        return afronden(ronde);
    }

    /** After the partner configuration changed: what waited for a now onboarded gemeente is released. */
    public List<Bezorging> gemeentenAangesloten() {
        Ronde ronde = ronde();
        for (var partner : ronde.partners.all()) {
            if (partner.gemeentecode() != null) {
                ronde.routeerNieuwste(opslag.ontparkeerGemeente(Parkeerreden.GEMEENTE_NIET_AANGESLOTEN, partner.gemeentecode()));
            }
        }
        return afronden(ronde);
    }

    /**
     * A message Koppelpunt itself sends to one gemeente about no person (DUO's figures for it): stored like a notice
     * and planned to every subscription of the gemeente that takes the type. The subject is the gemeente
     * ({@link #onderwerpGemeente}), so its messages of the type stay in order on each queue.
     *
     * @return the stored message and its planned deliveries, to be queued after the commit
     */
    public Uitgaand uitgaand(Berichttype type, String gemeentecode, byte[] inhoud) {
        if (type.inkomend() || type.persoonsgebonden()) {
            throw new IllegalArgumentException(type + " is not an outbound message about no person");
        }
        Ronde ronde = ronde();
        BerichtRef bericht = ronde.kennisgeving(type, onderwerpGemeente(type, gemeentecode), gemeentecode, inhoud);
        return new Uitgaand(bericht.id(), afronden(ronde));
    }

    /** A stored outbound message and the deliveries planned for it. */
    public record Uitgaand(UUID berichtId, List<Bezorging> gepland) {
    }

    /**
     * The subject key of a message about no person: the type and the gemeente. It takes the place of the person's
     * pseudonym (the JMS message group, the column); a ':' never occurs in a pseudonym (hex), so the two cannot meet.
     */
    public static String onderwerpGemeente(Berichttype type, String gemeentecode) {
        return type.code() + ":" + gemeentecode;
    }

    /** Parked messages past their retention are dropped, and their payloads deleted. */
    public int ruimOp() {
        Ronde ronde = ronde();
        List<UUID> verlopen = opslag.verlopenParkeringen(clock.instant());
        for (UUID id : verlopen) {
            opslag.ontparkeerBericht(id);
            opslag.ruimOp(id);
            ronde.verval(id, Vervalreden.BEWAARTERMIJN);
            ronde.wisInhoud(id, Vervalreden.BEWAARTERMIJN);
        }
        afronden(ronde);
        return verlopen.size();
    }

    private void afsluiten(UUID bezorgingId, Bezorging.Status status, String reden) {
        opslag.bezorging(bezorgingId).ifPresent(bezorging -> {
            opslag.bezorgingStatus(bezorgingId, status, reden);
            Ronde ronde = ronde();
            ronde.geraakt(bezorging.berichtId());
            afronden(ronde);
        });
    }

    private void register(BerichtRef bericht, String uitkomst) {
        opslag.gebeurtenis(bericht.id(), "verwerkt", uitkomst);
        opslag.berichtStatus(bericht.id(), BerichtStatus.BEZORGD, "verwerkt in het register");
    }

    private Ronde ronde() {
        return new Ronde(opslag, partners.huidig(), vandaag());
    }

    private LocalDate vandaag() {
        return LocalDate.now(clock);
    }

    private static List<Bezorging> afronden(Ronde ronde) {
        ronde.leidStatussenAf();
        return List.copyOf(ronde.gepland);
    }
}
