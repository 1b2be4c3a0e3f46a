package nl.koppelpunt.hub.beheer;

import java.util.List;
import java.util.UUID;

import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import nl.koppelpunt.connectors.bericht.BerichtStatus;
import nl.koppelpunt.connectors.beheer.Beheer;
import nl.koppelpunt.connectors.beheer.InvalidConfigurationException;
import nl.koppelpunt.connectors.partner.PartnerCatalog;
import nl.koppelpunt.connectors.partner.PartnerRegister;
import nl.koppelpunt.connectors.rest.NotFoundException;
import nl.koppelpunt.hub.bericht.BerichtRepository;
import nl.koppelpunt.hub.bericht.Opslagresultaat;
import nl.koppelpunt.hub.bezorging.BezorgingWachtrijRoute;
import nl.koppelpunt.hub.bezorging.Bezorgingsroutes;
import nl.koppelpunt.hub.opslag.JdbcHubOpslag;
import nl.koppelpunt.hub.regels.BerichtRef;
import nl.koppelpunt.hub.regels.Bezorging;
import nl.koppelpunt.hub.regels.RegelMotor;
import nl.koppelpunt.hub.wachtrij.WachtrijRoute;

/**
 * Replay and reload. A replay goes through the rules again — parkings are routed anew, failed deliveries are planned
 * again and consent is re-checked when they are sent; a message whose processing failed is queued for intake again.
 */
@Component
public class HubBeheer implements Beheer {

    private final BeheerZoekvragen zoekvragen;
    private final RegelMotor motor;
    private final JdbcHubOpslag opslag;
    private final BerichtRepository berichten;
    private final PartnerRegister partners;
    private final Bezorgingsroutes routes;
    private final ProducerTemplate producer;
    private final TransactionTemplate transactie;

    public HubBeheer(BeheerZoekvragen zoekvragen, RegelMotor motor, JdbcHubOpslag opslag, BerichtRepository berichten,
                     PartnerRegister partners, Bezorgingsroutes routes, ProducerTemplate producer, TransactionTemplate transactie) {
        this.zoekvragen = zoekvragen;
        this.motor = motor;
        this.opslag = opslag;
        this.berichten = berichten;
        this.partners = partners;
        this.routes = routes;
        this.producer = producer;
        this.transactie = transactie;
    }

    @Override
    public List<Parkering> geparkeerd(Filter filter) {
        return zoekvragen.geparkeerd(filter);
    }

    @Override
    public List<Mislukt> mislukt(Filter filter) {
        return zoekvragen.mislukt(filter);
    }

    @Override
    public int herhaal(UUID berichtId) {
        BerichtRef bericht = opslag.bericht(berichtId).orElseThrow(() -> new NotFoundException("Bericht " + berichtId + " bestaat niet."));
        List<Bezorging> bezorgingen = opslag.bezorgingenVan(berichtId);
        long mislukt = bezorgingen.stream().filter(b -> b.status() == Bezorging.Status.MISLUKT).count();
        boolean geparkeerd = opslag.isGeparkeerd(berichtId);
        if (bezorgingen.isEmpty() && !geparkeerd && berichten.status(berichtId) == BerichtStatus.MISLUKT) {
            transactie.executeWithoutResult(s -> berichten.status(berichtId, BerichtStatus.ONTVANGEN, "herhaald door beheer"));
            producer.sendBody(WachtrijRoute.IN_WACHTRIJ, new Opslagresultaat(berichtId, bericht.type().code(),
                    bericht.onderwerpPseudoniem(), BerichtStatus.ONTVANGEN, true, true));
            return 1;
        }
        if (mislukt == 0 && !geparkeerd) {
            return 0;
        }
        opslag.gebeurtenis(berichtId, "herhaald", "door beheer");
        verstuur(transactie.execute(s -> motor.herhaal(berichtId)));
        return (int) mislukt + (geparkeerd ? 1 : 0);
    }

    @Override
    public int herhaalAlle(String soort, Filter filter) {
        List<UUID> ids = ("geparkeerd".equals(soort)
                ? zoekvragen.geparkeerd(filter).stream().map(Parkering::berichtId)
                : zoekvragen.mislukt(filter).stream().map(Mislukt::berichtId)).distinct().toList();
        return ids.stream().mapToInt(this::herhaal).sum();
    }

    @Override
    public Herladen herlaadPartners() {
        PartnerCatalog catalog;
        try {
            catalog = partners.herlaad();
        } catch (RuntimeException e) {
            throw new InvalidConfigurationException("De partnerconfiguratie is ongeldig en niet geladen: " + e.getMessage(), e);
        }
        routes.voegToe(catalog.alleAbonnementen());
        verstuur(transactie.execute(s -> motor.gemeentenAangesloten()));
        return new Herladen(catalog.all().size(), catalog.alleAbonnementen().size());
    }

    /** After the commit: queue what the rules planned (the recovery sweep covers a failure here). */
    private void verstuur(List<Bezorging> gepland) {
        gepland.forEach(b -> producer.sendBody(BezorgingWachtrijRoute.IN_WACHTRIJ, b));
    }
}
