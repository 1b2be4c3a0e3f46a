/**
 * OpenPGP for the SFTP channel, streaming and in constant memory (BouncyCastle bcpg).
 *
 * <ul>
 *   <li>{@link nl.koppelpunt.connectors.pgp.PgpSleutels}: read armored keys, pick the key to encrypt to, armor keys.</li>
 *   <li>{@link nl.koppelpunt.connectors.pgp.PgpSleutelpaar}: an unlocked secret key (Koppelpunt's own), which
 *       decrypts and gives a {@link nl.koppelpunt.connectors.pgp.PgpOndertekenaar}.</li>
 *   <li>{@link nl.koppelpunt.connectors.pgp.PgpVersleuteling#versleutelEnOnderteken}: encrypt to a recipient and sign
 *       into an {@code OutputStream} (SFTP push).</li>
 *   <li>{@link nl.koppelpunt.connectors.pgp.PgpOntsleuteling#ontsleutelEnVerifieer}: decrypt from an
 *       {@code InputStream}; the signature is verified when the stream reaches its end (SFTP inbox).</li>
 *   <li>{@link nl.koppelpunt.connectors.pgp.PgpSleutelGenerator}: development and test keys that gpg reads.</li>
 * </ul>
 */
package nl.koppelpunt.connectors.pgp;
