package nl.koppelpunt.hub.bezorging;

import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import nl.koppelpunt.connectors.partner.SftpBestemming;

/**
 * The camel-sftp endpoint of a subscription's server. The choices, each for a reason:
 * <ul>
 * <li>{@code strictHostKeyChecking=yes} with only the configured host key ({@code knownHosts}) and
 * {@code useUserKnownHostsFile=false}: an unknown or changed server key is refused, never learned.</li>
 * <li>{@code privateKeyFile}: Koppelpunt's own SSH client key; the URI names the file, never the key.</li>
 * <li>{@code tempFileName} (hidden, {@code .part}) then rename: the gemeente never sees a half-written file.</li>
 * <li>{@code fileExist=Ignore}: the name comes from the delivery id, and a file under its final name was only ever
 * made by a complete rename of this same delivery, so a retry after a lost acknowledgement finds its own work done
 * instead of replacing a file the gemeente may be reading. A half-written temp file of an earlier attempt is deleted
 * first (camel-file does so before every write).</li>
 * <li>{@code disconnect=true}, {@code maximumReconnectAttempts=0}: one connection per attempt, and no retries of
 * its own, so every attempt re-checks the rules, checks the host key afresh and is counted (HerhaalbareFout).</li>
 * </ul>
 */
@Component
public class SftpDoel {

    private final Path clientSleutel;
    private final int connectTimeoutMs;
    private final int timeoutMs;

    public SftpDoel(@Value("${koppelpunt.bezorging.sftp.client-sleutel:}") String clientSleutel,
                    @Value("${koppelpunt.bezorging.sftp.connect-timeout-ms:10000}") int connectTimeoutMs,
                    @Value("${koppelpunt.bezorging.sftp.timeout-ms:30000}") int timeoutMs) {
        this.clientSleutel = clientSleutel.isBlank() ? null : Path.of(clientSleutel.replaceFirst("^file:", ""));
        this.connectTimeoutMs = connectTimeoutMs;
        this.timeoutMs = timeoutMs;
    }

    /** The endpoint URI; the file name comes from the {@code CamelFileName} header. */
    public String uri(SftpBestemming doel) {
        controleerClientSleutel();
        return "sftp://" + doel.host() + ":" + doel.poort() + map(doel.map())
                + "?username=" + doel.gebruiker()
                + "&privateKeyFile=RAW(" + clientSleutel.toAbsolutePath() + ")"
                + "&knownHosts=RAW(" + doel.knownHostsRegel() + ")"
                + "&useUserKnownHostsFile=false&strictHostKeyChecking=yes"
                + "&tempFileName=.${file:onlyname}.part&fileExist=Ignore"
                + "&disconnect=true&maximumReconnectAttempts=0"
                + "&connectTimeout=" + connectTimeoutMs + "&timeout=" + timeoutMs;
    }

    /** @throws IllegalStateException naming the setting when Koppelpunt has no SSH key to log in with */
    public void controleerClientSleutel() {
        if (clientSleutel == null || !Files.isReadable(clientSleutel)) {
            throw new IllegalStateException("koppelpunt.bezorging.sftp.client-sleutel is not set or not readable: "
                    + "Koppelpunt cannot log in to the SFTP servers of gemeenten");
        }
    }

    /** camel-sftp: a directory after one slash is relative to the login folder, after two it is absolute. */
    private static String map(String map) {
        if (".".equals(map)) {
            return "";
        }
        return "/" + map;
    }
}
