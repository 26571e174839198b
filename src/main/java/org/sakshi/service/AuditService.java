package org.sakshi.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.sakshi.audit.AuditAnalyzer;
import org.sakshi.audit.AuditInput;
import org.sakshi.audit.AuditOptions;
import org.sakshi.audit.AuditReport;
import org.sakshi.audit.AuditScope;
import org.sakshi.audit.ItemFacts;
import org.sakshi.audit.LedgerSummary;
import org.sakshi.audit.SeizureTime;
import org.sakshi.audit.TimeProof;
import org.sakshi.bundle.BundleChecks;
import org.sakshi.core.CaseInfo;
import org.sakshi.core.CustodyEvent;
import org.sakshi.core.InputException;
import org.sakshi.core.Item;
import org.sakshi.core.SakshiException;
import org.sakshi.core.Signer;
import org.sakshi.core.TimestampSource;
import org.sakshi.core.TimestampStatus;
import org.sakshi.core.ledger.ChainResult;
import org.sakshi.core.ledger.ChainVerifier;
import org.sakshi.report.PadesSigner;
import org.sakshi.report.audit.AuditPdfWriter;
import org.sakshi.timestamp.TimestampVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Custody audit of a case or a received bundle (issue 8): verifies the ledger first, gathers the
 * items' facts and the RFC 3161 tokens, and runs {@link AuditAnalyzer}. A bad ledger gives a report
 * with ERROR findings, never an exception; exceptions mean the input cannot be read at all.
 */
public final class AuditService {
    private static final Logger LOG = LoggerFactory.getLogger(AuditService.class);

    /** Reads the genTime of an RFC 3161 TimeStampResp (DER) whose imprint should be {@code sha256} (may be null). */
    @FunctionalInterface
    public interface TokenTimes {
        /** The token's genTime (RFC 3161 §2.4.2), or null when the bytes are no valid token for that imprint. */
        Instant genTime(byte[] timeStampResp, byte[] sha256);
    }

    private final CaseService cases;
    private final CustodyService custody;
    private final EvidenceService evidence;
    private final BundleChecks.Ledger chain;
    private final TokenTimes tokens;
    private final PadesSigner pades;

    /**
     * @param chain  recomputes a custody chain from JSONL exactly as stored (the engine's verifier)
     * @param tokens reads token genTimes (the timestamp package's verifier)
     */
    public AuditService(CaseService cases, CustodyService custody, EvidenceService evidence,
                        BundleChecks.Ledger chain, TokenTimes tokens, PadesSigner pades) {
        this.cases = Objects.requireNonNull(cases, "cases");
        this.custody = Objects.requireNonNull(custody, "custody");
        this.evidence = Objects.requireNonNull(evidence, "evidence");
        this.chain = Objects.requireNonNull(chain, "chain");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.pades = Objects.requireNonNull(pades, "pades");
    }

    /**
     * The service with the engine's own verifiers: the custody chain recomputed by the ledger code,
     * token genTimes from {@link TimestampVerifier} (a token counts when its signature and imprint
     * verify; whether its TSA is trusted is the verify command's question), PAdES by {@link PadesSigner}.
     */
    public static AuditService standard(CaseService cases, CustodyService custody, EvidenceService evidence) {
        TimestampVerifier verifier = new TimestampVerifier(List.of());
        TokenTimes tokens = (der, sha256) -> {
            TimestampVerifier.Result r = verifier.verify(der, sha256, "token");
            return r.valid() ? r.genTime() : null;
        };
        BundleChecks.Ledger chain = jsonl -> {
            ChainResult r = ChainVerifier.verifyJsonl(new InputStreamReader(jsonl, StandardCharsets.UTF_8));
            return new BundleChecks.ChainOutcome(r.intact(), r.events(), r.head(), r.firstBadSeq(), r.message());
        };
        return new AuditService(cases, custody, evidence, chain, tokens, new PadesSigner());
    }

    /** The same service with another chain verifier (tests, or a verifier for another ledger version). */
    public AuditService withChain(BundleChecks.Ledger otherChain) {
        return new AuditService(cases, custody, evidence, otherChain, tokens, pades);
    }

    /** Audits a case folder or, for a regular file, a bundle ZIP. */
    public AuditReport audit(Path caseOrBundle, AuditOptions options) throws SakshiException {
        if (Files.isDirectory(caseOrBundle)) {
            return auditCase(caseOrBundle, options);
        }
        if (Files.isRegularFile(caseOrBundle)) {
            return auditBundle(caseOrBundle, options);
        }
        throw new InputException(caseOrBundle + " does not exist; give a case folder or a bundle .zip.");
    }

