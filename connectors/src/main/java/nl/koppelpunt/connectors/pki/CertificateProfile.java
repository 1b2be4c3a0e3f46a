package nl.koppelpunt.connectors.pki;

import java.io.IOException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.util.IPAddress;

/**
 * What a development certificate should say. Kept separate from the key and validity so that
 * {@link DevelopmentPki} can tell whether an existing certificate still says it, and re-issue only if not.
 *
 * @param alternativeNames null for client certificates
 */
record CertificateProfile(X500Name subject, GeneralNames alternativeNames, List<KeyPurposeId> purposes) {

    static final X500Name CA_NAME = name("Koppelpunt Development CA", null, "Koppelpunt (ontwikkeling)");

    static CertificateProfile partner(PartnerIdentity partner) {
        return new CertificateProfile(name(partner.naam(), partner.oin(), partner.naam()), null,
                List.of(KeyPurposeId.id_kp_clientAuth));
    }

    // clientAuth besides serverAuth: the gateway presents this certificate on outbound deliveries to partners.
    static CertificateProfile server(List<String> hostnames, String oin) {
        String commonName = hostnames.isEmpty() ? "localhost" : hostnames.get(0);
        return new CertificateProfile(name(commonName, oin, "Koppelpunt"), serverNames(hostnames),
                List.of(KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth));
    }

    boolean isSaidBy(X509Certificate certificate) throws IOException, CertificateParsingException {
        byte[] san = certificate.getExtensionValue(Extension.subjectAlternativeName.getId());
        GeneralNames actualNames = san == null ? null : GeneralNames.getInstance(JcaX509ExtensionUtils.parseExtensionValue(san));
        List<String> wantedPurposes = purposes.stream().map(purpose -> purpose.toOID().getId()).toList();
        return subject.equals(X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()))
                && Objects.equals(alternativeNames, actualNames)
                && wantedPurposes.equals(certificate.getExtendedKeyUsage());
    }

    // Built attribute by attribute (never parsed from a DN string) so a naam with ',' or '+' cannot inject RDNs.
    // Encoded C first and CN last, as PKIoverheid does; RFC 4514 prints it as "CN=..., serialNumber=..., O=..., C=NL".
    private static X500Name name(String commonName, String oin, String organisation) {
        X500NameBuilder builder = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "NL")
                .addRDN(BCStyle.O, organisation);
        if (oin != null) {
            builder.addRDN(BCStyle.SERIALNUMBER, oin);
        }
        return builder.addRDN(BCStyle.CN, commonName).build();
    }

    // Always localhost and both loopback addresses, so local tools work whatever the configured names are.
    private static GeneralNames serverNames(List<String> hostnames) {
        Set<GeneralName> names = new LinkedHashSet<>();
        for (String host : hostnames) {
            if (host == null || host.isBlank()) {
                throw new IllegalArgumentException("Server hostnames must not be blank: " + hostnames);
            }
            names.add(IPAddress.isValid(host) ? new GeneralName(GeneralName.iPAddress, host)
                    : new GeneralName(GeneralName.dNSName, host.toLowerCase(Locale.ROOT)));
        }
        names.add(new GeneralName(GeneralName.dNSName, "localhost"));
        names.add(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
        names.add(new GeneralName(GeneralName.iPAddress, "::1"));
        return new GeneralNames(names.toArray(GeneralName[]::new));
    }
}
