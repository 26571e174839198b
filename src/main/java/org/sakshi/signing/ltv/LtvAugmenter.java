package org.sakshi.signing.ltv;

import eu.europa.esig.dss.cades.CAdESSignatureParameters;
import eu.europa.esig.dss.cades.signature.CAdESService;
import eu.europa.esig.dss.cades.signature.CAdESTimestampParameters;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.pades.PAdESTimestampParameters;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.enumerations.SignaturePackaging;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import org.sakshi.core.SigningException;
import org.sakshi.core.TimestampSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seals signatures for the long term with EU DSS: a CAdES signature (the bundle's detached CMS over
 * the tag manifest) or a PAdES signature (a signed PDF) is augmented to BASELINE-LTA: a signature
 * time-stamp when missing, then the complete certificate chains and revocation data (OCSP preferred,
 * CRL otherwise; fetched over HTTP from the certificates' AIA and CRL distribution points, with
 * time-outs) for the signer and every TSA, then an archive time-stamp (CAdES: archive-time-stamp-v3;
 * PAdES: a /DSS dictionary with VRI, then a document time-stamp). Run again on an LTA signature it
 * renews it: fresh validation data for the previous time-stamps and one more archive time-stamp.
 *
 * <p>What it cannot do is said, never hidden: when revocation data cannot be fetched (the station is
 * offline, a responder is down) the signature is returned unchanged with a warning; when a
 * certificate of the signer's chain is revoked it refuses with a {@link SigningException}.
 */
public final class LtvAugmenter {
    private static final Logger LOG = LoggerFactory.getLogger(LtvAugmenter.class);

    /** The augmented bytes (or the input, unchanged) and why not, when it was not augmented. */
    public record Result(byte[] bytes, boolean longTerm, String warning) {
    }

    /** Room for a document time-stamp token (bytes): a token with a three-certificate chain, with margin. */
    static final int DOC_TIMESTAMP_SIZE = 12 * 1024;

    private final List<X509Certificate> anchors;
    private final List<TimestampSource> tsas;
    private final Duration timeout;

    /**
     * @param anchors roots known to the workstation (may be empty: revocation data is then gathered up to
     *                the self-signed root of each chain)
     * @param tsas    time-stamp authorities for the signature and archive time-stamps, asked in order
     * @param timeout for each HTTP request of OCSP, CRL and caIssuers
     */
    public LtvAugmenter(List<X509Certificate> anchors, List<TimestampSource> tsas, Duration timeout) {
        this.anchors = List.copyOf(anchors);
        this.tsas = List.copyOf(tsas);
        this.timeout = timeout;
    }

    /** CAdES-BASELINE-LTA for a detached CMS over {@code content}. */
    public Result augmentCades(byte[] p7s, byte[] content, String what) throws SigningException {
        return augment(p7s, what, (cv, doc) -> {
            CAdESService svc = new CAdESService(cv);
            svc.setTspSource(Dss.tsp(tsas));
            CAdESSignatureParameters p = new CAdESSignatureParameters();
            p.setSignatureLevel(SignatureLevel.CAdES_BASELINE_LTA);
            p.setSignaturePackaging(SignaturePackaging.DETACHED);
            // our TSAs stamp SHA-256 imprints (DSS defaults to SHA-512 for archive time-stamps)
            p.setSignatureTimestampParameters(new CAdESTimestampParameters(DigestAlgorithm.SHA256));
            p.setArchiveTimestampParameters(new CAdESTimestampParameters(DigestAlgorithm.SHA256));
            p.setDetachedContents(List.of(new InMemoryDocument(content, "tagmanifest-sha256.txt")));
            return svc.extendDocument(doc, p);
        });
    }

    /** PAdES-BASELINE-LTA for a signed PDF (incremental updates: /DSS, then a document time-stamp). */
    public Result augmentPades(byte[] pdf, String what) throws SigningException {
        return augment(pdf, what, (cv, doc) -> {
            PAdESService svc = new PAdESService(cv);
            svc.setTspSource(Dss.tsp(tsas, DOC_TIMESTAMP_SIZE));
            PAdESSignatureParameters p = new PAdESSignatureParameters();
            p.setSignatureLevel(SignatureLevel.PAdES_BASELINE_LTA);
            p.setSignatureTimestampParameters(new PAdESTimestampParameters(DigestAlgorithm.SHA256));
            PAdESTimestampParameters archive = new PAdESTimestampParameters(DigestAlgorithm.SHA256);
            archive.setContentSize(DOC_TIMESTAMP_SIZE);
            p.setArchiveTimestampParameters(archive);
            return svc.extendDocument(doc, p);
        });
    }

    private interface Extension {
        DSSDocument extend(CommonCertificateVerifier cv, DSSDocument doc);
    }

    private Result augment(byte[] signed, String what, Extension ext) throws SigningException {
        if (tsas.isEmpty()) {
            return new Result(signed, false, what + " is not sealed for the long term: no time-stamp authority was"
                    + " given, and an archive time-stamp needs one; run 'sakshi extend' with --tsa later.");
        }
        CommonCertificateVerifier cv = Dss.verifier(anchors, timeout);
        Dss.Collect revoked = new Dss.Collect();
        Dss.Collect missing = new Dss.Collect();
        cv.setAlertOnRevokedCertificate(revoked);
        cv.setAlertOnMissingRevocationData(missing);
        cv.setAlertOnNoRevocationAfterBestSignatureTime(Dss.silent());
        cv.setAlertOnExpiredCertificate(Dss.silent());
        cv.setAugmentationAlertOnSelfSignedCertificateChains(Dss.silent());
        DSSDocument out;
        try {
            out = ext.extend(cv, new InMemoryDocument(signed, what));
        } catch (RuntimeException e) { // DSS's AlertException, DSSException, IllegalInputException, ...
            if (!revoked.messages.isEmpty()) {
                throw revoked(what, revoked);
            }
            LOG.warn("{} not augmented to LTA: {}", what, e.getMessage());
            return new Result(signed, false, what + " is sealed without long-term validation data: " + clean(e)
                    + ". It verifies now; run 'sakshi extend' when the revocation servers can be reached.");
        }
        if (!revoked.messages.isEmpty()) {
            throw revoked(what, revoked);
        }
        if (!missing.messages.isEmpty()) {
            LOG.warn("{}: revocation data missing: {}", what, missing.messages);
            return new Result(signed, false, what + " is sealed without long-term validation data: the revocation"
                    + " status could not be fetched (" + first(missing) + "). It verifies now; run 'sakshi extend'"
                    + " when the station is online.");
        }
        try (ByteArrayOutputStream bos = new ByteArrayOutputStream()) {
            out.writeTo(bos);
            return new Result(bos.toByteArray(), true, null);
        } catch (IOException e) {
            throw new SigningException("cannot write the long-term signature of " + what + ": " + e.getMessage(), e);
        }
    }

    private static SigningException revoked(String what, Dss.Collect revoked) {
        return new SigningException("a certificate in the chain of " + what + " is revoked (" + first(revoked)
                + "); nothing was sealed. Use a valid signing certificate, and report the revoked one to the"
                + " agency's certificate officer.");
    }

    private static String first(Dss.Collect c) {
        String s = c.messages.get(0);
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    private static String clean(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.length() > 300 ? m.substring(0, 300) + "…" : m;
    }
}
