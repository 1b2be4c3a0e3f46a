package nl.koppelpunt.connectors.partner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Turns the {@code sftp} block of an {@code kanaal: sftp} subscription into an {@link SftpBestemming}, checking every
 * field when the partner files are loaded — at the start or at a reload, which then answers 422 with this message —
 * rather than at the first delivery. Keys may be given inline or as the path of a file that holds them.
 */
final class SftpBestemmingFactory {

    private static final Pattern HOST = Pattern.compile("^[A-Za-z0-9]([A-Za-z0-9.-]{0,252})$|^\\[[0-9A-Fa-f:.]+]$");
    private static final Pattern GEBRUIKER = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$");
    private static final Pattern MAP = Pattern.compile("^/?[A-Za-z0-9_][A-Za-z0-9._-]*(/[A-Za-z0-9_][A-Za-z0-9._-]*)*/?$|^\\.$");
    /** An inline OpenSSH public key: type, base64, optional comment. */
    private static final Pattern SSH_REGEL = Pattern.compile("^(ssh|ecdsa|sk)-[A-Za-z0-9@.-]+ [A-Za-z0-9+/=]+( .*)?$");
    private static final String PGP_BLOK = "-----BEGIN PGP PUBLIC KEY BLOCK-----";

    private SftpBestemmingFactory() {
    }

    static SftpBestemming van(PartnerCatalogLoader.SftpBestemmingYaml y, String file, UnaryOperator<String> placeholders) {
        PartnerCatalogLoader.require(y != null, file, "an sftp abonnement needs an sftp block (host, gebruiker, host-sleutel, pgp-sleutel)");
        String host = waarde(y.host, placeholders);
        PartnerCatalogLoader.require(host != null && HOST.matcher(host).matches(), file, "sftp.host must be a host name or address");
        int poort = poort(waarde(y.poort, placeholders), file);
        String gebruiker = waarde(y.gebruiker, placeholders);
        PartnerCatalogLoader.require(gebruiker != null && GEBRUIKER.matcher(gebruiker).matches(), file,
                "sftp.gebruiker must be a user name of letters, digits, '.', '_' or '-'");
        String map = waarde(y.map, placeholders);
        map = map == null ? "." : map;
        // The folder goes into an endpoint URI and a remote path: no '..', no odd characters.
        PartnerCatalogLoader.require(MAP.matcher(map).matches() && !map.contains(".."), file,
                "sftp.map must be a folder path of letters, digits, '.', '_', '-' and '/' without '..'");
        String hostSleutel = hostSleutel(waarde(y.hostSleutel, placeholders), file);
        String pgpSleutel = pgpSleutel(waarde(y.pgpSleutel, placeholders), file);
        return new SftpBestemming(host, poort, gebruiker, map, hostSleutel, pgpSleutel);
    }

    private static String waarde(String raw, UnaryOperator<String> placeholders) {
        return raw == null || raw.isBlank() ? null : placeholders.apply(raw).strip();
    }

    private static int poort(String raw, String file) {
        if (raw == null) {
            return 22;
        }
        try {
            int poort = Integer.parseInt(raw);
            PartnerCatalogLoader.require(poort > 0 && poort < 65536, file, "sftp.poort must be between 1 and 65535");
            return poort;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("partner configuration " + file + ": sftp.poort must be a number", e);
        }
    }

    /** The server's public key, never "any key": without it there is no strict host key checking. */
    private static String hostSleutel(String raw, String file) {
        PartnerCatalogLoader.require(raw != null, file,
                "sftp.host-sleutel is required (the server's public host key, e.g. 'ecdsa-sha2-nistp256 AAAA...', or its .pub file)");
        String regel = SSH_REGEL.matcher(raw).matches() ? raw : eersteSleutelregel(lees(raw, file, "sftp.host-sleutel"));
        try {
            return SftpBestemming.alsRegel(SshSleutels.publiekeSleutel(regel));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("partner configuration " + file + ": sftp.host-sleutel: " + e.getMessage(), e);
        }
    }

    private static String pgpSleutel(String raw, String file) {
        PartnerCatalogLoader.require(raw != null, file,
                "sftp.pgp-sleutel is required (the gemeente's PGP public key, ASCII-armored or the path of an .asc file)");
        String armored = raw.startsWith(PGP_BLOK) ? raw : lees(raw, file, "sftp.pgp-sleutel").strip();
        try {
            PgpSleutelControle.controleer(armored);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("partner configuration " + file + ": sftp.pgp-sleutel: " + e.getMessage(), e);
        }
        return armored;
    }

    private static String lees(String locatie, String file, String veld) {
        String pad = locatie.startsWith("file:") ? locatie.substring("file:".length()) : locatie;
        try {
            return Files.readString(Path.of(pad), StandardCharsets.UTF_8);
        } catch (IOException | InvalidPathException e) {
            throw new IllegalArgumentException("partner configuration " + file + ": " + veld
                    + ": neither a key nor a readable file (" + pad + ")", e);
        }
    }

    /** A .pub or known_hosts-style file: the first line that is not empty or a comment. */
    private static String eersteSleutelregel(String tekst) {
        return tekst.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).findFirst().orElse("");
    }
}
