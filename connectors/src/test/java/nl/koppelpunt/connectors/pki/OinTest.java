package nl.koppelpunt.connectors.pki;

import static org.assertj.core.api.Assertions.assertThat;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class OinTest {

    private static final String OIN = "00000001002220647000";

    @Test
    void twentyAsciiDigitsAreValid() {
        assertThat(Oin.isValid(OIN)).isTrue();
        assertThat(Oin.isValid(DevelopmentPki.KOPPELPUNT_OIN)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "0000000100222064700",      // 19 digits
        "000000010022206470001",    // 21 digits
        " 00000001002220647000",
        "00000001002220647000\n",
        "0000000100222064700O",     // letter O
        "0000-0001-0022-2064-70",
        "００００００００１００２２２０６４７０００", // full-width digits
        "٠٠٠٠٠٠٠١٠٠٢٢٢٠٦٤٧٠٠٠"  // Arabic-Indic digits
    })
    void everythingElseIsInvalid(String value) {
        assertThat(Oin.isValid(value)).isFalse();
    }

    @Test
    void readsSerialNumberAmongOtherRdns() throws Exception {
        var subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "NL").addRDN(BCStyle.O, "Gemeente Utrecht")
                .addRDN(BCStyle.OU, "Werk en Inkomen").addRDN(BCStyle.SERIALNUMBER, OIN).addRDN(BCStyle.CN, "Gemeente Utrecht").build();
        assertThat(Oin.fromCertificate(TestCertificates.withSubject(subject))).contains(OIN);
    }

    @Test
    void readsSerialNumberInsideAMultiValuedRdn() throws Exception {
        var subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "NL")
                .addMultiValuedRDN(new ASN1ObjectIdentifier[] {BCStyle.CN, BCStyle.SERIALNUMBER}, new String[] {"Gemeente Utrecht", OIN})
                .build();
        assertThat(Oin.fromCertificate(TestCertificates.withSubject(subject))).contains(OIN);
    }

    @Test
    void certificateWithoutSerialNumberHasNoOin() throws Exception {
        var subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "NL").addRDN(BCStyle.CN, OIN).build();
        assertThat(Oin.fromCertificate(TestCertificates.withSubject(subject))).isEmpty();
    }

    @Test
    void serialNumberThatIsNotAnOinIsIgnored() throws Exception {
        var subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.SERIALNUMBER, "12345").addRDN(BCStyle.CN, "x").build();
        assertThat(Oin.fromCertificate(TestCertificates.withSubject(subject))).isEmpty();
    }

    @Test
    void twoSerialNumbersAreAmbiguousAndYieldNoOin() throws Exception {
        var subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.SERIALNUMBER, OIN)
                .addRDN(BCStyle.SERIALNUMBER, "00000001003214345000").addRDN(BCStyle.CN, "x").build();
        assertThat(Oin.fromCertificate(TestCertificates.withSubject(subject))).isEmpty();
    }
}
