package nl.koppelpunt.hub.pgp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import nl.koppelpunt.connectors.pgp.PgpSleutelpaar;
import nl.koppelpunt.connectors.pgp.PgpSleutels;
import nl.koppelpunt.connectors.pki.PemSslContexts;
import nl.koppelpunt.hub.support.HubClient;
import nl.koppelpunt.hub.support.HubIntegrationTest;

/**
 * Koppelpunt's OpenPGP certificate at {@code /.well-known/koppelpunt-pgp.asc}: for anyone, public half only, the key
 * that decrypts the inbox; in development generated at first start in the PKI folder, readable by the owner only.
 */
class PgpSleutelEndpointTest extends HubIntegrationTest {

    @Autowired
    @Qualifier("koppelpuntPgpSleutelpaar")
    PgpSleutelpaar koppelpunt;

    private HubClient anoniem() {
        return new HubClient(PemSslContexts.trustOnly(DATA_DIR.resolve("pki/ca.crt")), port);
    }

    @Test
    void hetCertificaatIsOpenbaarEnAlleenDePubliekeHelft() throws Exception {
        HttpResponse<String> antwoord = anoniem().get("/.well-known/koppelpunt-pgp.asc");

        assertThat(antwoord.statusCode()).isEqualTo(200);
        assertThat(antwoord.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/pgp-keys"));
        assertThat(antwoord.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("max-age=300"));
        assertThat(antwoord.body()).startsWith("-----BEGIN PGP PUBLIC KEY BLOCK-----").doesNotContain("PRIVATE");
        // The key partners encrypt to is the one Koppelpunt decrypts with.
        assertThat(PgpSleutels.versleutelSleutel(PgpSleutels.publiekeSleutelring(antwoord.body())).getKeyID())
                .isEqualTo(koppelpunt.versleutelSleutel().getKeyID());
    }

    @Test
    void inOntwikkelingIsHetDeSleutelInDePkiMapAlleenLeesbaarVoorDeEigenaar() throws Exception {
        Path geheim = DATA_DIR.resolve("sleutels/koppelpunt-pgp.asc");
        assertThat(Files.getPosixFilePermissions(geheim)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(geheim)).startsWith("-----BEGIN PGP PRIVATE KEY BLOCK-----");
        assertThat(Files.readString(DATA_DIR.resolve("pki/koppelpunt-pgp.asc")).strip())
                .isEqualTo(anoniem().get("/.well-known/koppelpunt-pgp.asc").body().strip());
        // Each sending partner without a configured key has a development key pair for gpg.
        assertThat(Files.readString(DATA_DIR.resolve("pki/coa-pgp-geheim.asc"))).startsWith("-----BEGIN PGP PRIVATE KEY BLOCK-----");
        assertThat(Files.readString(DATA_DIR.resolve("pki/coa-pgp.asc"))).startsWith("-----BEGIN PGP PUBLIC KEY BLOCK-----");
    }

    @Test
    void alleenLezenVanDatEneDocumentKanZonderCertificaat() {
        HubClient anoniem = anoniem();
        HttpResponse<String> schrijven = anoniem.send(HttpRequest.newBuilder(anoniem.uri("/.well-known/koppelpunt-pgp.asc"))
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString("x")).build());
        assertThat(schrijven.statusCode()).isEqualTo(401);
        assertThat(anoniem.get("/.well-known/koppelpunt-pgp.asc/").statusCode()).isEqualTo(401);
        assertThat(client("coa").get("/.well-known/koppelpunt-pgp.asc").body())
                .isEqualTo(anoniem.get("/.well-known/koppelpunt-pgp.asc").body());
    }
}
