package org.sakshi.signing;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/** Small facts about X.509 certificates used across signing and time-stamping. JDK only. */
public final class Certificates {
    private Certificates() {
    }

    /** Lower-case hex SHA-256 of the certificate's DER encoding (the {@code cert_sha256} of the spec). */
    public static String sha256Hex(X509Certificate cert) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot hash certificate " + cert.getSubjectX500Principal(), e);
        }
    }

    /** The subject's common name, or the whole RFC 2253 subject when it has no CN. */
    public static String commonName(X509Certificate cert) {
        String dn = cert.getSubjectX500Principal().getName();
        try {
            for (Rdn rdn : new LdapName(dn).getRdns()) {
                if ("CN".equalsIgnoreCase(rdn.getType())) {
                    return String.valueOf(rdn.getValue());
                }
            }
        } catch (InvalidNameException e) {
            return dn;
        }
        return dn;
    }

    /** The subject in RFC 2253 form. */
    public static String subject(X509Certificate cert) {
        return cert.getSubjectX500Principal().getName();
    }

    /** RFC 5280 §4.2.1.3: true when the certificate has no keyUsage extension or asserts digitalSignature. */
    public static boolean allowsDigitalSignature(X509Certificate cert) {
        boolean[] ku = cert.getKeyUsage();
        return ku == null || (ku.length > 0 && ku[0]);
    }

    /** True when the certificate is self-issued and its signature verifies with its own key. */
    public static boolean isSelfSigned(X509Certificate cert) {
        if (!cert.getSubjectX500Principal().equals(cert.getIssuerX500Principal())) {
            return false;
        }
        try {
            cert.verify(cert.getPublicKey());
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** The JCA signature algorithm used with a key of this algorithm: SHA-256 with RSA or ECDSA. */
    static String signatureAlgorithm(String keyAlgorithm) {
        return switch (keyAlgorithm.toUpperCase(java.util.Locale.ROOT)) {
            case "RSA" -> "SHA256withRSA";
            case "EC", "ECDSA" -> "SHA256withECDSA";
            default -> throw new IllegalArgumentException("unsupported key algorithm " + keyAlgorithm
                    + "; Sakshi signs with RSA or EC keys");
        };
    }
}
