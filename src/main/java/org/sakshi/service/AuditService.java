package org.sakshi.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.sakshi.core.VerificationReport;
import org.sakshi.audit.ItemFacts;
import org.sakshi.audit.SeizureTime;
import org.sakshi.audit.TimeProof;
import org.sakshi.bundle.BundleChecks;
import org.sakshi.core.CaseInfo;
import org.sakshi.core.Check;
import org.sakshi.core.CheckResult;
import org.sakshi.core.CustodyEvent;
import org.sakshi.core.InputException;
import org.sakshi.core.Item;
import org.sakshi.core.SakshiException;
import org.sakshi.core.Signer;
import org.sakshi.core.TimestampSource;
import org.sakshi.core.TimestampStatus;
import org.sakshi.core.audit.AuditOptions;
import org.sakshi.core.audit.AuditReport;
import org.sakshi.core.audit.AuditScope;
import org.sakshi.core.audit.Finding;
import org.sakshi.core.audit.FindingCode;
import org.sakshi.core.audit.LedgerSummary;
import org.sakshi.core.ledger.ChainResult;
import org.sakshi.core.ledger.ChainVerifier;
import org.sakshi.report.PadesSigner;
import org.sakshi.report.audit.AuditPdfWriter;
import org.sakshi.timestamp.TimestampVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Custody audit of a case or a received bundle (docs/cli.md#audit): verifies the ledger first, gathers the
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
    private final BundleIntegrity integrity;

    /**
     * Verifies a bundle before its custody is audited; null means not verified (only for tests of the
     * custody analysis on hand-made ZIPs that carry no manifest or signature).
     */
    @FunctionalInterface
    public interface BundleIntegrity {
        VerificationReport verify(Path bundle) throws SakshiException;
    }

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
        this.integrity = bundle -> new VerifyService().verify(bundle, List.of(), null);
    }

    private AuditService(AuditService base, BundleChecks.Ledger chain, BundleIntegrity integrity) {
        this.cases = base.cases;
        this.custody = base.custody;
        this.evidence = base.evidence;
        this.chain = chain;
        this.tokens = base.tokens;
        this.pades = base.pades;
        this.integrity = integrity;
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
        return new AuditService(cases, custody, evidence, VerifyService::verifyChain, tokens, new PadesSigner());
    }

    /** The same service with another chain verifier (tests, or a verifier for another ledger version). */
    public AuditService withChain(BundleChecks.Ledger otherChain) {
        return new AuditService(this, otherChain, integrity);
    }

    /**
     * The same service whose bundle audits skip the verification of the bundle (null) or use another
     * one; without it the custody log and case.json are read even when they do not match the manifest.
     */
    public AuditService withIntegrity(BundleIntegrity other) {
        return new AuditService(this, chain, other);
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
        return ReceivedAudit.extend(AuditAnalyzer.analyze(in, options), caseDir, events); // received bundles' hops
    }

    /**
     * Audits the custody log a bundle carries, with its case.json and the tokens inside it. The bundle is
     * verified first: every FAILED check becomes a BUNDLE_INTEGRITY ERROR finding, and a custody log or
     * case.json that does not match the manifest is not read at all, so the audit never vouches for a
     * log that is not the sealed one.
     */
    public AuditReport auditBundle(Path bundle, AuditOptions options) throws SakshiException {
        String sha256 = sha256(bundle);
        List<Finding> broken = new ArrayList<>();
        if (integrity != null) {
            VerificationReport v = integrity.verify(bundle);
            for (Check c : v.checks()) {
                if (c.result() == CheckResult.FAILED) {
                    broken.add(new Finding(FindingCode.BUNDLE_INTEGRITY.severity(), FindingCode.BUNDLE_INTEGRITY.name(),
                            List.of(), List.of(), "The bundle does not verify (" + c.code().name()
                            + (c.target().isEmpty() ? "" : " " + c.target()) + "): " + c.message()));
                }
            }
        }
        try (BundleAuditSource src = BundleAuditSource.open(bundle, integrity != null)) {
            LedgerSummary ledger = src.verifyChain(chain);
            List<TimeProof> proofs = src.proofs(tokens);
            AuditInput in = new AuditInput(AuditScope.BUNDLE, src.bundleId(), sha256, src.events(), ledger,
                    src.declaredHead(), src.declaredCount(), src.items(), proofs, src.label());
            AuditReport r = AuditAnalyzer.analyze(in, options);
            if (broken.isEmpty()) {
                return r;
            }
            broken.addAll(r.findings());
            return new AuditReport(r.scope(), r.id(), r.hash(), r.label(), r.ledger(), broken, r.items());
        } catch (IOException e) {
            throw new InputException(bundle + " could not be read (" + e.getMessage() + "); copy the bundle again "
                    + "from its source.", e);
        }
    }

    /**
     * Writes the audit report PDF (scope, verification result, findings, per-item timelines, tool
     * version) to {@code out}; PAdES-signed with {@code signer} when not null (time-stamped when
     * {@code tsa} answers). Written beside {@code out} first and moved into place when complete.
     */
    public void writeReportPdf(AuditReport report, String toolVersion, Path out, Signer signer, TimestampSource tsa)
            throws SakshiException {
        org.sakshi.core.OutputFiles.requireAbsent(out.toAbsolutePath());
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
                if (tsa != null) {
                    LongTermPdf.augment(signed, "the audit report " + out.getFileName(), signer, List.of(tsa));
                }
                result = signed;
            }
            org.sakshi.core.OutputFiles.publish(result, out.toAbsolutePath());
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
