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
     * What the reader trusts and expects: {@code signerRoots} (PEM files) a bundle or report signer must
     * chain to; {@code tsaRoots} a time-stamp authority must chain to, or null to use the signer roots
     * for both (the meaning of a plain {@code --trust}); {@code expectSigner}, when not null, pins the
     * signer: a PEM certificate file or the certificate's SHA-256 in hex.
     */
    public record Trust(List<Path> signerRoots, List<Path> tsaRoots, String expectSigner, java.time.Instant at,
                        boolean online) {
        public Trust {
            signerRoots = signerRoots == null ? List.of() : List.copyOf(signerRoots);
            tsaRoots = tsaRoots == null ? null : List.copyOf(tsaRoots);
            expectSigner = expectSigner == null || expectSigner.isBlank() ? null : expectSigner.strip();
        }

        /** Long-term validation as of now, offline. */
        public Trust(List<Path> signerRoots, List<Path> tsaRoots, String expectSigner) {
            this(signerRoots, tsaRoots, expectSigner, null, false);
        }

        /**
         * The same roots and pin, with long-term validation as of {@code at} (null: now) and, when
         * {@code online}, revocation data fetched afresh.
         */
        public Trust asOf(java.time.Instant at, boolean online) {
            return new Trust(signerRoots, tsaRoots, expectSigner, at, online);
        }

        /** The same roots for signers and time-stamp authorities, no pinned signer. */
        public static Trust both(List<Path> roots) {
            return new Trust(roots, null, null);
        }
    }

    /**
     * Opens {@code bundle} and starts hashing its payload at once, for a {@link #verify} of that very path
     * about to begin (the command line calls this before it loads its own classes and the services); that
     * verification takes the open file and the hashes under way over and reports exactly what it would
     * have reported without them. Does nothing when the file is not a readable ZIP.
     */
    public static void startEarly(Path bundle) {
        BundleVerifier.startEarly(bundle, SafeZip.Limits.DEFAULT);
    }

    /** Stops and closes what {@link #startEarly} began and no verification took over. */
    public static void dropEarly() {
        BundleVerifier.dropEarly();
    }

    /** Whether something {@link #startEarly} began waits to be taken over. */
    public static boolean earlyPending() {
        return BundleVerifier.earlyPending();
    }

    /** Long-term care of sealed bundles (extend, renew), checked by this verifier. */
    public LongTermService longTerm() {
        return new LongTermService(this);
    }

    /**
     * Verifies {@code bundle} with the given PEM trust anchors (agency CA, TSA roots), used for signers and
     * time-stamp authorities alike. InputException only when the file is not a bundle at all (CLI exit 2).
     */
    public VerificationReport verify(Path bundle, List<Path> trustAnchors, ProgressListener progress)
            throws SakshiException {
        return verify(bundle, Trust.both(trustAnchors), progress);
    }

    /**
     * Verifies {@code bundle} with separate signer and TSA roots and an optional pinned signer.
     * InputException only when the file is not a bundle at all, or a trust file cannot be read (CLI exit 2).
     */
    public VerificationReport verify(Path bundle, Trust trust, ProgressListener progress) throws SakshiException {
        Trust t = trust == null ? Trust.both(List.of()) : trust;
        List<X509Certificate> signerAnchors = read(t.signerRoots());
        List<X509Certificate> tsaAnchors = t.tsaRoots() == null ? signerAnchors : read(t.tsaRoots());
        BundleVerifier v = new BundleVerifier(new BundleTrustAdapter(signerAnchors, tsaAnchors, false),
                VerifyService::verifyChain, PDF_TEXT, SafeZip.Limits.DEFAULT)
                .withLongTerm(new LongTermAdapter(signerAnchors, tsaAnchors, t.at(), t.online()));
        if (t.expectSigner() != null) {
            v = v.expectingSigner(expectedSigner(t.expectSigner()));
        }
        return v.verify(bundle, progress);
    }

    static List<X509Certificate> read(List<Path> pems) throws SakshiException {
        List<X509Certificate> out = new ArrayList<>();
        for (Path p : pems) {
            out.addAll(Pem.readCertificates(p));
        }
        return out;
    }

    /** The SHA-256 (lower-case hex) of the pinned signer: given as hex (colons allowed) or as a PEM file. */
    static String expectedSigner(String spec) throws SakshiException {
        String hex = spec.replace(":", "").toLowerCase(java.util.Locale.ROOT);
        if (hex.matches("[0-9a-f]{64}")) {
            return hex;
        }
        Path file = Path.of(spec);
        if (!Files.isRegularFile(file)) {
            throw new InputException("the expected signer '" + spec + "' is neither a certificate file nor a SHA-256"
                    + " (64 hex digits); give the officer's certificate PEM or its SHA-256.");
        }
        List<X509Certificate> certs = Pem.readCertificates(file);
        if (certs.isEmpty()) {
            throw new InputException(file + " holds no certificate; give the officer's certificate PEM or its"
                    + " SHA-256 as the expected signer.");
        }
        return org.sakshi.signing.Certificates.sha256Hex(certs.get(0));
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
        BundleChecks.Trust trust = new BundleTrustAdapter(anchors, anchors, trustEmbeddedTsaRoots);
        return new BundleVerifier(trust, VerifyService::verifyChain, PDF_TEXT, SafeZip.Limits.DEFAULT);
    }

    /**
     * Recomputes a custody chain from a bundle's JSONL, one line at a time and no line longer than
     * {@link org.sakshi.bundle.BoundedJson#MAX_EVENT_LINE} (an endless line is a read error, not a memory
     * exhaustion).
     */
    static BundleChecks.ChainOutcome verifyChain(java.io.InputStream jsonl) throws IOException {
        ChainVerifier v = new ChainVerifier();
        org.sakshi.bundle.BoundedJson.lines(jsonl, (n, line) -> v.acceptLine(line));
        ChainResult r = v.result();
        return new BundleChecks.ChainOutcome(r.intact(), r.events(), r.head(), r.firstBadSeq(), r.message());
    }

    /** PDFBox's text of a report (report package), read only as far as the check needs. */
    private static final BundleChecks.PdfText PDF_TEXT = new BundleChecks.PdfText() {
        @Override
        public String text(Path pdf) throws IOException {
            return text(pdf, null);
        }

        @Override
        public String text(Path pdf, java.util.function.Predicate<String> enough) throws IOException {
            try {
                return PdfText.extract(pdf, enough);
            } catch (ReportException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
    };

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
