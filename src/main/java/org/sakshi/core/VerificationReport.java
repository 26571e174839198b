package org.sakshi.core;

import java.util.List;
import java.util.Objects;

/**
 * The result of verifying a bundle (EU DSS style: one record rendered to CLI text, JSON, GUI and
 * PDF). Verification never throws for a bad bundle; it returns FAILED with the checks that say why.
 */
public record VerificationReport(Verdict verdict, String bundleId, String caseNumber, SignerInfo signer,
                                 List<TimestampInfo> timestamps, List<Check> checks, List<ItemResult> items) {
    public VerificationReport {
        Objects.requireNonNull(verdict, "verdict");
        timestamps = timestamps == null ? List.of() : List.copyOf(timestamps);
        checks = checks == null ? List.of() : List.copyOf(checks);
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** The signer of the bundle: certificate subject, SHA-256 of the certificate, chains to a trust anchor. */
    public record SignerInfo(String subject, String certSha256, boolean trusted) {
    }

    /** One RFC 3161 token found in the bundle. */
    public record TimestampInfo(String file, java.time.Instant time, String tsa, boolean valid, boolean trusted) {
    }

    /** One evidence item of the bundle and whether its bytes match. */
    public record ItemResult(String id, String path, String sha256, CheckResult result) {
    }

    /** The first check whose result decided the verdict, for a one-line reason; null when PASSED. */
    public Check decidingCheck() {
        CheckResult wanted = verdict == Verdict.FAILED ? CheckResult.FAILED
                : verdict == Verdict.INDETERMINATE ? CheckResult.INDETERMINATE : null;
        if (wanted == null) {
            return null;
        }
        return checks.stream().filter(c -> c.result() == wanted).findFirst()
                .or(() -> wanted == CheckResult.INDETERMINATE ? checks.stream()
                        .filter(c -> c.result() == CheckResult.WARNING && !c.code().advisory()).findFirst()
                        : java.util.Optional.empty())
                .orElse(null);
    }
}
