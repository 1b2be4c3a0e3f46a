package nl.koppelpunt.connectors.ondertekening;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Signs an outgoing request twice over the same bytes: an HTTP Message Signature (RFC 9421, ecdsa-p256-sha256) over
 * the method, the target URI, {@code Content-Digest} (RFC 9530, SHA-256 of the body) and the named header fields;
 * and a detached JWS (RFC 7515/7797) over the body whose protected header repeats the same request data. Both carry
 * the key id under which the public key is published. Thread-safe.
 */
public final class VerzoekOndertekening {

    /** Header: SHA-256 of the body (RFC 9530). */
    public static final String CONTENT_DIGEST = "Content-Digest";
    /** Header: what the RFC 9421 signature covers and its parameters. */
    public static final String SIGNATURE_INPUT = "Signature-Input";
    /** Header: the RFC 9421 signature. */
    public static final String SIGNATURE = "Signature";
    /** Header: the detached JWS over the body (compact, {@code header..signature}). */
    public static final String KOPPELPUNT_JWS = "Koppelpunt-Jws";
    /** The signature label in {@code Signature-Input} and {@code Signature}. */
    public static final String LABEL = "koppelpunt";
    /** RFC 9421 §6.2.2 algorithm name. */
    public static final String ALGORITME = "ecdsa-p256-sha256";

    private final Ondertekeningssleutels sleutels;
    private final Clock klok;

    public VerzoekOndertekening(Ondertekeningssleutels sleutels, Clock klok) {
        this.sleutels = sleutels;
        this.klok = klok;
    }

    /**
     * The signature headers for this request.
     *
     * @param velden the header fields to cover, in the order given (names in any case), each with its one value
     * @param inhoud the body exactly as it will be sent
     * @return the headers to add, in order: {@value #CONTENT_DIGEST}, {@value #SIGNATURE_INPUT},
     *         {@value #SIGNATURE}, {@value #KOPPELPUNT_JWS}
     */
    public Map<String, String> onderteken(String methode, URI doel, Map<String, String> velden, byte[] inhoud) {
        Ondertekeningssleutel sleutel = sleutels.huidig();
        long created = klok.instant().getEpochSecond();
        String digest = ContentDigest.sha256(inhoud);

        Map<String, String> gedekt = new LinkedHashMap<>();
        gedekt.put("content-digest", digest);
        velden.forEach((naam, waarde) -> gedekt.put(naam.toLowerCase(Locale.ROOT), waarde));
        List<String> componenten = new ArrayList<>(List.of("@method", "@target-uri"));
        componenten.addAll(gedekt.keySet());

        String params = HandtekeningBasis.signatureParams(componenten,
                new HandtekeningBasis.Parameters(created, sleutel.sleutelId(), ALGORITME));
        String basis = HandtekeningBasis.basis(new HandtekeningBasis.Verzoek(methode, doel, gedekt), componenten, params);

        Map<String, Object> jwsHeader = new LinkedHashMap<>();
        jwsHeader.put("iat", created);
        jwsHeader.put("htm", methode);
        jwsHeader.put("htu", HandtekeningBasis.doelUri(doel));
        velden.forEach((naam, waarde) -> jwsHeader.put(naam.toLowerCase(Locale.ROOT), waarde.strip()));

        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(CONTENT_DIGEST, digest);
        headers.put(SIGNATURE_INPUT, LABEL + "=" + params);
        headers.put(SIGNATURE, LABEL + "=:" + Base64.getEncoder().encodeToString(sleutel.onderteken(basis.getBytes(US_ASCII))) + ":");
        headers.put(KOPPELPUNT_JWS, DetachedJws.onderteken(sleutel, jwsHeader, inhoud));
        return headers;
    }
}
