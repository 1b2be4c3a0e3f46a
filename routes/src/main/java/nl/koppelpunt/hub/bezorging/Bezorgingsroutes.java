package nl.koppelpunt.hub.bezorging;

import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.stereotype.Component;

import nl.koppelpunt.connectors.partner.Abonnement;
import nl.koppelpunt.connectors.partner.PartnerRegister;

/**
 * One delivery route per subscription, added before Camel starts and, after a partner reload, for every new
 * subscription while it runs. Routes of subscriptions that disappear stay until the next start, so deliveries that
 * are already queued for them are not stranded mid-flight.
 */
@Component
public class Bezorgingsroutes implements CamelContextConfiguration {

    private final PartnerRegister partners;
    private final Bezorger bezorger;
    private final BezorgingVastlegger vastlegger;
    private CamelContext camel;

    public Bezorgingsroutes(PartnerRegister partners, Bezorger bezorger, BezorgingVastlegger vastlegger) {
        this.partners = partners;
        this.bezorger = bezorger;
        this.vastlegger = vastlegger;
    }

    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
        this.camel = camelContext;
        voegToe(partners.huidig().alleAbonnementen());
    }

    @Override
    public void afterApplicationStart(CamelContext camelContext) {
        // nothing: the routes start with the context
    }

    /** Adds routes for the subscriptions that have none yet; returns how many were added. */
    public synchronized int voegToe(List<Abonnement> abonnementen) {
        int toegevoegd = 0;
        for (Abonnement abonnement : abonnementen) {
            if (camel.getRoute(AbonnementRoute.routeId(abonnement)) == null) {
                try {
                    camel.addRoutes(new AbonnementRoute(abonnement, bezorger, vastlegger));
                } catch (Exception e) {
                    throw new IllegalStateException("cannot add the delivery route for " + abonnement.id(), e);
                }
                toegevoegd++;
            }
        }
        return toegevoegd;
    }
}
