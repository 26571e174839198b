package org.sakshi.service;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import org.sakshi.bundle.BundleChecks;
import org.sakshi.bundle.PdfSignatures;
import org.sakshi.core.Check;
import org.sakshi.core.CheckCode;
import org.sakshi.core.CheckResult;
import org.sakshi.signing.CmsVerifier;
import org.sakshi.timestamp.TimestampVerifier;

/**
 * The bundle verifier's view of signatures and time-stamps, backed by the signing and timestamp
 * packages ({@link CmsVerifier}, {@link TimestampVerifier}) and the trust anchors given by the user.
 * PAdES signatures are checked as the detached CMS over the PDF's /ByteRange (ISO 32000-1 §12.8.1).
 */
final class BundleTrustAdapter implements BundleChecks.Trust {
    private final CmsVerifier cms;
    private final TimestampVerifier tsp;
    private final List<X509Certificate> tsaAnchors;
    private final boolean trustEmbeddedTsaRoots;

    /** The same anchors for signers and for time-stamp authorities. */
    BundleTrustAdapter(List<X509Certificate> anchors) {
        this(anchors, anchors, false);
    }

    /**
     * @param signerAnchors         roots a bundle or report signer must chain to
     * @param tsaAnchors            roots a time-stamp authority must chain to
     * @param trustEmbeddedTsaRoots also trust the root certificate a token carries in its own chain;
     *                              only for an exporter re-checking the tokens it just obtained
     */
    BundleTrustAdapter(List<X509Certificate> signerAnchors, List<X509Certificate> tsaAnchors,
                       boolean trustEmbeddedTsaRoots) {
        this.tsaAnchors = List.copyOf(tsaAnchors);
        this.cms = new CmsVerifier(signerAnchors, tsaAnchors);
        this.tsp = new TimestampVerifier(tsaAnchors);
        this.trustEmbeddedTsaRoots = trustEmbeddedTsaRoots;
    }

    @Override
    public BundleChecks.SignatureOutcome verifyCms(byte[] signature, byte[] content) {
        try {
            CmsVerifier.Result r = cms.verify(signature, new ByteArrayInputStream(content), "signature");
            return outcome(r);
        } catch (IOException | RuntimeException e) {
            return new BundleChecks.SignatureOutcome(false, false, null, null, "the signature cannot be read ("
                    + e.getMessage() + ")", null, List.of(), List.of(), List.of());
        }
    }

    /** Intact only when the signature is valid and none of its parts (binding, embedded time-stamp) FAILED. */
    private static BundleChecks.SignatureOutcome outcome(CmsVerifier.Result r) {
        boolean intact = r.valid() && r.checks().stream().noneMatch(c -> c.result() == CheckResult.FAILED);
        return new BundleChecks.SignatureOutcome(intact, r.trusted(), r.signerSubject(), r.certSha256(),
                intact ? null : firstProblem(r.checks(), null), r.trusted() ? null : firstProblem(r.checks(),
                CheckCode.SIGNER_TRUST), r.checks().stream().filter(c -> c.result() != CheckResult.PASSED)
                .map(Check::message).toList(), r.chain(),
                r.signatureTimestamp() == null ? List.of() : r.signatureTimestamp().tsaChain());
    }

    @Override
    public BundleChecks.TokenOutcome verifyToken(byte[] response, byte[] sha256) {
        TimestampVerifier.Result r = tsp.verify(response, sha256, "token");
        if (trustEmbeddedTsaRoots && r.valid() && !r.trusted() && !r.tsaChain().isEmpty()) {
            List<X509Certificate> more = new java.util.ArrayList<>(tsaAnchors);
            more.add(r.tsaChain().get(r.tsaChain().size() - 1));
            r = new TimestampVerifier(more).verify(response, sha256, "token");
        }
        return new BundleChecks.TokenOutcome(r.valid(), r.trusted(), r.genTime(), r.tsaName(),
                r.valid() ? null : firstProblem(r.checks(), null),
                r.trusted() ? null : firstProblem(r.checks(), CheckCode.TIMESTAMP_TRUST), r.tsaChain());
    }

