package nl.koppelpunt.hub.sftp;

import nl.koppelpunt.connectors.autorisatie.Autorisatie;
import nl.koppelpunt.connectors.autorisatie.Operatie;
import nl.koppelpunt.connectors.partner.Partner;

/**
 * Who has a folder in the hosted SFTP inbox: a partner that may send messages, or one whose role delivers DUO's
 * quarterly files (which are no messages, so DUO's {@code berichttypen} is empty).
 */
public final class SftpToegang {

    private SftpToegang() {
    }

    public static boolean heeftInbox(Partner partner) {
        return !partner.berichttypen().isEmpty()
                || Autorisatie.mag(partner.rol(), Operatie.INBURGERINGSRESULTATEN_AANLEVEREN);
    }
}
