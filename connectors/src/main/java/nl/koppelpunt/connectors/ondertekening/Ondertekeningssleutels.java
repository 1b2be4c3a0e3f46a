package nl.koppelpunt.connectors.ondertekening;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The signing key in use and the public keys that stay published after a rotation, so that a receiver can still
 * verify what was signed with an earlier key (a delivery in a retry loop, a replay from the dead letters, a message
 * a back-office verifies later). Only the current key signs.
 */
public final class Ondertekeningssleutels {

    private final Ondertekeningssleutel huidig;
    private final List<PubliekeSleutel> gepubliceerd;

    public Ondertekeningssleutels(Ondertekeningssleutel huidig, List<PubliekeSleutel> vorige) {
        this.huidig = huidig;
        List<PubliekeSleutel> alle = new ArrayList<>();
        alle.add(huidig.publiek());
        alle.addAll(vorige);
        Set<String> ids = new HashSet<>();
        for (PubliekeSleutel sleutel : alle) {
            // Two keys under one kid would make a receiver verify against the wrong one.
            if (!ids.add(sleutel.sleutelId())) {
                throw new IllegalArgumentException("sleutel-id " + sleutel.sleutelId() + " is used for more than one signing key");
            }
        }
        this.gepubliceerd = List.copyOf(alle);
    }

    public Ondertekeningssleutel huidig() {
        return huidig;
    }

    /** The current key first, then the earlier ones in configured order. */
    public List<PubliekeSleutel> gepubliceerd() {
        return gepubliceerd;
    }

    /** The JWK Set (RFC 7517 §5) for {@code /.well-known/jwks.json}. */
    public Map<String, Object> jwks() {
        return Map.of("keys", gepubliceerd.stream().map(PubliekeSleutel::jwk).toList());
    }
}
