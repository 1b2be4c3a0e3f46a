package nl.koppelpunt.connectors.ondertekening;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A JWS (RFC 7515, ES256) over the body as it is sent, with the unencoded payload option (RFC 7797: {@code b64}
 * false) and the payload detached, so the compact form is {@code header..signature}. For receivers that have a JOSE
 * library but nothing for HTTP Message Signatures. Written without a JOSE library, so that the tests can
 * check it with one (nimbus-jose-jwt) as an independent implementation.
 */
public final class DetachedJws {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private DetachedJws() {
    }

    /**
     * Signs the content with the key.
     *
     * @param extra further protected header parameters (request data the signature binds), after the standard ones
     */
    public static String onderteken(Ondertekeningssleutel sleutel, Map<String, Object> extra, byte[] inhoud) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "ES256");
        header.put("kid", sleutel.sleutelId());
        header.put("b64", false);
        // RFC 7797 §6: b64 must be critical, or a receiver that ignores it would verify the wrong input.
        header.put("crit", List.of("b64"));
        header.putAll(extra);
        String beschermd;
        try {
            beschermd = BASE64URL.encodeToString(JSON.writeValueAsString(header).getBytes(UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        // RFC 7797 §3: JWS Signing Input = ASCII(BASE64URL(header)) || '.' || the payload bytes as they are.
        byte[] prefix = (beschermd + ".").getBytes(US_ASCII);
        byte[] invoer = new byte[prefix.length + inhoud.length];
        System.arraycopy(prefix, 0, invoer, 0, prefix.length);
        System.arraycopy(inhoud, 0, invoer, prefix.length, inhoud.length);
        return beschermd + ".." + BASE64URL.encodeToString(sleutel.onderteken(invoer));
    }
}
