package nl.koppelpunt.hub.duo;

import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import nl.koppelpunt.connectors.partner.PartnerRegister;

/**
 * Which gemeentecodes a DUO file may name: every onboarded gemeente, and the gemeenten listed in
 * {@code koppelpunt.duo.bekende-gemeenten} (CBS codes of gemeenten that are not, or not yet, connected). Rows of the
 * latter are stored and readable by DUO and beheer, but sent to nobody. A code in neither is most likely a typo, and
 * the file is refused rather than letting the rows vanish unseen.
 */
@Component
public class BekendeGemeenten {

    private final PartnerRegister partners;
    private final Set<String> extra;

    public BekendeGemeenten(PartnerRegister partners,
                            @Value("${koppelpunt.duo.bekende-gemeenten:}") List<String> extra) {
        this.partners = partners;
        this.extra = Set.copyOf(extra.stream().map(String::trim).filter(c -> !c.isEmpty()).toList());
    }

    public boolean bekend(String gemeentecode) {
        return extra.contains(gemeentecode) || aangesloten(gemeentecode);
    }

    public boolean aangesloten(String gemeentecode) {
        return partners.huidig().gemeente(gemeentecode).isPresent();
    }
}
