package nl.koppelpunt.connectors.partner;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The partner configuration in force. Onboarding happens by configuration; {@link #herlaad()} reads it again without a
 * restart, and a failed reload keeps the catalog that was in force (a typo must not disconnect every partner).
 */
public final class PartnerRegister {

    private final Supplier<PartnerCatalog> bron;
    private final AtomicReference<PartnerCatalog> huidig = new AtomicReference<>();

    public PartnerRegister(Supplier<PartnerCatalog> bron) {
        this.bron = bron;
        this.huidig.set(bron.get());
    }

    public PartnerCatalog huidig() {
        return huidig.get();
    }

    /** @return the new catalog; throws, leaving the old one in force, when the configuration is invalid */
    public PartnerCatalog herlaad() {
        PartnerCatalog nieuw = bron.get();
        huidig.set(nieuw);
        return nieuw;
    }
}
