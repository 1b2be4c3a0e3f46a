package nl.koppelpunt.connectors.partner;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import nl.koppelpunt.schemas.Berichttype;

/** The onboarded partners and their subscriptions, looked up by id, OIN or gemeente. Immutable and thread-safe. */
public final class PartnerCatalog {

    private final Map<String, Partner> byId = new LinkedHashMap<>();
    private final Map<String, Partner> byOin = new LinkedHashMap<>();
    private final Map<String, Partner> byGemeente = new LinkedHashMap<>();
    private final Map<String, Abonnement> abonnementen = new LinkedHashMap<>();
    private final List<Abonnement> voorElkeGemeente = new ArrayList<>();

    public PartnerCatalog(Collection<Partner> partners) {
        for (Partner partner : partners) {
            if (byId.putIfAbsent(partner.id(), partner) != null) {
                throw new IllegalArgumentException("partner id '" + partner.id() + "' is configured twice");
            }
            if (byOin.putIfAbsent(partner.oin(), partner) != null) {
                throw new IllegalArgumentException("OIN of partner '" + partner.id() + "' is already used by '"
                        + byOin.get(partner.oin()).id() + "'");
            }
            if (partner.gemeentecode() != null && byGemeente.putIfAbsent(partner.gemeentecode(), partner) != null) {
                throw new IllegalArgumentException("gemeentecode " + partner.gemeentecode() + " is configured twice");
            }
            partner.abonnementen().forEach(a -> abonnementen.put(a.id(), a));
            partner.abonnementen().stream().filter(Abonnement::voorElkeGemeente).forEach(voorElkeGemeente::add);
        }
    }

    public Optional<Partner> byOin(String oin) {
        return Optional.ofNullable(byOin.get(oin));
    }

    public Optional<Partner> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The onboarded gemeente with this CBS code, if any. */
    public Optional<Partner> gemeente(String gemeentecode) {
        return Optional.ofNullable(byGemeente.get(gemeentecode));
    }

    /**
     * The subscriptions that receive this type for a gemeente: the gemeente's own and TVS's. Only for an onboarded
     * gemeente: TVS shows a gemeente's staff what that gemeente receives, so nothing for a gemeente that receives
     * nothing yet.
     */
    public List<Abonnement> abonnementen(String gemeentecode, Berichttype type) {
        return gemeente(gemeentecode).map(p -> Stream.concat(p.abonnementen().stream(), voorElkeGemeente.stream())
                .filter(a -> a.ontvangt(type)).toList()).orElse(List.of());
    }

    public Optional<Abonnement> abonnement(String id) {
        return Optional.ofNullable(abonnementen.get(id));
    }

    public List<Abonnement> alleAbonnementen() {
        return List.copyOf(abonnementen.values());
    }

    public List<Partner> all() {
        return List.copyOf(byId.values());
    }
}
