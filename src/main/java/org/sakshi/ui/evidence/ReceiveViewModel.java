package org.sakshi.ui.evidence;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.sakshi.core.Actor;
import org.sakshi.core.Check;
import org.sakshi.core.CheckCode;
import org.sakshi.core.SakshiException;
import org.sakshi.core.TimestampSource;
import org.sakshi.core.Verdict;
import org.sakshi.core.VerificationReport;
import org.sakshi.service.ReceiveService;
import org.sakshi.service.VerifyService;

/**
 * Receiving a bundle from the case window (docs/cli.md#receive, the same rules as {@code sakshi
 * receive}): verify first and show the verdict; a FAILED bundle cannot be received; an
 * INDETERMINATE one only with a reason; then the receiving details are recorded.
 */
public final class ReceiveViewModel {
    private final Path caseDir;
    private final ReceiveService receiver;
    private final List<Path> trustAnchors;

    public ReceiveViewModel(Path caseDir, ReceiveService receiver, List<Path> trustAnchors) {
        this.caseDir = caseDir;
        this.receiver = receiver;
        this.trustAnchors = List.copyOf(trustAnchors);
    }

    /** The details the officer gives; {@code seals} comma-separated, {@code reason} only for INDETERMINATE. */
    public record Details(String from, String receivedBy, String via, String seals, String reason) {
    }

    /** Verifies with the trust anchors remembered in the settings (signers and TSAs alike). */
    public VerificationReport check(Path bundle) throws SakshiException {
        return receiver.check(bundle, VerifyService.Trust.both(trustAnchors), null);
    }

    /**
     * Opens an encrypted bundle with the officer's key ({@code secret} wiped) into an owner-only
     * working folder inside the case; close the result once received or given up.
     */
    public ReceiveService.Opened decrypt(Path p7m, org.sakshi.service.SigningIdentity identity, char[] secret)
            throws SakshiException {
        return receiver.decrypt(caseDir, p7m, identity, secret, null, null);
    }

    /** Whether the details allow receiving a bundle with this verdict. */
    public static boolean canReceive(Verdict verdict, String reason) {
        return verdict == Verdict.PASSED || verdict == Verdict.INDETERMINATE && reason != null && !reason.isBlank();
    }

    /** The lines the dialog shows under the verdict: the deciding check and each hop. */
    public static List<String> reasons(VerificationReport r) {
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        Check deciding = r.decidingCheck();
        if (deciding != null) {
            out.add(deciding.code() + ": " + deciding.message());
        }
        for (Check c : r.checks()) {
            if (c.code() == CheckCode.PROVENANCE && c != deciding) {
                out.add(c.result() + " " + c.message());
            }
        }
        return out;
    }

    /** Receives the bundle (verified again inside: the file may have changed since the dialog showed). */
    public ReceiveService.Result receive(Path bundle, Details d, Actor actor, List<TimestampSource> tsas)
            throws SakshiException {
        List<String> seals = d.seals() == null ? List.of() : Arrays.stream(d.seals().split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        return receiver.receive(caseDir, new ReceiveService.Request(bundle, VerifyService.Trust.both(trustAnchors),
                blank(d.from()), blank(d.receivedBy()), blank(d.via()), seals, blank(d.reason()), tsas, actor), null,
                null);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
