package nl.koppelpunt.connectors.pki;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;

/** The Organisatie-identificatienummer: how a partner is identified, taken from its TLS client certificate. */
public final class Oin {

    /** X.520 serialNumber (2.5.4.5): where PKIoverheid certificates carry the OIN. */
    public static final ASN1ObjectIdentifier SUBJECT_ATTRIBUTE = BCStyle.SERIALNUMBER;

    // [0-9] rather than \d or Character.isDigit: those accept non-ASCII digits (Arabic-Indic, full-width),
    // which would let two different strings denote "the same" OIN.
    private static final Pattern TWENTY_DIGITS = Pattern.compile("[0-9]{20}");

    private Oin() {
    }

    public static boolean isValid(String value) {
        return value != null && TWENTY_DIGITS.matcher(value).matches();
    }

    /**
     * The OIN in the certificate subject's serialNumber, or empty when it is absent, not 20 digits, or
     * present more than once. The subject is decoded from its DER bytes with BouncyCastle, not parsed
     * from a DN string, so escaping and RDN order cannot confuse it; multi-valued RDNs are searched too.
     */
    public static Optional<String> fromCertificate(X509Certificate certificate) {
        Objects.requireNonNull(certificate, "certificate");
        X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        List<String> values = new ArrayList<>();
        for (RDN rdn : subject.getRDNs()) {
            for (AttributeTypeAndValue attribute : rdn.getTypesAndValues()) {
                if (SUBJECT_ATTRIBUTE.equals(attribute.getType())) {
                    values.add(asString(attribute.getValue()));
                }
            }
        }
        // Two serialNumbers would let one certificate claim two identities: refuse to pick one.
        if (values.size() != 1) {
            return Optional.empty();
        }
        return Optional.ofNullable(values.get(0)).filter(Oin::isValid);
    }

    private static String asString(ASN1Encodable value) {
        return value instanceof ASN1String string ? string.getString() : null;
    }
}