    /** Audits the ledger of a case folder against its item records. */
    public AuditReport auditCase(Path caseDir, AuditOptions options) throws SakshiException {
        CaseInfo info = cases.open(caseDir);
        List<CustodyEvent> events = custody.events(caseDir);
        LedgerStatus status = custody.verify(caseDir);
        LedgerSummary ledger = new LedgerSummary(status.events(), status.head(), status.intact(), status.firstBadSeq(),
                status.message());
        List<ItemFacts> facts = new ArrayList<>();
        List<TimeProof> proofs = new ArrayList<>();
        for (Item item : evidence.items(caseDir)) {
            facts.add(facts(item, info.zone()));
            if (item.timestamp().status() == TimestampStatus.GRANTED && item.timestamp().time() != null) {
                proofs.add(TimeProof.item(item.id(), "the item record of " + item.id(), item.timestamp().time()));
            }
        }
        AuditInput in = new AuditInput(AuditScope.CASE, info.id().toString(), null, events, ledger, null, null,
                facts, proofs, info.number() + " - " + info.title());
        return AuditAnalyzer.analyze(in, options);
    }

    /** Audits the custody log a bundle carries, with its case.json and the tokens inside it. */
    public AuditReport auditBundle(Path bundle, AuditOptions options) throws SakshiException {
        String sha256 = sha256(bundle);
        // issue 17 §2: the bundle is verified first; a log that does not match its manifest is never "no error"
        org.sakshi.core.VerificationReport verified = VerifyService.verifier(List.of()).verify(bundle, null);
        try (BundleAuditSource src = BundleAuditSource.open(bundle)) {
            LedgerSummary ledger = src.verifyChain(chain);
            List<TimeProof> proofs = src.proofs(tokens);
            AuditInput in = new AuditInput(AuditScope.BUNDLE, src.bundleId(), sha256, src.events(), ledger,
                    src.declaredHead(), src.declaredCount(), src.items(), proofs, src.label());
            return withIntegrity(AuditAnalyzer.analyze(in, options), verified);
        } catch (IOException e) {
            throw new InputException(bundle + " could not be read (" + e.getMessage() + "); copy the bundle again "
                    + "from its source.", e);
        }
    }

    /** Puts a BUNDLE_INTEGRITY error first when any check of the bundle's verification FAILED. */
    private static AuditReport withIntegrity(AuditReport r, org.sakshi.core.VerificationReport v) {
        List<org.sakshi.core.Check> failed = v.checks().stream()
                .filter(c -> c.result() == org.sakshi.core.CheckResult.FAILED).toList();
        if (failed.isEmpty()) {
            return r;
        }
        StringBuilder why = new StringBuilder();
        for (org.sakshi.core.Check c : failed.subList(0, Math.min(3, failed.size()))) {
            why.append(why.isEmpty() ? "" : "; ").append(c.code()).append(": ").append(c.message());
        }
        List<org.sakshi.audit.Finding> findings = new ArrayList<>();
        findings.add(new org.sakshi.audit.Finding(org.sakshi.audit.FindingCode.BUNDLE_INTEGRITY.severity(),
                org.sakshi.audit.FindingCode.BUNDLE_INTEGRITY.name(), List.of(), List.of(), "The bundle fails verification ("
                + failed.size() + " failed check(s): " + why + "): its custody log cannot be relied on to describe"
                + " the evidence it carries. Run 'sakshi verify' on it for the full report."));
        findings.addAll(r.findings());
        return new AuditReport(r.scope(), r.id(), r.hash(), r.label(), r.ledger(), findings, r.items());
    }

    /**
     * Writes the audit report PDF (scope, verification result, findings, per-item timelines, tool
     * version) to {@code out}; PAdES-signed with {@code signer} when not null (time-stamped when
     * {@code tsa} answers). Written beside {@code out} first and moved into place when complete.
     */
    public void writeReportPdf(AuditReport report, String toolVersion, Path out, Signer signer, TimestampSource tsa)
            throws SakshiException {
        Path dir = out.toAbsolutePath().getParent();
        Path unsigned = null;
        Path signed = null;
        try {
            Files.createDirectories(dir);
            unsigned = Files.createTempFile(dir, ".audit-", ".pdf.part");
            try (OutputStream os = Files.newOutputStream(unsigned)) {
                new AuditPdfWriter().write(report, toolVersion, Instant.now(), os);
            }
            Path result = unsigned;
            if (signer != null) {
                signed = Files.createTempFile(dir, ".audit-signed-", ".pdf.part");
                Files.delete(signed);
                pades.sign(unsigned, signed, signer, tsa);
                result = signed;
            }
            Files.move(result, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("audit report written to {}{}", out, signer == null ? " (unsigned)" : "");
        } catch (IOException e) {
            throw new InputException("the audit report " + out + " could not be written (" + e.getMessage()
                    + "); check the folder exists and is writable.", e);
        } finally {
            deleteQuietly(unsigned);
            deleteQuietly(signed);
        }
    }

    static ItemFacts facts(Item item, ZoneId zone) {
        String text = item.source().text();
        return new ItemFacts(item.id(), item.digests().sha256(), item.derivedFrom(), text, SeizureTime.find(text, zone));
    }

    private static String sha256(Path file) throws InputException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 20];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new InputException(file + " could not be read (" + e.getMessage() + ").", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                LOG.warn("could not delete temporary file {}: {}", p, e.getMessage());
            }
        }
    }
}
