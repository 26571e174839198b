package org.sakshi.ui.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sakshi.core.Check;
import org.sakshi.core.CheckCode;
import org.sakshi.core.CheckResult;
import org.sakshi.core.Verdict;
import org.sakshi.core.VerificationReport;

class VerifyViewModelTest {
    private static VerificationReport report(Verdict v, List<Check> checks) {
        return new VerificationReport(v, "b-1", "FIR 12/2026",
                new VerificationReport.SignerInfo("CN=SI Asha Rao", "00".repeat(32), true), List.of(), checks,
                List.of(new VerificationReport.ItemResult("E0001", "data/payload/E0001/shot.png", "ab".repeat(32),
                        CheckResult.PASSED)));
    }

    @Test
    void aFailedBundleIsExplainedByItsFirstFailingCheckNamingTheFile() {
        VerificationReport r = report(Verdict.FAILED, List.of(
                Check.passed(CheckCode.SIGNATURE, "", "The signature is valid."),
                Check.failed(CheckCode.PAYLOAD_HASH, "data/payload/E0002/chat.txt", "SHA-256 differs from the manifest")));
        assertEquals("FAILED", VerifyViewModel.verdictWords(r.verdict()));
        assertEquals("data/payload/E0002/chat.txt: SHA-256 differs from the manifest", VerifyViewModel.reason(r));
    }

    @Test
    void aPassedBundleSaysHowManyItemsMatchAndWhoSigned() {
        String reason = VerifyViewModel.reason(report(Verdict.PASSED, List.of(Check.passed(CheckCode.SIGNATURE, "", "ok"))));
        assertTrue(reason.contains("The one item matches its hash") && reason.contains("CN=SI Asha Rao"), reason);
    }

    @Test
    void checksAreGroupedByCodeAndAGroupIsAsBadAsItsWorstCheck() {
        List<VerifyViewModel.CheckGroup> g = VerifyViewModel.groups(report(Verdict.FAILED, List.of(
                Check.passed(CheckCode.PAYLOAD_HASH, "a", "ok"),
                Check.warning(CheckCode.ITEM_TIMESTAMP, "t", "TSA not trusted"),
                Check.failed(CheckCode.PAYLOAD_HASH, "b", "differs"))));
        assertEquals(2, g.size());
        assertEquals(CheckCode.PAYLOAD_HASH, g.get(0).code());
        assertEquals(CheckResult.FAILED, g.get(0).result());
        assertEquals(2, g.get(0).checks().size());
        assertEquals(CheckResult.WARNING, g.get(1).result());
    }

    @Test
    void everyResultHasItsOwnIcon() {
        assertEquals(4, java.util.Arrays.stream(CheckResult.values()).map(VerifyViewModel::icon).distinct().count());
    }

    @Test
    void thePinnedSignerIsPassedToTheVerifier() {
        VerifyViewModel vm = new VerifyViewModel(new org.sakshi.service.VerifyService(), List.of());
        vm.bundleProperty().set(java.nio.file.Path.of("no-such-bundle.zip"));
        vm.expectedSignerProperty().set("nobody-in-particular");
        org.sakshi.core.InputException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.sakshi.core.InputException.class, () -> vm.verify(null));
        assertTrue(e.getMessage().contains("nobody-in-particular"), e.getMessage());
    }
}
