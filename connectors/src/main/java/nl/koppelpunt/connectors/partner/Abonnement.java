package nl.koppelpunt.connectors.partner;

import java.net.URI;
import java.util.Set;

import nl.koppelpunt.schemas.Berichttype;

/**
 * A gemeente department's subscription: which message types it receives, how, and which klantprofiel sections.
 *
 * @param id           {@code <partner-id>.<afdeling>}, stable: deliveries and queue names refer to it
 * @param partnerId    the gemeente partner
 * @param gemeentecode the partner's CBS code
 * @param afdeling     the receiving department
 * @param berichttypen the types delivered to it
 * @param kanaal       the channel: {@code rest} or {@code sftp}
 * @param url          the webhook for {@code rest}, otherwise null
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

    /** The subscription id as a kebab-case fragment for route ids: {@code gemeente-utrecht-werk-en-inkomen}. */
    public String routeFragment() {
        return id.replace('.', '-');
    }
}
