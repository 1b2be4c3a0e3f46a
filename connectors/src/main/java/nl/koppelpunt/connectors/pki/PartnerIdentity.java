package nl.koppelpunt.connectors.pki;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A partner that authenticates with a client certificate.
 *
 * @param id   file-safe slug such as {@code coa} or {@code gemeente-utrecht}; it names the PEM files
 * @param naam the organisation's name, used as CN and O of the certificate subject
 * @param oin  the 20-digit Organisatie-identificatienummer carried in the subject serialNumber
 */
public record PartnerIdentity(String id, String naam, String oin) {

    // Lowercase letters, digits and single inner hyphens: the id becomes a file name, so nothing
    // may escape the PKI directory ("../", "/") or differ only by case on case-insensitive disks.
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    // X.520 upper bound for CN and O; longer values produce certificates strict parsers reject.
    private static final int MAX_NAAM = 64;

    public PartnerIdentity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(naam, "naam");
        Objects.requireNonNull(oin, "oin");
        if (!SLUG.matcher(id).matches()) {
            throw new IllegalArgumentException("Partner id must be a lowercase slug like 'gemeente-utrecht': '" + id + "'");
        }
        if (naam.isBlank() || naam.length() > MAX_NAAM) {
            throw new IllegalArgumentException("Partner naam of '" + id + "' must be 1.." + MAX_NAAM + " characters");
        }
        if (!Oin.isValid(oin)) {
            throw new IllegalArgumentException("OIN of partner '" + id + "' must be exactly 20 digits: '" + oin + "'");
        }
    }
}
