package org.sakshi.vault;

import java.nio.file.Files;
import java.nio.file.Path;
import org.sakshi.hashing.HashPipeline;

/**
 * Benchmark helper (not a test): {@code java -cp ... org.sakshi.vault.PipelineBenchMain MODE FILE DIR}
 * with MODE {@code hash} (digests only), {@code direct} (O_DIRECT vault write) or {@code buffered}.
 * Prints the mode, seconds and MB/s.
 */
public final class PipelineBenchMain {
    private PipelineBenchMain() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path file = Path.of(args[1]);
        Path dir = Path.of(args[2]);
        long t0 = System.nanoTime();
        long size;
        if (mode.equals("hash")) {
            size = new HashPipeline().hash(file, null, null).size();
        } else {
            Vault v = new Vault(dir, mode.equals("direct") ? SinkFactory.DIRECT : SinkFactory.BUFFERED,
                    new HashPipeline());
            size = v.store(file, null, "bench", null).hash().size();
        }
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf("%s %.2f s %.0f MB/s%n", mode, s, size / s / 1e6);
        if (!mode.equals("hash")) {
            try (var st = Files.walk(dir)) {
                for (Path p : st.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
