package nl.koppelpunt.connectors.partner;

import java.net.URI;
import java.util.Set;

import nl.koppelpunt.schemas.Berichttype;

/**
 * A subscription: which message types it receives, how, and which klantprofiel sections. Either a gemeente
 * department's (for its own gemeente), or TVS's: TVS shows every gekoppelde gemeente's staff what that gemeente
 * receives, so its subscription receives for every onboarded gemeente, each delivery for one named gemeente and
 * under that gemeente's rules (see {@link #voorElkeGemeente()}).
 *
 * @param id           {@code <partner-id>.<afdeling>} (TVS: {@code <partner-id>.<naam>}), stable: deliveries and queue
 *                     names refer to it
 * @param partnerId    the receiving partner
 * @param gemeentecode the gemeente partner's CBS code; null for TVS (the gemeente differs per delivery)
 * @param afdeling     the receiving department; null for TVS
 * @param berichttypen the types delivered to it
 * @param kanaal       the channel: {@code rest} (a webhook), {@code soap} (Digikoppeling WUS) or {@code sftp} (a file
 *                     pushed to the gemeente's SFTP server)
 * @param url          the webhook for {@code rest}, the gemeente's endpoint of the koppelpunt-gemeente service for
 *                     {@code soap}; null for {@code sftp}
 * @param secties      the top-level klantprofiel sections it may see (identity and version are always included)
 * @param sftp         the gemeente's SFTP server for {@code sftp}, otherwise null
 */
public record Abonnement(String id, String partnerId, String gemeentecode, Afdeling afdeling,
                         Set<Berichttype> berichttypen, String kanaal, URI url, Set<String> secties, SftpBestemming sftp) {

    public Abonnement {
        berichttypen = Set.copyOf(berichttypen);
        secties = Set.copyOf(secties);
    }

    /** A subscription without an SFTP destination (a webhook). */
    public Abonnement(String id, String partnerId, String gemeentecode, Afdeling afdeling,
                      Set<Berichttype> berichttypen, String kanaal, URI url, Set<String> secties) {
        this(id, partnerId, gemeentecode, afdeling, berichttypen, kanaal, url, secties, null);
    }

    public boolean ontvangt(Berichttype type) {
        return berichttypen.contains(type);
    }

    /**
     * Whether this is TVS's subscription: it receives what any onboarded gemeente may receive, each delivery on behalf
     * of (and checked against the koppeling and consent of) the gekoppelde gemeente that the delivery names.
     */
    public boolean voorElkeGemeente() {
        return gemeentecode == null;
    }

    /** The subscription id as a kebab-case fragment for route ids: {@code gemeente-utrecht-werk-en-inkomen}. */
    public String routeFragment() {
        return id.replace('.', '-');
    }
}
