package nl.koppelpunt.hub.bezorging;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.stereotype.Component;

import nl.koppelpunt.connectors.pgp.PgpFout;
import nl.koppelpunt.connectors.pgp.PgpOndertekenaar;
import nl.koppelpunt.connectors.pgp.PgpSleutelpaar;

/**
 * Koppelpunt's own OpenPGP key, which signs every file delivered over SFTP ({@code koppelpunt.pgp.sleutel}: an
 * armored secret key, inline or a location such as {@code file:/etc/koppelpunt/pgp.asc}; its passphrase in
 * {@code koppelpunt.pgp.wachtwoordzin}). Loaded and unlocked at start, so a wrong passphrase stops the start rather
 * than the first delivery. Development mode generates one (docs/sftp.md). Without a key, SFTP deliveries fail with a
 * clear error (and so end as mislukt, replayable once the key is configured); nothing else needs it.
 */
@Component
public class KoppelpuntPgpSleutel {

    static final String SLEUTEL = "koppelpunt.pgp.sleutel";

    private final PgpSleutelpaar sleutelpaar;

    public KoppelpuntPgpSleutel(@Value("${" + SLEUTEL + ":}") String sleutel,
                                @Value("${koppelpunt.pgp.wachtwoordzin:}") String wachtwoordzin) {
        this.sleutelpaar = sleutel.isBlank() ? null : laad(sleutel.strip(), wachtwoordzin.toCharArray());
    }

    public PgpOndertekenaar ondertekenaar() throws PgpFout {
        controleer();
        return sleutelpaar.ondertekenaar();
    }

    /** @throws IllegalStateException naming the setting when there is no key, or none that can sign */
    public void controleer() {
        if (sleutelpaar == null) {
            throw new IllegalStateException(SLEUTEL + " is not set: Koppelpunt cannot sign SFTP deliveries");
        }
        try {
            sleutelpaar.ondertekenaar();
        } catch (PgpFout e) {
            throw new IllegalStateException(SLEUTEL + ": " + e.getMessage(), e);
        }
    }

    private static PgpSleutelpaar laad(String sleutel, char[] wachtwoordzin) {
        try {
            byte[] inhoud;
            if (sleutel.startsWith("-----BEGIN PGP")) {
                inhoud = sleutel.getBytes(StandardCharsets.US_ASCII);
            } else {
                try (InputStream in = new DefaultResourceLoader().getResource(sleutel).getInputStream()) {
                    inhoud = in.readAllBytes();
                }
            }
            return PgpSleutelpaar.laad(inhoud, wachtwoordzin);
        } catch (IOException e) {
            // The message names the setting and the reason (PgpFout: "onjuiste wachtwoordzin?"), never key material.
            throw new IllegalStateException(SLEUTEL + ": " + e.getMessage(), e);
        }
    }
}
