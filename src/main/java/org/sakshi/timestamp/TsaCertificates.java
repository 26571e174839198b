package org.sakshi.timestamp;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;

/** RFC 3161 §2.3 rules for the certificate of a time-stamping authority. */
final class TsaCertificates {
    static final String EKU_TIME_STAMPING = "1.3.6.1.5.5.7.3.8";
    private static final String EKU_OID = "2.5.29.37";

    private TsaCertificates() {
    }

    /**
     * RFC 3161 §2.3: the TSA's certificate MUST contain exactly one extended key usage, id-kp-timeStamping,
     * and the extension MUST be critical.
     *
     * @return null when the certificate is fit, else a sentence saying what is wrong
     */
    static String problem(X509Certificate cert) {
        Set<String> critical = cert.getCriticalExtensionOIDs();
        List<String> eku;
        try {
            eku = cert.getExtendedKeyUsage();
        } catch (CertificateParsingException e) {
            return "its extended key usage cannot be read (" + e.getMessage() + ")";
        }
        if (eku == null || !eku.contains(EKU_TIME_STAMPING)) {
            return "it lacks the extended key usage timeStamping (RFC 3161 §2.3)";
        }
        if (eku.size() != 1) {
            return "its extended key usage has other purposes besides timeStamping (RFC 3161 §2.3 allows only one)";
        }
        if (critical == null || !critical.contains(EKU_OID)) {
            return "its extended key usage timeStamping is not marked critical (RFC 3161 §2.3)";
        }
        return null;
    }
}
