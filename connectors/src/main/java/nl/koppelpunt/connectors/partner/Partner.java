package nl.koppelpunt.connectors.partner;

import java.util.List;
import java.util.Set;

import nl.koppelpunt.connectors.autorisatie.Autorisatie;
import nl.koppelpunt.schemas.Berichttype;

/**
 * A party connected to Koppelpunt, as onboarded by configuration.
 *
 * @param id           a stable, file-safe slug (used in file names and as the sender in the transaction log)
 * @param naam         display name
 * @param oin          Organisatie-identificatienummer, the identity carried in the partner's certificate
 * @param rol          the role: its row of the authorisation matrix bounds what the partner may do
 * @param gemeentecode the CBS code for a gemeente partner, otherwise null
 * @param berichttypen the message types this partner may send (a subset of what its role allows)
 * @param abonnementen what the partner receives (gemeenten)
 * @param limieten     the partner's own intake limits ({@code limieten} in its file); unset fields are the defaults
 * @param sftpSleutel  the partner's SSH public key for the hosted SFTP inbox ({@code sftp.publieke-sleutel}, one
 *                     OpenSSH authorized_keys line, checked on load), or null: then no SFTP outside development mode
 * @param pgp          the partner's OpenPGP certificate and signing policy ({@code pgp} in its file); never null
 */
public record Partner(String id, String naam, String oin, Rol rol, String gemeentecode, Set<Berichttype> berichttypen,
                      List<Abonnement> abonnementen, Limieten limieten, String sftpSleutel, PgpInstellingen pgp) {

    public Partner {
        berichttypen = Set.copyOf(berichttypen);
        abonnementen = List.copyOf(abonnementen);
        limieten = limieten == null ? Limieten.STANDAARD : limieten;
        pgp = pgp == null ? PgpInstellingen.GEEN : pgp;
    }

    /** A partner without PGP settings. */
    public Partner(String id, String naam, String oin, Rol rol, String gemeentecode, Set<Berichttype> berichttypen,
                   List<Abonnement> abonnementen, Limieten limieten, String sftpSleutel) {
        this(id, naam, oin, rol, gemeentecode, berichttypen, abonnementen, limieten, sftpSleutel, PgpInstellingen.GEEN);
    }

    /** A partner without an SFTP key. */
    public Partner(String id, String naam, String oin, Rol rol, String gemeentecode, Set<Berichttype> berichttypen,
                   List<Abonnement> abonnementen, Limieten limieten) {
        this(id, naam, oin, rol, gemeentecode, berichttypen, abonnementen, limieten, null);
    }

    /** A partner with the global default limits. */
    public Partner(String id, String naam, String oin, Rol rol, String gemeentecode, Set<Berichttype> berichttypen,
                   List<Abonnement> abonnementen) {
        this(id, naam, oin, rol, gemeentecode, berichttypen, abonnementen, Limieten.STANDAARD);
    }

    public Partner(String id, String naam, String oin, Rol rol, String gemeentecode, Set<Berichttype> berichttypen) {
        this(id, naam, oin, rol, gemeentecode, berichttypen, List.of(), Limieten.STANDAARD);
    }

    /** Both the role (the authorisation matrix) and the partner's own configuration must allow the type. */
    public boolean magVersturen(Berichttype type) {
        return Autorisatie.magVersturen(this, type);
    }
}
