package nl.koppelpunt.connectors.ondertekening;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The signature base of a request (RFC 9421 §2.5) and the serialised signature parameters (§2.3), for the derived
 * components {@code @method}, {@code @target-uri}, {@code @authority}, {@code @path} and {@code @query} and for
 * single-valued header fields. Everything is ASCII; anything that is not is refused rather than guessed at.
 */
public final class HandtekeningBasis {

    /** The request as a signature sees it: field names in lower case, each with its one value. */
    public record Verzoek(String methode, URI doel, Map<String, String> velden) {
    }

    /** The signature parameters Koppelpunt writes, in this order; {@code alg} may be left out (null). */
    public record Parameters(long created, String keyid, String alg) {
    }

    private HandtekeningBasis() {
    }

    /** The value of {@code @signature-params}, also the member value of {@code Signature-Input}. */
    public static String signatureParams(List<String> componenten, Parameters parameters) {
        StringBuilder uit = new StringBuilder("(");
        for (int i = 0; i < componenten.size(); i++) {
            uit.append(i == 0 ? "" : " ").append(sfString(componenten.get(i)));
        }
        uit.append(");created=").append(parameters.created()).append(";keyid=").append(sfString(parameters.keyid()));
        if (parameters.alg() != null) {
            uit.append(";alg=").append(sfString(parameters.alg()));
        }
        return uit.toString();
    }

    /** The signature base: one line per covered component, then the {@code @signature-params} line (no newline). */
    public static String basis(Verzoek verzoek, List<String> componenten, String signatureParams) {
        StringBuilder uit = new StringBuilder();
        for (String component : componenten) {
            uit.append(sfString(component)).append(": ").append(waarde(verzoek, component)).append('\n');
        }
        return uit.append("\"@signature-params\": ").append(signatureParams).toString();
    }

    static String waarde(Verzoek verzoek, String component) {
        URI doel = verzoek.doel();
        switch (component) {
            case "@method":
                return verzoek.methode();
            case "@target-uri":
                return doelUri(doel);
            case "@authority":
                return autoriteit(doel);
            case "@path":
                return pad(doel);
            case "@query":
                return "?" + (doel.getRawQuery() == null ? "" : doel.getRawQuery());
            default:
                if (component.startsWith("@") || !component.equals(component.toLowerCase(Locale.ROOT))) {
                    throw new IllegalArgumentException("unsupported component " + component);
                }
                String waarde = verzoek.velden().get(component);
                if (waarde == null) {
                    throw new IllegalArgumentException("covered field " + component + " is not in the request");
                }
                return ascii(waarde.strip(), component);
        }
    }

    /**
     * The target URI in the form a receiver rebuilds it from what arrives (RFC 9110 §7.1): scheme and host in lower
     * case, no default port, no user info or fragment, an empty path as "/".
     */
    public static String doelUri(URI doel) {
        URI uri = URI.create(doel.toASCIIString());
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + autoriteit(uri) + pad(uri) + query;
    }

    private static String autoriteit(URI doel) {
        URI uri = URI.create(doel.toASCIIString());
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("the target URI has no host");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        int standaard = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : "http".equalsIgnoreCase(uri.getScheme()) ? 80 : -1;
        return uri.getPort() == -1 || uri.getPort() == standaard ? host : host + ":" + uri.getPort();
    }

    private static String pad(URI doel) {
        String pad = URI.create(doel.toASCIIString()).getRawPath();
        return pad == null || pad.isEmpty() ? "/" : pad;
    }

    /** An RFC 8941 sf-string: printable ASCII with {@code "} and {@code \} escaped. */
    static String sfString(String waarde) {
        StringBuilder uit = new StringBuilder("\"");
        for (char c : ascii(waarde, "parameter").toCharArray()) {
            uit.append(c == '"' || c == '\\' ? "\\" : "").append(c);
        }
        return uit.append('"').toString();
    }

    private static String ascii(String waarde, String wat) {
        for (int i = 0; i < waarde.length(); i++) {
            char c = waarde.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                // Not necessarily wrong HTTP, but a receiver's library could canonicalise it differently.
                throw new IllegalArgumentException(wat + " has a character outside printable ASCII");
            }
        }
        return waarde;
    }
}
