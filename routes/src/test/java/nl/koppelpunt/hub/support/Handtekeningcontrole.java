package nl.koppelpunt.hub.support;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;

import nl.koppelpunt.connectors.pki.PemSslContexts;

/**
 * What a gemeente does with a delivery before it trusts it: fetch Koppelpunt's keys from {@code /.well-known/jwks.json}
 * over HTTPS (no client certificate) and verify the signatures. Deliberately shares no code with the gateway's signing:
 * the detached JWS is verified by nimbus-jose-jwt, an independent JOSE implementation; the RFC 9421 signature by the
 * few steps below, written from the RFC (§2.5, §3.2) on the JDK, with the key nimbus read from the JWK Set.
 */
public final class Handtekeningcontrole {

    /** What every Koppelpunt signature must cover, or the receiver refuses it. */
    public static final List<String> VERPLICHT_GEDEKT = List.of("@method", "@target-uri", "content-digest", "content-type",
            "idempotency-key", "koppelpunt-bericht-id", "koppelpunt-berichttype");

    private static final Pattern SIGNATURE_INPUT = Pattern.compile("^koppelpunt=(\\(([^)]*)\\)((?:;[a-z]+=(?:\"[^\"]*\"|\\d+))*))$");
    private static final Pattern SIGNATURE = Pattern.compile("^koppelpunt=:([A-Za-z0-9+/]+=*):$");
    private static final Pattern COMPONENT = Pattern.compile("\"([^\"]*)\"");
    private static final Pattern PARAMETER = Pattern.compile(";([a-z]+)=(?:\"([^\"]*)\"|(\\d+))");

    /** A request as the receiver got it: method, its own webhook URL, the headers (any case) and the body bytes. */
    public record Ontvangen(String methode, String doelUri, Map<String, String> headers, byte[] inhoud) {

        public Ontvangen {
            Map<String, String> kopie = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            kopie.putAll(headers);
            headers = kopie;
        }

        public static Ontvangen van(Ontvanger.Verzoek verzoek, String doelUri) {
            Map<String, String> headers = new LinkedHashMap<>();
            verzoek.headers().keySet().forEach(naam -> headers.put(naam, verzoek.header(naam)));
            return new Ontvangen(verzoek.methode(), doelUri, headers, verzoek.inhoud());
        }

        public Ontvangen metHeader(String naam, String waarde) {
            Map<String, String> anders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            anders.putAll(headers);
            anders.put(naam, waarde);
            return new Ontvangen(methode, doelUri, anders, inhoud);
        }

        public Ontvangen metInhoud(byte[] andereInhoud) {
            return new Ontvangen(methode, doelUri, headers, andereInhoud);
        }

        public Ontvangen metDoel(String anderDoel) {
            return new Ontvangen(methode, anderDoel, headers, inhoud);
        }

        String header(String naam) {
            return headers.get(naam);
        }
    }

    /** The outcome of the RFC 9421 check; {@code reden} says why it failed. */
    public record Uitslag(boolean geldig, String reden, String keyid, long created, String alg, List<String> gedekt) {
    }

    private final JWKSet sleutels;

    public Handtekeningcontrole(JWKSet sleutels) {
        this.sleutels = sleutels;
    }

    /** The JWK Set as anyone gets it: over HTTPS, trusting the gateway's CA, without a client certificate. */
    public static JWKSet haalSleutels(Path ca, int port) throws Exception {
        HttpResponse<String> antwoord = new HubClient(PemSslContexts.trustOnly(ca), port).get("/.well-known/jwks.json");
        if (antwoord.statusCode() != 200) {
            throw new AssertionError("JWKS: HTTP " + antwoord.statusCode() + " " + antwoord.body());
        }
        return JWKSet.parse(antwoord.body());
    }

    public JWKSet sleutels() {
        return sleutels;
    }

