package nl.koppelpunt.connectors.partner;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The onboarded partners, looked up by id or by the OIN of a client certificate. Immutable and thread-safe. */
public final class PartnerCatalog {

    private final Map<String, Partner> byId = new LinkedHashMap<>();
    private final Map<String, Partner> byOin = new LinkedHashMap<>();

    public PartnerCatalog(Collection<Partner> partners) {
        for (Partner partner : partners) {
            if (byId.putIfAbsent(partner.id(), partner) != null) {
                throw new IllegalArgumentException("partner id '" + partner.id() + "' is configured twice");
            }
            if (byOin.putIfAbsent(partner.oin(), partner) != null) {
                throw new IllegalArgumentException("OIN of partner '" + partner.id() + "' is already used by '"
                        + byOin.get(partner.oin()).id() + "'");
            }
        }
    }

    public Optional<Partner> byOin(String oin) {
        return Optional.ofNullable(byOin.get(oin));
    }

    public Optional<Partner> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public List<Partner> all() {
        return List.copyOf(byId.values());
    }
}
