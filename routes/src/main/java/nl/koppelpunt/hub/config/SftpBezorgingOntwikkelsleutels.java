package nl.koppelpunt.hub.config;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

import nl.koppelpunt.connectors.pki.DevelopmentPgpKeys;
import nl.koppelpunt.connectors.pki.DevelopmentSshKeys;

/**
 * Development keys for delivery over SFTP (docs/sftp.md), made before the partner files are read, because the demo
 * partner {@code gemeente-groningen.yaml} names them:
 * <ul>
 * <li>{@code <pki-dir>/koppelpunt-bezorging-ssh} (+ {@code .pub}): Koppelpunt's SSH client key, unless
 * {@code koppelpunt.bezorging.sftp.client-sleutel} is set; a gemeente adds the .pub to its server's authorized keys;</li>
 * <li>{@code <pki-dir>/demo-gemeente-sftp-host-ssh} (+ {@code .pub}): the host key of the demo gemeente's SFTP
 * server, pinned in its partner file;</li>
 * <li>{@code <pki-dir>/gemeente-groningen-pgp.asc} and {@code -geheim.asc}: the demo gemeente's PGP key, whose public
 * half its partner file names and whose secret half lets a newcomer decrypt what arrives ({@code gpg --import}).</li>
 * </ul>
 * Koppelpunt's own PGP key, which signs the delivered files, is made by DevelopmentSecrets with the inbox's keys.
 */
final class SftpBezorgingOntwikkelsleutels {

    static final String CLIENT = "koppelpunt-bezorging";
    static final String DEMO_HOST = "demo-gemeente-sftp-host";
    static final String DEMO_GEMEENTE = "gemeente-groningen";

    private SftpBezorgingOntwikkelsleutels() {
    }

    static void ensure(Environment env, Path pkiDir, Map<String, Object> keys) {
        DevelopmentSshKeys.ensure(pkiDir, DEMO_HOST);
        DevelopmentPgpKeys.ensure(pkiDir.resolve(DEMO_GEMEENTE + "-pgp-geheim.asc"), pkiDir.resolve(DEMO_GEMEENTE + "-pgp.asc"),
                "Gemeente Groningen (demo) <gemeente-groningen@localhost>");
        if (!StringUtils.hasText(env.getProperty("koppelpunt.bezorging.sftp.client-sleutel"))) {
            DevelopmentSshKeys.ensure(pkiDir, CLIENT);
            keys.put("koppelpunt.bezorging.sftp.client-sleutel", DevelopmentSshKeys.privateKey(pkiDir, CLIENT).toString());
        }
    }
}
