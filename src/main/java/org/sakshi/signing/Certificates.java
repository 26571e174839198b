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
    private static final String TIME_STAMPING = "1.3.6.1.5.5.7.3.8";

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

    /**
     * The role rule for a signer (docs/bundle-format.md#signatures-and-time-stamps): the certificate must
     * carry a keyUsage extension asserting digitalSignature or nonRepudiation (RFC 5280 §4.2.1.3) and
     * must not be a time-stamping certificate (extended key usage timeStamping, RFC 3161 §2.3).
     *
     * @return null when the certificate may sign bundles and reports, else what is wrong with it
     */
    public static String signerUsageProblem(X509Certificate cert) {
        boolean[] ku = cert.getKeyUsage();
        if (ku == null) {
            return "it has no keyUsage extension, so it does not declare digitalSignature or nonRepudiation";
        }
        if (!(ku.length > 0 && ku[0]) && !(ku.length > 1 && ku[1])) {
            return "its keyUsage allows neither digitalSignature nor nonRepudiation";
        }
        try {
            java.util.List<String> eku = cert.getExtendedKeyUsage();
            if (eku != null && eku.contains(TIME_STAMPING)) {
                return "it is a time-stamping certificate (extended key usage timeStamping), not a signer's";
            }
        } catch (java.security.cert.CertificateParsingException e) {
            return "its extended key usage cannot be read (" + e.getMessage() + ")";
        }
        return null;
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
