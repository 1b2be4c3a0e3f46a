package nl.koppelpunt.connectors.ondertekening;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Base64;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Null;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.jce.ECNamedCurveTable;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;

/**
 * EC P-256 keys from configuration: PEM given inline or by location (as Spring Boot's PEM SSL bundles take them),
 * checked to be on P-256, and their JWK form (RFC 7518 §6.2, RFC 7638 thumbprint). PEM parsing is BouncyCastle's.
 */
public final class EcSleutels {

    private static final ECParameterSpec P256 = p256();
    private static final int COORDINAAT_BYTES = 32;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private EcSleutels() {
    }

    /** The PEM text of a setting: the value itself when it holds PEM, else the file or resource it names. */
    static String pem(String inhoudOfLocatie, String instelling) {
        if (inhoudOfLocatie == null || inhoudOfLocatie.isBlank()) {
            throw new IllegalArgumentException(instelling + " is empty");
        }
        String waarde = inhoudOfLocatie.trim();
        if (waarde.startsWith("-----BEGIN")) {
            return waarde;
        }
        try {
            if (waarde.startsWith("classpath:") || waarde.startsWith("file:")) {
                Resource resource = new DefaultResourceLoader().getResource(waarde);
                return new String(resource.getInputStream().readAllBytes(), US_ASCII);
            }
            return Files.readString(Path.of(waarde), US_ASCII);
        } catch (IOException e) {
            // The location is configuration, not a secret; the key itself never appears in a message.
            throw new IllegalArgumentException(instelling + ": cannot read " + waarde + " (" + e.getMessage() + ")", e);
        }
    }

    /** The EC P-256 private key in the PEM (PKCS#8 "PRIVATE KEY" or SEC1 "EC PRIVATE KEY", unencrypted). */
    static ECPrivateKey privateSleutel(String pem, String instelling) {
        PrivateKeyInfo info = null;
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            for (Object object = parser.readObject(); object != null && info == null; object = parser.readObject()) {
                if (object instanceof PrivateKeyInfo pkcs8) {
                    info = pkcs8;
                } else if (object instanceof PEMKeyPair sec1) {
                    info = sec1.getPrivateKeyInfo();
                } else if (object instanceof PKCS8EncryptedPrivateKeyInfo || object instanceof PEMEncryptedKeyPair) {
                    throw new IllegalArgumentException(instelling + " holds an encrypted private key; give it unencrypted "
                            + "(from a secret store or a file only the service can read)");
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(instelling + " is not a readable PEM private key", e);
        }
        if (info == null) {
            throw new IllegalArgumentException(instelling + " must hold an EC P-256 private key; none found");
        }
        return p256PrivateSleutel(info, instelling);
    }

    /**
     * Read from the ASN.1 rather than through a key factory: the curve may be named in the algorithm identifier
     * (PKCS#8) or only inside the SEC1 structure (openssl's "EC PRIVATE KEY"), and the JDK accepts only the first.
     */
    private static ECPrivateKey p256PrivateSleutel(PrivateKeyInfo info, String instelling) {
        if (!X9ObjectIdentifiers.id_ecPublicKey.equals(info.getPrivateKeyAlgorithm().getAlgorithm())) {
            throw new IllegalArgumentException(instelling + " must hold an EC P-256 private key, not "
                    + algoritmeNaam(info.getPrivateKeyAlgorithm().getAlgorithm()));
        }
        try {
            org.bouncycastle.asn1.sec.ECPrivateKey sec1 = org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(info.parsePrivateKey());
            ASN1Encodable curve = info.getPrivateKeyAlgorithm().getParameters();
            if (curve == null || curve instanceof ASN1Null) {
                curve = sec1.getParametersObject();
            }
            if (!SECObjectIdentifiers.secp256r1.equals(curve)) {
                throw new IllegalArgumentException(instelling + " must be on curve P-256 (secp256r1, prime256v1)");
            }
            BigInteger d = sec1.getKey();
            if (d.signum() <= 0 || d.compareTo(P256.getOrder()) >= 0) {
                throw new IllegalArgumentException(instelling + " is not a valid P-256 private key");
            }
            return (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(d, P256));
        } catch (IOException | GeneralSecurityException | IllegalStateException e) {
            throw new IllegalArgumentException(instelling + " is not a readable EC private key", e);
        }
    }

    private static String algoritmeNaam(ASN1ObjectIdentifier oid) {
        if (PKCSObjectIdentifiers.rsaEncryption.equals(oid)) {
            return "RSA";
        }
        return oid.getId();
    }

    /** The EC P-256 public key in the PEM ("PUBLIC KEY", or the key of a "CERTIFICATE"). */
    static ECPublicKey publiekeSleutel(String pem, String instelling) {
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        PublicKey sleutel = null;
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            for (Object object = parser.readObject(); object != null && sleutel == null; object = parser.readObject()) {
                if (object instanceof SubjectPublicKeyInfo info) {
                    sleutel = converter.getPublicKey(info);
                } else if (object instanceof X509CertificateHolder certificaat) {
                    sleutel = converter.getPublicKey(certificaat.getSubjectPublicKeyInfo());
                } else if (object instanceof PrivateKeyInfo || object instanceof PEMKeyPair) {
                    // An old private key has no business in the configuration once it no longer signs.
                    throw new IllegalArgumentException(instelling + " holds a private key; give only its public key "
                            + "(openssl pkey -in old.key -pubout)");
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(instelling + " is not a readable PEM public key", e);
        }
        if (!(sleutel instanceof ECPublicKey ec)) {
            throw new IllegalArgumentException(instelling + " must hold an EC P-256 public key"
                    + (sleutel == null ? "; none found" : ", not " + sleutel.getAlgorithm()));
        }
        controleerP256(ec.getParams(), instelling);
        return ec;
    }

    /** The public half of a P-256 private key: Q = d·G (the JDK cannot derive it, BouncyCastle's curve math can). */
    static ECPublicKey publiekDeel(ECPrivateKey sleutel) {
        org.bouncycastle.math.ec.ECPoint q = ECNamedCurveTable.getParameterSpec("secp256r1").getG().multiply(sleutel.getS()).normalize();
        ECPoint w = new ECPoint(q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger());
        try {
            return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, P256));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot build a P-256 public key", e);
        }
    }