    /** RFC 9421 with Content-Digest (RFC 9530) and Koppelpunt's profile: label, algorithm, what must be covered. */
    public Uitslag httpHandtekening(Ontvangen verzoek) throws Exception {
        String digest = verzoek.header("Content-Digest");
        String verwacht = "sha-256=:" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(verzoek.inhoud())) + ":";
        if (!verwacht.equals(digest)) {
            return fout("content-digest does not match the body");
        }
        Matcher input = SIGNATURE_INPUT.matcher(String.valueOf(verzoek.header("Signature-Input")));
        Matcher handtekening = SIGNATURE.matcher(String.valueOf(verzoek.header("Signature")));
        if (!input.matches() || !handtekening.matches()) {
            return fout("no koppelpunt signature");
        }
        List<String> gedekt = new ArrayList<>();
        for (Matcher m = COMPONENT.matcher(input.group(2)); m.find(); ) {
            gedekt.add(m.group(1));
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (Matcher m = PARAMETER.matcher(input.group(3)); m.find(); ) {
            params.put(m.group(1), m.group(2) != null ? m.group(2) : m.group(3));
        }
        String keyid = params.get("keyid");
        long created = params.containsKey("created") ? Long.parseLong(params.get("created")) : -1;
        if (!gedekt.containsAll(VERPLICHT_GEDEKT) || verzoek.header("Koppelpunt-Profielversie") != null && !gedekt.contains("koppelpunt-profielversie")) {
            return new Uitslag(false, "does not cover what it must: " + gedekt, keyid, created, params.get("alg"), gedekt);
        }
        if (!"ecdsa-p256-sha256".equals(params.get("alg")) || created < 0) {
            return new Uitslag(false, "unexpected parameters " + params, keyid, created, params.get("alg"), gedekt);
        }
        JWK jwk = keyid == null ? null : sleutels.getKeyByKeyId(keyid);
        if (!(jwk instanceof ECKey ec)) {
            return new Uitslag(false, "unknown keyid " + keyid, keyid, created, params.get("alg"), gedekt);
        }

        // RFC 9421 §2.5: a line per covered component, then @signature-params with the value exactly as received.
        StringBuilder basis = new StringBuilder();
        for (String component : gedekt) {
            String waarde;
            if (component.equals("@method")) {
                waarde = verzoek.methode().toUpperCase(Locale.ROOT);
            } else if (component.equals("@target-uri")) {
                waarde = verzoek.doelUri();
            } else if (component.startsWith("@")) {
                return fout("unexpected derived component " + component);
            } else {
                waarde = verzoek.header(component);
                if (waarde == null) {
                    return fout("covered header " + component + " missing");
                }
                waarde = waarde.strip();
            }
            basis.append('"').append(component).append("\": ").append(waarde).append('\n');
        }
        basis.append("\"@signature-params\": ").append(input.group(1));

        Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
        verifier.initVerify(ec.toECPublicKey());
        verifier.update(basis.toString().getBytes(US_ASCII));
        boolean geldig = verifier.verify(Base64.getDecoder().decode(handtekening.group(1)));
        return new Uitslag(geldig, geldig ? "" : "signature does not verify", keyid, created, params.get("alg"), gedekt);
    }

    /** The detached JWS, verified by nimbus, and the request data its protected header binds. */
    public boolean jws(Ontvangen verzoek) throws Exception {
        String compact = verzoek.header("Koppelpunt-Jws");
        if (compact == null) {
            return false;
        }
        JWSObject jws = JWSObject.parse(compact, new Payload(verzoek.inhoud()));
        JWK jwk = sleutels.getKeyByKeyId(jws.getHeader().getKeyID());
        if (!JWSAlgorithm.ES256.equals(jws.getHeader().getAlgorithm()) || !(jwk instanceof ECKey ec) || !jws.verify(new ECDSAVerifier(ec))) {
            return false;
        }
        Map<String, Object> gebonden = new LinkedHashMap<>();
        gebonden.put("htm", verzoek.methode());
        gebonden.put("htu", verzoek.doelUri());
        for (String naam : List.of("content-type", "idempotency-key", "koppelpunt-bericht-id", "koppelpunt-berichttype", "koppelpunt-profielversie")) {
            gebonden.put(naam, verzoek.header(naam));
        }
        for (Map.Entry<String, Object> e : gebonden.entrySet()) {
            if (!java.util.Objects.equals(e.getValue(), jws.getHeader().getCustomParam(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static Uitslag fout(String reden) {
        return new Uitslag(false, reden, null, -1, null, List.of());
    }
}
