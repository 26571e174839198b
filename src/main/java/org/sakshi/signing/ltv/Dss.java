package org.sakshi.signing.ltv;

import eu.europa.esig.dss.alert.SilentOnStatusAlert;
import eu.europa.esig.dss.alert.StatusAlert;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.model.DSSException;
import eu.europa.esig.dss.model.TimestampBinary;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.service.crl.OnlineCRLSource;
import eu.europa.esig.dss.service.http.commons.CommonsDataLoader;
import eu.europa.esig.dss.service.http.commons.OCSPDataLoader;
import eu.europa.esig.dss.service.ocsp.OnlineOCSPSource;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.spi.x509.aia.DefaultAIASource;
import eu.europa.esig.dss.spi.x509.tsp.TSPSource;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.sakshi.core.TimestampException;
import org.sakshi.core.TimestampSource;

/**
 * The EU DSS set-up shared by augmentation and validation (EU DSS 6.4, LGPL-2.1). Online: OCSP, CRL
 * and AIA caIssuers fetched over HTTP with time-outs, for the chains of the signer and of every TSA.
 * Offline: nothing fetched; only what the signature carries and the given trust anchors count.
 */
final class Dss {
    private Dss() {
    }

    /** A certificate verifier trusting {@code anchors}; online sources only when {@code timeout} is not null. */
    static CommonCertificateVerifier verifier(List<X509Certificate> anchors, Duration timeout) {
        CommonCertificateVerifier cv = new CommonCertificateVerifier();
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        for (X509Certificate a : anchors) {
            trusted.addCertificate(new CertificateToken(a));
        }
        cv.setTrustedCertSources(trusted);
        // a workstation that knows no root still gathers revocation data for the chains it has
        cv.setCheckRevocationForUntrustedChains(true);
        if (timeout != null) {
            int ms = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
            CommonsDataLoader http = new CommonsDataLoader();
            timeouts(http, ms);
            OCSPDataLoader ocspHttp = new OCSPDataLoader();
            timeouts(ocspHttp, ms);
            cv.setOcspSource(new OnlineOCSPSource(ocspHttp));
            OnlineCRLSource crl = new OnlineCRLSource(http);
            cv.setCrlSource(crl);
            cv.setAIASource(new DefaultAIASource(http));
        } else {
            cv.setOcspSource(null);
            cv.setCrlSource(null);
            cv.setAIASource(null);
        }
        return cv;
    }

    private static void timeouts(CommonsDataLoader http, int ms) {
        http.setTimeoutConnection(ms);
        http.setTimeoutConnectionRequest(ms);
        http.setTimeoutResponse(ms);
        http.setTimeoutSocket(ms);
        http.setRedirectsEnabled(false);
    }

    /** Alerts recorded, not thrown, so the caller decides what a missing or revoked certificate means. */
    static final class Collect implements StatusAlert {
        final List<String> messages = new ArrayList<>();

        @Override
        public void alert(eu.europa.esig.dss.alert.status.Status status) {
            if (status != null && !status.isEmpty()) {
                messages.add(status.getErrorString());
            }
        }
    }

    static StatusAlert silent() {
        return new SilentOnStatusAlert();
    }

    /** Our TSAs as a DSS time-stamp source: the first that answers gives the token. */
    static TSPSource tsp(List<TimestampSource> tsas) {
        return tsp(tsas, 0);
    }

    /**
     * As {@link #tsp(List)}; tokens are grown to exactly {@code padTo} bytes (when &gt; 0) so that a PDF
     * document time-stamp fills its /Contents without trailing zeros ({@link org.sakshi.signing.CmsPadding}).
     */
    static TSPSource tsp(List<TimestampSource> tsas, int padTo) {
        return (TSPSource) (alg, digest) -> {
            if (alg != DigestAlgorithm.SHA256) {
                throw new DSSException("Sakshi time-stamps SHA-256 imprints only, not " + alg);
            }
            List<String> why = new ArrayList<>();
            for (TimestampSource t : tsas) {
                try {
                    TimeStampToken token = new TimeStampResponse(t.stamp(digest).response()).getTimeStampToken();
                    if (token != null) {
                        byte[] der = token.getEncoded();
                        return new TimestampBinary(padTo > 0 ? org.sakshi.signing.CmsPadding.fill(der, padTo) : der);
                    }
                    why.add(t.name() + ": no token");
                } catch (TimestampException | TSPException | IOException e) {
                    why.add(t.name() + ": " + e.getMessage());
                }
            }
            throw new DSSException("no time-stamp authority answered (" + String.join("; ", why) + ")");
        };
    }
}
