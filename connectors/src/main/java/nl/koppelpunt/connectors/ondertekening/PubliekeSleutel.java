package nl.koppelpunt.connectors.ondertekening;

import java.security.interfaces.ECPublicKey;
import java.util.LinkedHashMap;
import java.util.Map;

/** A published EC P-256 verification key with its key id: what a receiver looks up by {@code keyid} / {@code kid}. */
public record PubliekeSleutel(String sleutelId, ECPublicKey sleutel) {

    public PubliekeSleutel {
        EcSleutels.controleerSleutelId(sleutelId);
        EcSleutels.controleerP256(sleutel.getParams(), "public key " + sleutelId);
    }

    /**
     * An earlier key from a setting (PEM inline or a location).
     *
     * @param sleutelId the kid it was published under; empty: its JWK thumbprint, the default of the signing key
     */
    public static PubliekeSleutel laad(String inhoudOfLocatie, String sleutelId, String instelling) {
        ECPublicKey sleutel = EcSleutels.publiekeSleutel(EcSleutels.pem(inhoudOfLocatie, instelling), instelling);
        return new PubliekeSleutel(sleutelId == null || sleutelId.isBlank() ? EcSleutels.thumbprint(sleutel) : sleutelId, sleutel);
    }

    /** The JWK (RFC 7517, RFC 7518 §6.2) of this key: public coordinates only, for signatures with ES256. */
    public Map<String, Object> jwk() {
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "EC");
        jwk.put("crv", "P-256");
        jwk.put("x", EcSleutels.coordinaat(sleutel.getW().getAffineX()));
        jwk.put("y", EcSleutels.coordinaat(sleutel.getW().getAffineY()));
        jwk.put("kid", sleutelId);
        jwk.put("use", "sig");
        jwk.put("alg", "ES256");
        return jwk;
    }
}
