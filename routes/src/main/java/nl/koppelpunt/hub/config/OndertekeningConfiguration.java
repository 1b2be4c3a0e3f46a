package nl.koppelpunt.hub.config;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

import nl.koppelpunt.connectors.ondertekening.Ondertekeningssleutel;
import nl.koppelpunt.connectors.ondertekening.Ondertekeningssleutels;
import nl.koppelpunt.connectors.ondertekening.PubliekeSleutel;
import nl.koppelpunt.connectors.ondertekening.VerzoekOndertekening;

/** The signing key of deliveries, loaded and checked once at start: a bad key stops the start, not a delivery. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OndertekeningInstellingen.class)
public class OndertekeningConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(OndertekeningConfiguration.class);
    private static final String SLEUTEL = "koppelpunt.ondertekening.sleutel";

    @Bean
    Ondertekeningssleutels ondertekeningssleutels(OndertekeningInstellingen instellingen) {
        if (!StringUtils.hasText(instellingen.sleutel())) {
            throw new IllegalStateException(SLEUTEL + " is not set: deliveries must be signed. Give the EC P-256 "
                    + "private key (PEM, or its location) from the environment; see docs/security/ondertekening.md");
        }
        Ondertekeningssleutel huidig = Ondertekeningssleutel.laad(instellingen.sleutel(), instellingen.sleutelId(), SLEUTEL);
        List<PubliekeSleutel> vorige = new ArrayList<>();
        for (int i = 0; i < instellingen.vorige().size(); i++) {
            OndertekeningInstellingen.VorigeSleutel sleutel = instellingen.vorige().get(i);
            vorige.add(PubliekeSleutel.laad(sleutel.publiekeSleutel(), sleutel.sleutelId(),
                    "koppelpunt.ondertekening.vorige[" + i + "].publieke-sleutel"));
        }
        Ondertekeningssleutels sleutels = new Ondertekeningssleutels(huidig, vorige);
        LOG.info("Deliveries are signed with key {}; published keys: {}", huidig.sleutelId(),
                sleutels.gepubliceerd().stream().map(PubliekeSleutel::sleutelId).toList());
        return sleutels;
    }

    @Bean
    VerzoekOndertekening verzoekOndertekening(Ondertekeningssleutels sleutels, Clock clock) {
        return new VerzoekOndertekening(sleutels, clock);
    }
}
