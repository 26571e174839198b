package org.sakshi.timestamp;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertStore;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Does a certificate chain to one of the given trust anchors at a given time? RFC 5280 §6 path
 * validation by the JDK's PKIX provider, with the certificates found in the signature as
 * intermediates. Revocation is not checked (bundles are verified offline); the report says so.
 */
public final class CertPaths {
    private CertPaths() {
    }

    /**
     * @param target        the end-entity certificate
     * @param intermediates certificates that may complete the path (e.g. those embedded in a CMS)
     * @param anchors       the trusted roots (or end-entity certificates trusted directly)
     * @param at            the time at which every certificate of the path must be valid
     * @return null when a path exists, else a sentence saying why not
     */
    public static String problem(X509Certificate target, Collection<X509Certificate> intermediates,
                                 List<X509Certificate> anchors, Instant at) {
        if (anchors == null || anchors.isEmpty()) {
            return "no trust anchor was given";
        }
        Date when = Date.from(at);
        if (anchors.contains(target)) {
            try {
                target.checkValidity(when);
                return null;
            } catch (CertificateExpiredException | CertificateNotYetValidException e) {
                return "the certificate is not valid at " + at + " (" + e.getMessage() + ")";
            }
        }
        try {
            Set<TrustAnchor> ta = new HashSet<>();
            for (X509Certificate a : anchors) {
                ta.add(new TrustAnchor(a, null));
            }
            X509CertSelector sel = new X509CertSelector();
            sel.setCertificate(target);
            PKIXBuilderParameters params = new PKIXBuilderParameters(ta, sel);
            params.setRevocationEnabled(false);
            params.setDate(when);
            List<X509Certificate> pool = new ArrayList<>(intermediates);
            pool.add(target);
            params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(pool)));
            CertPathBuilder.getInstance("PKIX").build(params);
            return null;
        } catch (CertPathBuilderException e) {
            return "no valid certification path to a trust anchor at " + at + " (" + e.getMessage() + ")";
        } catch (GeneralSecurityException e) {
            return "the certification path cannot be checked (" + e.getMessage() + ")";
        }
    }
}
