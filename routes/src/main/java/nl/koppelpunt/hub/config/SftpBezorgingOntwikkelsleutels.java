package nl.koppelpunt.hub.config;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

import nl.koppelpunt.connectors.pki.DevelopmentSshKeys;

/**
 * Development keys for delivery over SFTP (docs/sftp.md), made before the partner files are read, because the demo
 * partner {@code gemeente-rotterdam.yaml} names them:
 * <ul>
 * <li>{@code <pki-dir>/koppelpunt-bezorging-ssh} (+ {@code .pub}): Koppelpunt's SSH client key, unless
 * {@code koppelpunt.bezorging.sftp.client-sleutel} is set; a gemeente adds the .pub to its server's authorized keys;</li>
 * <li>{@code <pki-dir>/demo-gemeente-sftp-host-ssh} (+ {@code .pub}): the host key of the demo gemeente's SFTP
 * server, pinned in its partner file.</li>
 * </ul>
 */
final class SftpBezorgingOntwikkelsleutels {

    static final String CLIENT = "koppelpunt-bezorging";
    static final String DEMO_HOST = "demo-gemeente-sftp-host";

    private SftpBezorgingOntwikkelsleutels() {
    }

    static void ensure(Environment env, Path pkiDir, Map<String, Object> keys) {
        DevelopmentSshKeys.ensure(pkiDir, DEMO_HOST);
        if (!StringUtils.hasText(env.getProperty("koppelpunt.bezorging.sftp.client-sleutel"))) {
            DevelopmentSshKeys.ensure(pkiDir, CLIENT);
            keys.put("koppelpunt.bezorging.sftp.client-sleutel", DevelopmentSshKeys.privateKey(pkiDir, CLIENT).toString());
        }
    }
}
