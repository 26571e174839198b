package org.sakshi.bundle;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.sakshi.core.SakshiException;

/**
 * Seals one evidence file (SHA-256 and CRC-32 given, so the kernel copies it) into {@code OUT}; run
 * by {@link BundleSealerTest} under {@code ulimit -f}, where the copy fails part-way as on a full
 * disk. Prints the error and exits 3, or prints "sealed" and exits 0.
 * Arguments: OUT BLOB SHA256 CRC32
 */
public final class SealUnderFileLimitMain {
    private SealUnderFileLimitMain() {
    }

    public static void main(String[] a) {
        BundleSealer.Plan plan = new BundleSealer.Plan(Path.of(a[0]), "id-limit", Instant.EPOCH,
                List.of(new BundleSealer.PayloadFile("data/evidence/E0001/big.E01", Path.of(a[1]), a[2],
                        Long.parseLong(a[3]), "E0001")),
                new BagInfo(), "n", null, List.of());
        try {
            new BundleSealer(new BundleVerifier(null, null, null, null)).seal(plan, null, null);
            System.out.println("sealed");
        } catch (SakshiException e) {
            System.out.println(e.getMessage());
            System.exit(3);
        }
    }
}
