package org.sakshi.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import org.sakshi.core.SakshiException;
import org.sakshi.core.Signer;
import org.sakshi.core.TimestampSource;
import org.sakshi.signing.ltv.LtvAugmenter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PAdES-BASELINE-LTA for a freshly signed PDF (report, certificates, audit report, transmittal letter),
 * in place: the /DSS update and a document time-stamp are appended. When the revocation services or the
 * TSA cannot be reached the PDF stays PAdES-BASELINE-T and the warning is returned; a revoked signer is
 * a {@link org.sakshi.core.SigningException}.
 */
final class LongTermPdf {
    private static final Logger LOG = LoggerFactory.getLogger(LongTermPdf.class);
    /** How long one OCSP, CRL or caIssuers request may take while sealing. */
    static final Duration REVOCATION_TIMEOUT = Duration.ofSeconds(10);

    private LongTermPdf() {
    }

    /** The augmenter for {@code signer}'s PDFs and bundles: its self-signed top certificate is an anchor. */
    static LtvAugmenter augmenter(Signer signer, List<TimestampSource> tsas) {
        List<X509Certificate> chain = signer.chain();
        X509Certificate top = chain.get(chain.size() - 1);
        List<X509Certificate> anchors = top.getSubjectX500Principal().equals(top.getIssuerX500Principal())
                ? List.of(top) : List.of();
        return new LtvAugmenter(anchors, tsas, REVOCATION_TIMEOUT);
    }

    /** Augments {@code pdf} in place; returns the warning when it stays at B-T, else null. */
    static String augment(Path pdf, String what, Signer signer, List<TimestampSource> tsas)
            throws SakshiException, IOException {
        LtvAugmenter.Result r = augmenter(signer, tsas).augmentPades(Files.readAllBytes(pdf), what);
        if (!r.longTerm()) {
            LOG.warn("{}", r.warning());
            return r.warning();
        }
        Path tmp = pdf.resolveSibling(pdf.getFileName() + ".lta");
        Files.deleteIfExists(tmp);
        Files.write(tmp, r.bytes(), StandardOpenOption.CREATE_NEW);
        Files.move(tmp, pdf, StandardCopyOption.REPLACE_EXISTING);
        return null;
    }
}
