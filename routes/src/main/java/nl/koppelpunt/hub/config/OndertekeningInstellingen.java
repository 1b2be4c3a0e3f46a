package nl.koppelpunt.hub.config;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code koppelpunt.ondertekening.*}: the key that signs every delivery and the earlier keys that stay published.
 *
 * @param sleutel   the EC P-256 private key, PEM inline or a location ({@code file:/…}, {@code classpath:…}, a path);
 *                  in development mode a generated key under {@code <data-dir>/sleutels} when not set
 * @param sleutelId its key id; empty: the key's JWK thumbprint (RFC 7638)
 * @param vorige    earlier keys, public half only, that receivers may still need to verify with
 */
@ConfigurationProperties("koppelpunt.ondertekening")
public record OndertekeningInstellingen(String sleutel, String sleutelId, List<VorigeSleutel> vorige) {

    /**
     * An earlier signing key.
     *
     * @param publiekeSleutel its public key (PEM "PUBLIC KEY" or a certificate), inline or a location
     * @param sleutelId       the kid it was published under, if that was set explicitly
     */
    public record VorigeSleutel(String publiekeSleutel, String sleutelId) {
    }

    public OndertekeningInstellingen {
        vorige = vorige == null ? List.of() : List.copyOf(vorige);
    }
}
