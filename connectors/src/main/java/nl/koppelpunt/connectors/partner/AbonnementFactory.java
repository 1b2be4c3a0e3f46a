package nl.koppelpunt.connectors.partner;

import static nl.koppelpunt.connectors.partner.PartnerCatalogLoader.require;

import java.net.URI;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.koppelpunt.connectors.autorisatie.Autorisatie;
import nl.koppelpunt.connectors.autorisatie.Operatie;
import nl.koppelpunt.schemas.Berichttype;
import nl.koppelpunt.schemas.ContractCatalog;

/** Turns a subscription of a partner file into an {@link Abonnement}, checking it against the contracts. */
final class AbonnementFactory {

    /** The klantprofiel's top-level sections, read from the published schema so the two cannot drift apart. */
    static final Set<String> SECTIES = klantprofielSecties();
    /** The delivery channels; each has its route {@code direct:bezorg-<kanaal>} in the hub. */
    static final List<String> KANALEN = List.of("rest", "soap", "sftp");

    /** The TVS subscription's name when the file gives none. */
    static final String STANDAARD_TVS_NAAM = "schermen";
    /** A subscription to DUO's inburgeringsstatus must see this klantprofiel section: the status belongs to it. */
    static final String INBURGERINGSSECTIE = "inburgeringsgegevens";
    private static final Pattern NAAM = Pattern.compile("^[a-z0-9][a-z0-9-]{0,62}$");

    private AbonnementFactory() {
    }

    static Abonnement toAbonnement(PartnerCatalogLoader.AbonnementYaml a, String partnerId, Rol rol, String gemeentecode,
                                   String file, UnaryOperator<String> placeholders) {
        Afdeling afdeling = null;
        String naam;
        Set<String> standaardSecties;
        if (rol == Rol.TVS) {
            // TVS has no departments: it shows each gemeente's staff what that gemeente receives.
            require(a.afdeling == null, file, "a TVS abonnement has no afdeling; give it a naam (e.g. screening-en-matching)");
            naam = a.naam == null ? STANDAARD_TVS_NAAM : a.naam;
            require(NAAM.matcher(naam).matches(), file, "an abonnement naam must be a lower-case slug");
            standaardSecties = SECTIES;
        } else {
            require(a.naam == null, file, "a gemeente abonnement is named by its afdeling, not by naam");
            require(a.afdeling != null, file, "an abonnement needs an afdeling");
            afdeling = Afdeling.fromCode(a.afdeling);
            naam = afdeling.code();
            standaardSecties = afdeling.standaardSecties();
        }
        require(KANALEN.contains(a.kanaal), file, "kanaal must be one of " + KANALEN);
        URI url = null;
        SftpBestemming sftp = null;
        if ("sftp".equals(a.kanaal)) {
            require(a.url == null, file, "an sftp abonnement has no url (its server is in the sftp block)");
            sftp = SftpBestemmingFactory.van(a.sftp, file, placeholders);
        } else {
            require(a.sftp == null, file, "an sftp block belongs to kanaal sftp, not " + a.kanaal);
            require(a.url != null && !a.url.isBlank(), file, "a " + a.kanaal + " abonnement needs a url");
            url = URI.create(placeholders.apply(a.url));
            require("http".equals(url.getScheme()) || "https".equals(url.getScheme()), file, "url must be http(s)");
            // A SOAP endpoint receives signed personal data over Digikoppeling: only over (mutual) TLS.
            require(!"soap".equals(a.kanaal) || "https".equals(url.getScheme()), file, "a soap abonnement needs an https url");
            // A URI is logged (delivery errors name it): credentials in it would end up in the logs.
            require(url.getRawUserInfo() == null, file, "url must not contain credentials (user:password@)");
        }
        Set<Berichttype> types = EnumSet.noneOf(Berichttype.class);
        for (String code : a.berichttypen == null ? List.<String>of() : a.berichttypen) {
            Berichttype type = Berichttype.fromCode(code)
                    .orElseThrow(() -> new IllegalArgumentException(file + ": unknown berichttype '" + code + "'"));
            // What a subscription receives is content its partner reads: the matrix says which types that may be.
            require(Autorisatie.mag(rol, Operatie.INHOUD_LEZEN, type), file, "role " + rol.code() + " does not receive " + code);
            types.add(type);
        }
        require(!types.isEmpty(), file, "an abonnement needs at least one berichttype");
        Set<String> secties = a.secties == null ? standaardSecties : Set.copyOf(a.secties);
        for (String sectie : secties) {
            require(SECTIES.contains(sectie), file, "unknown klantprofiel section '" + sectie + "' (known: " + SECTIES + ")");
        }
        // Data minimisation (rule 7) covers DUO's status too: it is the klantprofiel's inburgering section.
        require(!types.contains(Berichttype.DUO_INBURGERINGSSTATUS) || secties.contains(INBURGERINGSSECTIE), file,
                "an abonnement on duo-inburgeringsstatus must see the klantprofiel section " + INBURGERINGSSECTIE);
        return new Abonnement(partnerId + "." + naam, partnerId, rol == Rol.TVS ? null : gemeentecode, afdeling, types,
                a.kanaal, url, secties, sftp);
    }

    private static Set<String> klantprofielSecties() {
        try {
            JsonNode schema = new ObjectMapper().readTree(ContractCatalog.v1().schemaText(Berichttype.KLANTPROFIEL));
            Set<String> secties = new HashSet<>();
            for (Iterator<String> it = schema.path("properties").fieldNames(); it.hasNext(); ) {
                secties.add(it.next());
            }
            secties.removeAll(Set.of("profielversie", "datum"));
            return Set.copyOf(secties);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("klantprofiel schema unreadable", e);
        }
    }
}
