package org.sakshi.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.sakshi.bundle.BundleChecks;
import org.sakshi.core.CheckResult;
import org.sakshi.signing.ltv.LtvValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bundle verifier's long-term validation, backed by EU DSS ({@link LtvValidator}): offline unless
 * {@code --online}, as of {@code --at} (default now), with the signer and TSA roots as the only anchors.
 */
final class LongTermAdapter implements BundleChecks.LongTerm {
    private static final Logger LOG = LoggerFactory.getLogger(LongTermAdapter.class);
    static final Duration ONLINE_TIMEOUT = Duration.ofSeconds(15);

    private final LtvValidator validator;
    private final Instant at;

    LongTermAdapter(List<X509Certificate> signerAnchors, List<X509Certificate> tsaAnchors, Instant at, boolean online) {
        List<X509Certificate> all = new ArrayList<>(new LinkedHashSet<>(signerAnchors));
        for (X509Certificate c : tsaAnchors) {
            if (!all.contains(c)) {
                all.add(c);
            }
        }
        this.validator = new LtvValidator(all, online ? ONLINE_TIMEOUT : null);
        this.at = at == null ? Instant.now() : at;
    }

    @Override
    public Instant at() {
        return at;
    }

    @Override
    public BundleChecks.LongTermOutcome cms(byte[] signature, byte[] content) {
        try {
            return first(validator.validateCades(signature, content, at));
        } catch (RuntimeException e) {
            LOG.warn("long-term validation of the bundle signature failed: {}", e.toString());
            return null;
        }
    }

    @Override
    public BundleChecks.LongTermOutcome pdf(Path pdf) {
        try {
            return pdf(Files.readAllBytes(pdf), pdf.getFileName().toString());
        } catch (IOException e) {
            LOG.warn("long-term validation of {} failed: {}", pdf.getFileName(), e.toString());
            return null;
        }
    }

    @Override
    public BundleChecks.LongTermOutcome pdf(byte[] pdf, String name) {
        try {
            return first(validator.validatePdf(pdf, name, at));
        } catch (RuntimeException e) {
            LOG.warn("long-term validation of {} failed: {}", name, e.toString());
            return null;
        }
    }

    private static BundleChecks.LongTermOutcome first(List<LtvValidator.Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return null;
        }
        LtvValidator.Outcome o = outcomes.get(0);
        CheckResult r = o.passed() ? CheckResult.PASSED : o.failed() ? CheckResult.FAILED : CheckResult.INDETERMINATE;
        String summary = o.summary();
        // Stricter than DSS (which stays INDETERMINATE/REVOKED_NO_POE: no proof the signature predates the
        // revocation): a signature that itself claims to be made after its certificate was revoked fails.
        if (r == CheckResult.INDETERMINATE && "REVOKED_NO_POE".equals(o.subIndication())
                && o.signerRevokedAt() != null && o.claimedSigningTime() != null
                && o.claimedSigningTime().isAfter(o.signerRevokedAt())) {
            r = CheckResult.FAILED;
            summary = "the signature was made (its signing-time says " + o.claimedSigningTime() + ") after the signer's"
                    + " certificate was REVOKED at " + o.signerRevokedAt() + " (DSS: " + o.summary() + ")";
        }
        return new BundleChecks.LongTermOutcome(r, o.archived(), o.revocable(), o.level(), summary,
                o.bestSignatureTime(), o.lastArchiveTime(), o.lastArchiveTsaExpiry(), o.archiveTimes());
    }
}
