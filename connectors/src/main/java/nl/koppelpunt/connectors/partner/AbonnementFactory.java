package nl.koppelpunt.connectors.partner;

import static nl.koppelpunt.connectors.partner.PartnerCatalogLoader.require;

import java.net.URI;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

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

    private AbonnementFactory() {
    }

    static Abonnement toAbonnement(PartnerCatalogLoader.AbonnementYaml a, String partnerId, String gemeentecode, String file,
                                   UnaryOperator<String> placeholders) {
        require(a.afdeling != null, file, "an abonnement needs an afdeling");
        Afdeling afdeling = Afdeling.fromCode(a.afdeling);
        require("rest".equals(a.kanaal) || "sftp".equals(a.kanaal), file, "kanaal must be rest or sftp (soap is not available yet)");
        URI url = null;
        SftpBestemming sftp = null;
        if ("rest".equals(a.kanaal)) {
            require(a.sftp == null, file, "an sftp block belongs to kanaal sftp, not rest");
            require(a.url != null && !a.url.isBlank(), file, "a rest abonnement needs a url");
            url = URI.create(placeholders.apply(a.url));
            require("http".equals(url.getScheme()) || "https".equals(url.getScheme()), file, "url must be http(s)");
            // A URI is logged (delivery errors name it): credentials in it would end up in the logs.
            require(url.getRawUserInfo() == null, file, "url must not contain credentials (user:password@)");
        } else {
            require(a.url == null, file, "an sftp abonnement has no url (its server is in the sftp block)");
            sftp = SftpBestemmingFactory.van(a.sftp, file, placeholders);
        }
        Set<Berichttype> types = EnumSet.noneOf(Berichttype.class);
        for (String code : a.berichttypen == null ? List.<String>of() : a.berichttypen) {
            Berichttype type = Berichttype.fromCode(code)
                    .orElseThrow(() -> new IllegalArgumentException(file + ": unknown berichttype '" + code + "'"));
            // What a gemeente receives is content it reads: the matrix says which types that may be.
            require(Autorisatie.mag(Rol.GEMEENTE, Operatie.INHOUD_LEZEN, type), file, "a gemeente does not receive " + code);
            types.add(type);
        }
        require(!types.isEmpty(), file, "an abonnement needs at least one berichttype");
        Set<String> secties = a.secties == null ? afdeling.standaardSecties() : Set.copyOf(a.secties);
        for (String sectie : secties) {
            require(SECTIES.contains(sectie), file, "unknown klantprofiel section '" + sectie + "' (known: " + SECTIES + ")");
        }
        return new Abonnement(partnerId + "." + afdeling.code(), partnerId, gemeentecode, afdeling, types, a.kanaal, url, secties,
                sftp);
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
