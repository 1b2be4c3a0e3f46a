package nl.koppelpunt.connectors.ondertekening;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/** Keys made fresh for a test run (never committed), as PEM the way an operator would hand them over. */
final class SleutelsVoorTests {

    private SleutelsVoorTests() {
    }

    static KeyPair p256() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    /** "PRIVATE KEY" (PKCS#8), as {@code openssl genpkey} writes it. */
    static String pkcs8Pem(KeyPair paar) {
        return pem("PRIVATE KEY", paar.getPrivate().getEncoded());
    }

    /** "EC PRIVATE KEY" (SEC1, curve named inside), as {@code openssl ecparam -genkey} writes it. */
    static String sec1Pem(KeyPair paar) throws java.io.IOException {
        org.bouncycastle.asn1.sec.ECPrivateKey sec1 = new org.bouncycastle.asn1.sec.ECPrivateKey(256,
                ((java.security.interfaces.ECPrivateKey) paar.getPrivate()).getS(),
                new DERBitString(SubjectPublicKeyInfo.getInstance(paar.getPublic().getEncoded()).getPublicKeyData().getBytes()),
                SECObjectIdentifiers.secp256r1);
        return pem("EC PRIVATE KEY", sec1.getEncoded());
    }

    /** "PUBLIC KEY" (SubjectPublicKeyInfo), as {@code openssl pkey -pubout} writes it. */
    static String publiekPem(KeyPair paar) {
        return pem("PUBLIC KEY", paar.getPublic().getEncoded());
    }

    private static String pem(String soort, byte[] der) {
        return "-----BEGIN " + soort + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + soort + "-----\n";
    }
}
