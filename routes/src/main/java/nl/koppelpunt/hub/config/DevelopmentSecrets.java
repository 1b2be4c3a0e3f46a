package nl.koppelpunt.hub.config;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

import nl.koppelpunt.connectors.partner.Partner;
import nl.koppelpunt.connectors.partner.PartnerCatalogLoader;
import nl.koppelpunt.connectors.pki.DevelopmentPgpKeys;
import nl.koppelpunt.connectors.pki.DevelopmentPki;
import nl.koppelpunt.connectors.pki.DevelopmentSigningKey;
import nl.koppelpunt.connectors.pki.DevelopmentSshKeys;
import nl.koppelpunt.connectors.pki.PartnerIdentity;
import nl.koppelpunt.hub.pgp.PartnerPgpSleutels;
import nl.koppelpunt.hub.privacy.VersleutelingConfiguratie;

/**
 * In development mode ({@code koppelpunt.ontwikkeling=true}), creates under the data directory what a first start
 * needs: a development CA, the server certificate, a certificate per configured partner (PEM, usable by curl), a
 * development SSH key per sending partner (SFTP), development OpenPGP keys (Koppelpunt's, and each sender's without one), the keys for delivery over SFTP, a development pseudonym key and, unless keys are configured, a development key for the encryption of data at rest. It runs as a bean factory post-processor: after every property source is in place, but
 * before the HTTPS connector reads the certificates while the web server is created.
 */
public class DevelopmentSecrets implements BeanFactoryPostProcessor, EnvironmentAware {

    /** The id of the generated development key for data at rest. */
    static final String DEV_KEY_ID = "ontw1";

    private ConfigurableEnvironment env;

    @Override
    public void setEnvironment(Environment environment) {
        this.env = (ConfigurableEnvironment) environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (!env.getProperty("koppelpunt.ontwikkeling", Boolean.class, false)) {
            return;
        }
        Path pkiDir = Path.of(env.getRequiredProperty("koppelpunt.pki.dir"));
        Map<String, Object> keys = new HashMap<>();
        // First: the demo partner file for delivery over SFTP names some of these keys.
        SftpBezorgingOntwikkelsleutels.ensure(env, pkiDir, keys);
        List<Partner> catalog = new PartnerCatalogLoader()
                .load(env.getRequiredProperty("koppelpunt.partners.location"), env::resolveRequiredPlaceholders).all();
        List<PartnerIdentity> partners = catalog.stream()
                .map(p -> new PartnerIdentity(p.id(), p.naam(), p.oin()))
                .toList();
        List<String> hostnames = Arrays.stream(env.getProperty("koppelpunt.pki.hostnames", "localhost").split(","))
                .map(String::trim).filter(StringUtils::hasText).toList();
        DevelopmentPki.ensure(pkiDir, partners, hostnames);
        // An SSH key pair per sending partner for the hosted SFTP inbox (docs/sftp.md), beside its certificate.
        catalog.stream().filter(nl.koppelpunt.hub.sftp.SftpToegang::heeftInbox)
                .forEach(p -> DevelopmentSshKeys.ensure(pkiDir, p.id()));
        // An OpenPGP key pair per sending partner without one configured (signs its SFTP files; docs/sftp.md).
        catalog.stream().filter(p -> !p.berichttypen().isEmpty() && p.pgp().publiekeSleutel() == null)
                .forEach(p -> PartnerPgpSleutels.ontwikkelsleutel(pkiDir, p));

        if (!StringUtils.hasText(env.getProperty("koppelpunt.pseudoniem.sleutel"))) {
            Path keyFile = Path.of(env.getRequiredProperty("koppelpunt.data-dir"), "sleutels", "pseudoniem.key");
            keys.put("koppelpunt.pseudoniem.sleutel", DevelopmentKey.ensure(keyFile));
        }
        // The key that signs deliveries (docs/security/ondertekening.md).
        if (!StringUtils.hasText(env.getProperty("koppelpunt.ondertekening.sleutel"))) {
            Path keyFile = Path.of(env.getRequiredProperty("koppelpunt.data-dir"), "sleutels", "ondertekening.key");
            keys.put("koppelpunt.ondertekening.sleutel", DevelopmentSigningKey.ensure(keyFile).toUri().toString());
        }
        // Koppelpunt's own OpenPGP key (docs/security/pgp.md): the secret half beside the other keys (owner-only, no
        // passphrase in development), the public half in the PKI folder for partners. The same files as the SFTP
        // delivery's development keys use, so whichever runs first makes them.
        if (!StringUtils.hasText(env.getProperty("koppelpunt.pgp.sleutel")) && !keys.containsKey("koppelpunt.pgp.sleutel")) {
            Path geheim = Path.of(env.getRequiredProperty("koppelpunt.data-dir"), "sleutels", "koppelpunt-pgp.asc");
            DevelopmentPgpKeys.ensure(geheim, pkiDir.resolve("koppelpunt-pgp.asc"), "Koppelpunt (ontwikkeling) <koppelpunt@localhost>");
            keys.put("koppelpunt.pgp.sleutel", geheim.toUri().toString());
        }
        // The keys that encrypt payloads at rest (docs/security/versleuteling.md).
        if (Binder.get(env).bind(VersleutelingConfiguratie.SLEUTELS, Bindable.mapOf(String.class, String.class))
                .map(Map::isEmpty).orElse(true)) {
            Path keyFile = Path.of(env.getRequiredProperty("koppelpunt.data-dir"), "sleutels", "versleuteling-" + DEV_KEY_ID + ".key");
            keys.put(VersleutelingConfiguratie.SLEUTELS + "." + DEV_KEY_ID, DevelopmentKey.ensure(keyFile));
            if (!StringUtils.hasText(env.getProperty(VersleutelingConfiguratie.ACTIEVE_SLEUTEL))) {
                keys.put(VersleutelingConfiguratie.ACTIEVE_SLEUTEL, DEV_KEY_ID);
            }
        }
        env.getPropertySources().addLast(new MapPropertySource("koppelpunt-development-keys", keys));
    }
}