    /** The JWK thumbprint (RFC 7638, SHA-256): a key id that any receiver can recompute from the JWK. */
    static String thumbprint(ECPublicKey sleutel) {
        // RFC 7638 §3.2: the required members only, in lexicographic order, no whitespace.
        String json = "{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"" + coordinaat(sleutel.getW().getAffineX())
                + "\",\"y\":\"" + coordinaat(sleutel.getW().getAffineY()) + "\"}";
        try {
            return BASE64URL.encodeToString(MessageDigest.getInstance("SHA-256").digest(json.getBytes(UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A coordinate as RFC 7518 §6.2.1.2 wants it: exactly 32 big-endian bytes, base64url without padding. */
    static String coordinaat(BigInteger waarde) {
        byte[] bytes = waarde.toByteArray();
        byte[] vast = new byte[COORDINAAT_BYTES];
        int lengte = Math.min(bytes.length, COORDINAAT_BYTES);
        // toByteArray may add a leading sign byte (33 bytes) or be shorter than 32 when the top bytes are zero.
        System.arraycopy(bytes, bytes.length - lengte, vast, COORDINAAT_BYTES - lengte, lengte);
        return BASE64URL.encodeToString(vast);
    }

    static void controleerP256(ECParameterSpec params, String wat) {
        if (!params.getCurve().equals(P256.getCurve()) || !params.getOrder().equals(P256.getOrder())
                || !params.getGenerator().equals(P256.getGenerator())) {
            throw new IllegalArgumentException(wat + " must be on curve P-256 (secp256r1, prime256v1)");
        }
    }

    /**
     * A key id goes into a structured-field string (RFC 8941 §3.3.3) and a JSON string: printable ASCII only, so it
     * needs no escaping a receiver could get wrong.
     */
    static void controleerSleutelId(String sleutelId) {
        if (sleutelId == null || !sleutelId.matches("[A-Za-z0-9._~:+/=-]{1,128}")) {
            throw new IllegalArgumentException("sleutel-id must be 1-128 characters of A-Z a-z 0-9 . _ ~ : + / = -");
        }
    }

    private static ECParameterSpec p256() {
        try {
            AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
            params.init(new ECGenParameterSpec("secp256r1"));
            return params.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK does not know curve P-256", e);
        }
    }
}