    @Override
    public BundleChecks.SignatureOutcome verifyPdf(Path pdf) {
        try {
            List<PdfSignatures.Signature> sigs = PdfSignatures.find(pdf);
            if (sigs.isEmpty()) {
                return new BundleChecks.SignatureOutcome(false, false, null, null, "the PDF carries no signature",
                        null, List.of(), List.of(), List.of());
            }
            PdfSignatures.Signature last = sigs.get(sigs.size() - 1);
            if (!last.coversWholeFile()) {
                return new BundleChecks.SignatureOutcome(false, false, null, null, "its last signature does not cover"
                        + " the whole file: bytes were appended after signing", null, List.of(), List.of(), List.of());
            }
            // PAdES-LTA (ETSI EN 319 142-1 §5.5): the approval signature, then incremental updates that add
            // only validation data (/DSS) and document time-stamps (/SubFilter /ETSI.RFC3161), the last
            // of which covers the whole file
            int approval = -1;
            for (int i = 0; i < sigs.size(); i++) {
                if ("ETSI.CAdES.detached".equals(sigs.get(i).subFilter())) {
                    approval = i;
                }
            }
            if (approval < 0) {
                return new BundleChecks.SignatureOutcome(false, false, null, null, "its signature is not PAdES"
                        + " (/SubFilter " + last.subFilter() + " instead of /ETSI.CAdES.detached)", null, List.of(),
                        List.of(), List.of());
            }
            for (int i = approval + 1; i < sigs.size(); i++) {
                PdfSignatures.Signature ts = sigs.get(i);
                if (!"ETSI.RFC3161".equals(ts.subFilter())) {
                    return new BundleChecks.SignatureOutcome(false, false, null, null, "after its signature the file"
                            + " was signed again with /SubFilter " + ts.subFilter() + ", which is not a document"
                            + " time-stamp", null, List.of(), List.of(), List.of());
                }
                byte[] imprint = java.security.MessageDigest.getInstance("SHA-256")
                        .digest(PdfSignatures.signedBytes(pdf, ts));
                TimestampVerifier.Result tr = tsp.verify(ts.cms(), imprint, pdf.getFileName().toString());
                if (!tr.valid()) {
                    return new BundleChecks.SignatureOutcome(false, false, null, null, "its document time-stamp "
                            + (i - approval) + " does not match the bytes it covers ("
                            + firstProblem(tr.checks(), null) + ")", null, List.of(), List.of(), List.of());
                }
            }
            PdfSignatures.Signature signed = sigs.get(approval);
            if (!signed.coversWholeFile()) {
                // the updates after the approval signature may add validation data and document
                // time-stamps only; a time-stamp over a changed page does not make the change signed
                String changed = org.sakshi.report.PdfRevisions.changesAfter(pdf,
                        signed.byteRange()[2] + signed.byteRange()[3]);
                if (changed != null) {
                    return new BundleChecks.SignatureOutcome(false, false, null, null, changed + ": the report was"
                            + " altered after it was signed", null, List.of(), List.of(), List.of());
                }
            }
            CmsVerifier.Result r = cms.verify(signed.cms(), new ByteArrayInputStream(PdfSignatures.signedBytes(pdf,
                    signed)), pdf.getFileName().toString());
            return outcome(r);
        } catch (IOException | RuntimeException | java.security.NoSuchAlgorithmException e) {
            return new BundleChecks.SignatureOutcome(false, false, null, null, "the PDF's signature cannot be read ("
                    + e.getMessage() + ")", null, List.of(), List.of(), List.of());
        }
    }

    /** The message of the first FAILED (or, for a trust code, not PASSED) check; the code restricts it. */
    private static String firstProblem(List<Check> checks, CheckCode code) {
        for (Check c : checks) {
            if (code != null && c.code() != code) {
                continue;
            }
            if (c.result() == CheckResult.FAILED || (code != null && c.result() != CheckResult.PASSED)) {
                return c.message();
            }
        }
        for (Check c : checks) {
            if (c.result() == CheckResult.FAILED || c.result() == CheckResult.INDETERMINATE) {
                return c.message();
            }
        }
        return "no further detail";
    }
}
