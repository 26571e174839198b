package org.sakshi.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * What the bundle verifier needs from other parts of the engine, as small interfaces so that
 * Bouncy Castle (signing, timestamp), PDFBox (report) and the ledger code stay in their packages.
 * VerifyService wires the real implementations.
 */
public final class BundleChecks {
    private BundleChecks() {
    }

    /** Outcome of checking one CMS or PAdES signature. {@code problem} is null when intact. */
    public record SignatureOutcome(boolean intact, boolean trusted, String subject, String certSha256,
                                   String problem, String trustProblem, List<String> notes,
                                   List<java.security.cert.X509Certificate> embedded,
                                   List<java.security.cert.X509Certificate> embeddedTsa) {
        public SignatureOutcome {
            notes = notes == null ? List.of() : List.copyOf(notes);
            embedded = embedded == null ? List.of() : List.copyOf(embedded);
            embeddedTsa = embeddedTsa == null ? List.of() : List.copyOf(embeddedTsa);
        }
    }

    /** Outcome of checking one RFC 3161 TimeStampResp. */
    public record TokenOutcome(boolean valid, boolean trusted, Instant time, String tsa, String problem,
                               String trustProblem, List<java.security.cert.X509Certificate> embedded) {
        public TokenOutcome {
            embedded = embedded == null ? List.of() : List.copyOf(embedded);
        }
    }

    /** Outcome of recomputing a custody chain (docs/custody-ledger.md). */
    public record ChainOutcome(boolean intact, long events, String head, Long firstBadSeq, String message) {
    }

    /** Signatures and time-stamps, checked against the verifier's trust anchors. */
    public interface Trust {
        /** A detached CMS SignedData (DER) over {@code content}. */
        SignatureOutcome verifyCms(byte[] signature, byte[] content);

        /** A TimeStampResp (DER) whose imprint must be the SHA-256 {@code sha256}. */
        TokenOutcome verifyToken(byte[] response, byte[] sha256);

        /** The PAdES signature(s) of a PDF; intact only when a signature covers the whole file. */
        SignatureOutcome verifyPdf(Path pdf);
    }

    /**
     * A long-term validation verdict (EU DSS) of one signature: {@code result} PASSED, FAILED or
     * INDETERMINATE; {@code revocable} whether the signer's certificate names a revocation service;
     * {@code lastArchive}/{@code archiveExpiry} the newest archive (or document) time-stamp and the expiry
     * of its TSA's certificate, null when there is none.
     */
    public record LongTermOutcome(org.sakshi.core.CheckResult result, boolean archived, boolean revocable,
                                  String level, String summary, Instant bestSignatureTime, Instant lastArchive,
                                  Instant archiveExpiry, List<Instant> archives) {
        public LongTermOutcome {
            archives = archives == null ? List.of() : List.copyOf(archives);
        }
    }

    /** Long-term validation of the bundle signature and of each PDF signature, as of a chosen time. */
    public interface LongTerm {
        /** The detached CMS over {@code content}; null when it holds no signature DSS can read. */
        LongTermOutcome cms(byte[] signature, byte[] content);

        /** The first (approval) signature of a PDF, covering its document time-stamps. */
        LongTermOutcome pdf(Path pdf);

        /** The same for a PDF held in memory ({@code name} for messages). */
        LongTermOutcome pdf(byte[] pdf, String name);

        /** The time the validation is made as of. */
        Instant at();
    }

    /** Recomputes a custody chain from JSONL (one event per line, exactly as stored). */
    @FunctionalInterface
    public interface Ledger {
        ChainOutcome verify(InputStream jsonl) throws IOException;
    }

    /** The text of a PDF, for the report-lists-the-manifest's-hashes check. */
    @FunctionalInterface
    public interface PdfText {
        String text(Path pdf) throws IOException;

        /**
         * The text of the PDF's first pages: after each page, {@code enough} is asked with the text so far, and
         * once it says yes the remaining pages are not read. The text so far is always the start of the whole
         * text. All of the text when it never says yes (also when this reader cannot stop early).
         */
        default String text(Path pdf, java.util.function.Predicate<String> enough) throws IOException {
            return text(pdf);
        }
    }
}
