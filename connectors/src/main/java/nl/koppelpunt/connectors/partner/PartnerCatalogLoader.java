package nl.koppelpunt.connectors.partner;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.util.PropertyPlaceholderHelper;

import nl.koppelpunt.connectors.autorisatie.Autorisatie;
import nl.koppelpunt.connectors.autorisatie.Operatie;
import nl.koppelpunt.connectors.pki.Oin;
import nl.koppelpunt.schemas.Berichttype;

/**
 * Reads {@code partners/*.yaml}: one file per partner. Onboarding is configuration, never code, so the loader is
 * strict: an unknown field, a bad OIN or a type the role may not send stops the start instead of being ignored.
 */
public final class PartnerCatalogLoader {

    private static final Pattern ID = Pattern.compile("^[a-z0-9][a-z0-9-]{0,62}$");
    private static final Pattern GEMEENTECODE = Pattern.compile("^GM[0-9]{4}$");

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // "verzoeken-per-seconde: 0.5" must be refused, not silently read as 0.
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    /**
     * Without a Spring environment: {@code ${...}} placeholders take system properties or their defaults.
     *
     * @param locationPattern a Spring resource pattern such as {@code classpath*:partners/*.yaml}
     */
    public PartnerCatalog load(String locationPattern) {
        PropertyPlaceholderHelper helper = new PropertyPlaceholderHelper("${", "}", ":", null, false);
        return load(locationPattern, text -> helper.replacePlaceholders(text, System::getProperty));
    }

    /**
     * @param placeholders resolves {@code ${...}} in webhook URLs (from the Spring environment), so one partner file
     *                     can serve every environment
     */
    public PartnerCatalog load(String locationPattern, UnaryOperator<String> placeholders) {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources(locationPattern);
            List<Partner> partners = new ArrayList<>();
            for (Resource resource : resources) {
                partners.add(toPartner(read(resource), resource.getFilename(), placeholders));
            }
            partners.sort(Comparator.comparing(Partner::id));
            return new PartnerCatalog(partners);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read partner configuration at " + locationPattern, e);
        }
    }

    private PartnerYaml read(Resource resource) throws IOException {
        try (InputStream in = resource.getInputStream()) {
            return yaml.readValue(in, PartnerYaml.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("partner configuration " + resource.getFilename() + ": " + field(e)
                    + e.getOriginalMessage(), e);
        }
    }

    /** The failing field as written in the file ("limieten.burst: "), so a bad value is easy to find. */
    private static String field(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
            return "";
        }
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : mapping.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path + ": ";
    }

    private static Partner toPartner(PartnerYaml y, String file, UnaryOperator<String> placeholders) {
        require(y.id != null && ID.matcher(y.id).matches(), file, "id must be a lower-case slug such as 'gemeente-utrecht'");
        require(y.naam != null && !y.naam.isBlank(), file, "naam is required");
        require(y.oin != null && Oin.isValid(y.oin), file, "oin must be 20 digits");
        require(y.rol != null, file, "rol is required");
        Rol rol = Rol.fromCode(y.rol);
        if (rol == Rol.GEMEENTE) {
            require(y.gemeentecode != null && GEMEENTECODE.matcher(y.gemeentecode).matches(), file,
                    "a gemeente needs a gemeentecode such as GM0344");
        }
        Set<Berichttype> types = EnumSet.noneOf(Berichttype.class);
        for (String code : y.berichttypen == null ? List.<String>of() : y.berichttypen) {
            Berichttype type = Berichttype.fromCode(code)
                    .orElseThrow(() -> new IllegalArgumentException(file + ": unknown berichttype '" + code + "'"));
            require(Autorisatie.mag(rol, Operatie.VERSTUREN, type), file, "role " + rol.code() + " may not send " + code);
            types.add(type);
        }
        List<Abonnement> abonnementen = new ArrayList<>();
        for (AbonnementYaml a : y.abonnementen == null ? List.<AbonnementYaml>of() : y.abonnementen) {
            require(rol == Rol.GEMEENTE || rol == Rol.TVS, file, "only a gemeente or TVS has abonnementen");
            abonnementen.add(AbonnementFactory.toAbonnement(a, y.id, rol, y.gemeentecode, file, placeholders));
        }
        return new Partner(y.id, y.naam, y.oin, rol, y.gemeentecode, types, abonnementen, limieten(y.limieten, file),
                sftpSleutel(y.sftp, file), PartnerPgp.instellingen(y.pgp, file));
    }

    private static Limieten limieten(LimietenYaml l, String file) {
        if (l == null) {
            return Limieten.STANDAARD;
        }
        try {
            return new Limieten(l.verzoekenPerSeconde, l.burst, l.maxBodyBytes);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("partner configuration " + file + ": limieten." + e.getMessage(), e);
        }
    }

    private static String sftpSleutel(SftpYaml sftp, String file) {
        if (sftp == null || sftp.publiekeSleutel == null) {
            return null;
        }
        try {
            SshSleutels.publiekeSleutel(sftp.publiekeSleutel);
            return sftp.publiekeSleutel.strip();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("partner configuration " + file + ": sftp.publieke-sleutel: " + e.getMessage(), e);
        }
    }

    static void require(boolean ok, String file, String message) {
        if (!ok) {
            throw new IllegalArgumentException("partner configuration " + file + ": " + message);
        }
    }

    /** The file layout; kept apart from {@link Partner} so the domain record has no YAML concerns. */
    static final class PartnerYaml {
        public String id;
        public String naam;
        public String oin;
        public String rol;
        public String gemeentecode;
        public List<String> berichttypen;
        public List<AbonnementYaml> abonnementen;
        public LimietenYaml limieten;
        public SftpYaml sftp;
        public PgpYaml pgp;
    }

    /** {@code pgp} in a partner file (docs/security/pgp.md). */
    static final class PgpYaml {
        /** The armored certificate itself, or where to find it (a path, {@code file:} or {@code classpath:}). */
        @JsonProperty("publieke-sleutel")
        public String publiekeSleutel;
        @JsonProperty("ondertekening-verplicht")
        public boolean ondertekeningVerplicht;
    }

    /** {@code sftp} in a partner file: access to the hosted SFTP inbox. */
    static final class SftpYaml {
        @JsonProperty("publieke-sleutel")
        public String publiekeSleutel;
    }

    /** {@code limieten} in a partner file; each field optional (the global default applies). */
    static final class LimietenYaml {
        @JsonProperty("verzoeken-per-seconde")
        public Long verzoekenPerSeconde;
        public Long burst;
        @JsonProperty("max-body-bytes")
        public Integer maxBodyBytes;
    }

    /** One subscription in a partner file. */
    static final class AbonnementYaml {
        /** A gemeente's: the receiving department. */
        public String afdeling;
        /** TVS's: the subscription's name (the screen it feeds), part of its id; default {@code schermen}. */
        public String naam;
        public List<String> berichttypen;
        public String kanaal;
        public String url;
        public List<String> secties;
        /** For {@code kanaal: sftp}: the gemeente's SFTP server. */
        public SftpBestemmingYaml sftp;
    }

    /** {@code sftp} in a subscription: where and how files are pushed (docs/sftp.md, "Delivery over SFTP"). */
    static final class SftpBestemmingYaml {
        public String host;
        /** A string, so that a {@code ${...}} placeholder can give it. */
        public String poort;
        public String gebruiker;
        public String map;
        @JsonProperty("host-sleutel")
        public String hostSleutel;
        @JsonProperty("pgp-sleutel")
        public String pgpSleutel;
    }
}
