package org.sakshi.bundle;

import java.nio.file.Path;
import java.util.List;
import org.sakshi.core.Check;
import org.sakshi.core.CheckResult;
import org.sakshi.core.VerificationReport;
import org.sakshi.service.VerifyService;

/**
 * Run in a separate JVM by {@link HostileCaseJsonTest} (with -Xmx256m): verifies one bundle with the
 * production wiring and prints the verdict and every FAILED check, one per line.
 */
public final class VerifyInSmallHeap {
    private VerifyInSmallHeap() {
    }

    public static void main(String[] args) throws Exception {
        VerificationReport r = new VerifyService().verify(Path.of(args[0]), List.of(), null);
        System.out.println("verdict " + r.verdict());
        for (Check c : r.checks()) {
            if (c.result() == CheckResult.FAILED) {
                System.out.println(c.code() + " " + c.target() + ": " + c.message());
            }
        }
        System.out.println("max heap " + (Runtime.getRuntime().maxMemory() >> 20) + " MiB");
    }
}
