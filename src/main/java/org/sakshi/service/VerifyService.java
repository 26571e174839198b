package org.sakshi.service;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.sakshi.bundle.BundleChecks;
import org.sakshi.bundle.BundleVerifier;
import org.sakshi.bundle.SafeZip;
import org.sakshi.core.InputException;
import org.sakshi.core.ProgressListener;
import org.sakshi.core.SakshiException;
import org.sakshi.core.StorageException;
import org.sakshi.core.VerificationReport;
import org.sakshi.core.ledger.ChainResult;
import org.sakshi.core.ledger.ChainVerifier;
import org.sakshi.report.PdfText;
import org.sakshi.report.ReportException;
import org.sakshi.report.ReportWriter;
import org.sakshi.signing.Pem;

/** Verifying a bundle. A bad bundle gives a FAILED report, never an exception. */
public final class VerifyService {
    /**
     * Verifies {@code bundle} with the given PEM trust anchors (agency CA, TSA roots).
     * InputException only when the file is not a bundle at all (CLI exit 2).
     */
    public VerificationReport verify(Path bundle, List<Path> trustAnchors, ProgressListener progress)
            throws SakshiException {
        List<X509Certificate> anchors = new ArrayList<>();
        for (Path p : trustAnchors == null ? List.<Path>of() : trustAnchors) {
            anchors.addAll(Pem.readCertificates(p));
        }
        return verifier(anchors).verify(bundle, progress);
    }

    /** The bundle verifier wired to the signing, timestamp, ledger and report packages. */
    static BundleVerifier verifier(List<X509Certificate> anchors) {
        return verifier(anchors, false);
    }

    /**
     * @param trustEmbeddedTsaRoots true only for the exporter's re-check of its own fresh file: the
     *                              roots of the TSA chains it just received count as trusted
     */
    static BundleVerifier verifier(List<X509Certificate> anchors, boolean trustEmbeddedTsaRoots) {
        BundleChecks.Trust trust = trustEmbeddedTsaRoots ? new BundleTrustAdapter(anchors, true)
                : new BundleTrustAdapter(anchors);
        return new BundleVerifier(trust, VerifyService::verifyChain, VerifyService::pdfText, SafeZip.Limits.DEFAULT);
    }

    private static BundleChecks.ChainOutcome verifyChain(java.io.InputStream jsonl) throws IOException {
        ChainResult r = ChainVerifier.verifyJsonl(new java.io.InputStreamReader(jsonl,
                java.nio.charset.StandardCharsets.UTF_8));
        return new BundleChecks.ChainOutcome(r.intact(), r.events(), r.head(), r.firstBadSeq(), r.message());
    }

    private static String pdfText(Path pdf) throws IOException {
        try {
            return PdfText.extract(pdf);
        } catch (ReportException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** Writes a verification report PDF a court clerk can read. */
    public void writeReportPdf(VerificationReport report, Path bundle, Path out) throws SakshiException {
        String sha;
        try {
            sha = org.sakshi.bundle.Hashes.sha256(bundle);
        } catch (IOException e) {
            throw new InputException("cannot read " + bundle + ": " + e.getMessage(), e);
        }
        Path target = out.toAbsolutePath();
        org.sakshi.core.OutputFiles.requireAbsent(target);
        Path part = target.resolveSibling(target.getFileName() + ".part");
        try {
            Files.deleteIfExists(part); // a stale part or a planted link is removed, never followed
        } catch (IOException e) {
            throw new StorageException("cannot remove the stale " + part + " (" + e.getMessage() + "); delete it by"
                    + " hand and try again.", e);
        }
        try (OutputStream os = org.sakshi.core.OutputFiles.create(part)) {
            new ReportWriter().writeVerificationReport(report, bundle.getFileName().toString(), sha, os);
        } catch (IOException e) {
            throw new StorageException("cannot write " + out + ": " + e.getMessage() + "; check the folder.", e);
        } catch (SakshiException e) {
            deleteQuietly(part);
            throw e;
        }
        try {
            org.sakshi.core.OutputFiles.publish(part, target);
        } catch (InputException e) {
            deleteQuietly(part);
            throw e;
        } catch (IOException e) {
            deleteQuietly(part);
            throw new StorageException("cannot write " + out + ": " + e.getMessage() + "; check the folder.", e);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort
        }
    }
}
