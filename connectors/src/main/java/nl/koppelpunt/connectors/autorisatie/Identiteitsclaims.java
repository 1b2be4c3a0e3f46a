package nl.koppelpunt.connectors.autorisatie;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import nl.koppelpunt.connectors.intake.IntakeException;
import nl.koppelpunt.connectors.intake.Probleem;
import nl.koppelpunt.connectors.partner.Partner;
import nl.koppelpunt.schemas.Violation;

/**
 * Impersonation: the identity of a partner is the OIN in its client certificate, and nothing a request says can
 * change it. A header or a body field that carries an OIN must carry that one; any other OIN is a partner
 * claiming to be someone else and is refused (403, naming the header or field), whatever else the request holds.
 *
 * <p>The contracts of v1 carry no OIN in any message and the API defines no OIN header, so a well-behaved partner
 * never meets this check. Which names count as carrying an OIN is decided here, once: a header {@code OIN} or
 * {@code <anything>-OIN} (e.g. {@code X-OIN}, {@code Afzender-OIN}), and a body field {@code oin} or ending in
 * {@code Oin}, {@code OIN}, {@code _oin} or {@code -oin} (e.g. {@code afzenderOin}, {@code afzender/oin}) at any depth.
 * In a message to Koppelpunt an OIN can only name its sender: gemeenten are named by CBS code, persons by BSN.
 */
public final class Identiteitsclaims {

    private static final Pattern OIN_HEADER = Pattern.compile("^(?:[a-z0-9]+-)*oin$");
    private static final String REDEN = "Bevat een ander OIN dan dat van het clientcertificaat; een partij spreekt alleen"
            + " namens zichzelf.";
    private static final JsonFactory JSON = new JsonFactory();

    private Identiteitsclaims() {
    }

    /** Refuses (403) a request whose headers name another OIN than the certificate's. */
    public static void controleerHeaders(Partner partner, Map<String, List<String>> headers) {
        weigerBij(partner, inHeaders(partner, headers));
    }

    /** Refuses (403) a message whose body names another OIN than the certificate's. */
    public static void controleerBericht(Partner partner, byte[] json) {
        weigerBij(partner, inBericht(partner, json));
    }

    /** The headers that carry an OIN other than the partner's, by name. */
    public static List<Violation> inHeaders(Partner partner, Map<String, List<String>> headers) {
        List<Violation> violations = new ArrayList<>();
        headers.forEach((naam, waarden) -> {
            if (OIN_HEADER.matcher(naam.toLowerCase(Locale.ROOT)).matches()
                    && waarden.stream().anyMatch(waarde -> !partner.oin().equals(waarde.trim()))) {
                violations.add(new Violation(naam, REDEN));
            }
        });
        return violations;
    }

    /**
     * The body fields that carry an OIN other than the partner's, as JSON pointers. Reads the body as a stream of
     * tokens, without building it; a body that is not JSON has no claims (the contract check refuses it).
     */
    public static List<Violation> inBericht(Partner partner, byte[] json) {
        List<Violation> violations = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(json)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME && isOinVeld(parser.currentName())) {
                    JsonToken waarde = parser.nextToken();
                    if (waarde != null && waarde.isScalarValue() && !partner.oin().equals(parser.getText())) {
                        violations.add(new Violation(parser.getParsingContext().pathAsPointer().toString(), REDEN));
                    }
                }
            }
        } catch (IOException e) {
            // Not (entirely) JSON: what was read is checked; the contract check names what is wrong with the rest.
        }
        return violations;
    }

    static boolean isOinVeld(String naam) {
        String lower = naam.toLowerCase(Locale.ROOT);
        return lower.equals("oin") || lower.endsWith("_oin") || lower.endsWith("-oin")
                || camelCaseSuffix(naam, "Oin") || camelCaseSuffix(naam, "OIN");
    }

    /** {@code afzenderOin}, not {@code JOIN}: the suffix starts a new word after a lower-case letter or digit. */
    private static boolean camelCaseSuffix(String naam, String suffix) {
        int start = naam.length() - suffix.length();
        return start > 0 && naam.endsWith(suffix) && !Character.isUpperCase(naam.charAt(start - 1))
                && Character.isLetterOrDigit(naam.charAt(start - 1));
    }

    private static void weigerBij(Partner partner, List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new IntakeException(Probleem.ANDERE_IDENTITEIT, "Partner " + partner.id()
                    + " is aangemeld met het OIN uit zijn certificaat en kan niet namens een ander spreken.", violations);
        }
    }
}
