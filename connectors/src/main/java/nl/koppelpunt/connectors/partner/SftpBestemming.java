package nl.koppelpunt.connectors.partner;

import java.security.PublicKey;

import org.apache.sshd.common.config.keys.PublicKeyEntry;

/**
 * Where a subscription with {@code kanaal: sftp} gets its files: the gemeente's own SFTP server. Koppelpunt logs in
 * with its SSH client key and accepts the server only with exactly the host key configured here (strict host key
 * checking, never "accept unknown hosts"); every file is PGP-encrypted to {@link #pgpSleutel()}.
 *
 * @param host       the server's host name or address
 * @param poort      its port (22 unless configured)
 * @param gebruiker  the user name Koppelpunt logs in with
 * @param map        the folder files go to, relative to the login folder unless it starts with {@code /}
 * @param hostSleutel the server's public host key as one OpenSSH line without comment ({@code ecdsa-sha2-nistp256 AAAA...})
 * @param pgpSleutel the gemeente's PGP public key, ASCII-armored
 */
public record SftpBestemming(String host, int poort, String gebruiker, String map, String hostSleutel, String pgpSleutel) {

    /** The server as written in an OpenSSH {@code known_hosts} file: {@code [host]:port key} unless the port is 22. */
    public String knownHostsRegel() {
        return (poort == 22 ? host : "[" + host + "]:" + poort) + " " + hostSleutel;
    }

    /** For logs and errors: no keys, only where it goes. */
    public String adres() {
        return "sftp://" + gebruiker + "@" + host + ":" + poort + "/" + (map.startsWith("/") ? map.substring(1) : map);
    }

    static String alsRegel(PublicKey key) {
        return PublicKeyEntry.toString(key);
    }
}
