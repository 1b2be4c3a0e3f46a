package nl.koppelpunt.connectors.rest;

import java.util.Set;

/**
 * The documents anyone may read without a client certificate: only Koppelpunt's public keys (the JWK Set that
 * verifies deliveries, the OpenPGP certificate partners encrypt SFTP files to). Exactly these paths, only GET/HEAD.
 */
final class OpenbareSleutels {

    static final Set<String> PADEN = Set.of(JwksController.PAD, PgpSleutelController.PAD);

    private OpenbareSleutels() {
    }
}
