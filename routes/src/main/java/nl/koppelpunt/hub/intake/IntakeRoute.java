package nl.koppelpunt.hub.intake;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import nl.koppelpunt.hub.HubRouteConfiguration;
import nl.koppelpunt.hub.KoppelpuntHeaders;
import nl.koppelpunt.hub.toelating.Toelating;
import nl.koppelpunt.hub.wachtrij.WachtrijRoute;

/**
 * Intake, shared by every channel: admit (backlog below its limit) → authorise → validate → commit to the transaction log → queue persistently.
 * The caller acknowledges only after this route returned without an exception.
 */
@Component
public class IntakeRoute extends RouteBuilder {

    public static final String INTAKE = "direct:intake";

    private final Toelating toelating;
    private final IntakeAutorisatie autorisatie;
    private final ContractControle contractControle;
    private final IntakeOpslag opslag;

    public IntakeRoute(Toelating toelating, IntakeAutorisatie autorisatie, ContractControle contractControle,
                       IntakeOpslag opslag) {
        this.toelating = toelating;
        this.autorisatie = autorisatie;
        this.contractControle = contractControle;
        this.opslag = opslag;
    }

    @Override
    public void configure() {
        from(INTAKE).routeId("intake").routeConfigurationId(HubRouteConfiguration.SYNCHROON)
                .process(toelating).id("intake-admit")
                .process(autorisatie).id("intake-authorise")
                .process(contractControle).id("intake-validate")
                .process(opslag).id("intake-store")
                // A repeat whose first attempt was committed but never queued is queued now.
                .filter(exchangeProperty(KoppelpuntHeaders.IN_WACHTRIJ_ZETTEN))
                    .to(WachtrijRoute.IN_WACHTRIJ).id("intake-enqueue")
                .end();
    }
}
