package org.sakshi.core.ledger;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * One-thread CPU cost per event of the chain check's line work, full path (Jackson tree and JCS)
 * against the byte-scanning fast path, over a custody-log JSONL (e.g. the one engine-bench.sh writes):
 * {@code java -cp target/sakshi.jar:target/test-classes org.sakshi.core.ledger.LedgerScanBenchMain LEDGER.jsonl [ROUNDS]}.
 * Each round alternates the two paths over every line; prints thread CPU microseconds per event.
 */
public final class LedgerScanBenchMain {
    private LedgerScanBenchMain() {
    }

    public static void main(String[] args) throws IOException, Exception {
        List<byte[]> lines = new ArrayList<>();
        for (String l : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
            if (!l.isBlank()) {
                lines.add(l.getBytes(StandardCharsets.UTF_8));
            }
        }
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        StringBuilder buf = new StringBuilder(1024);
        ChainVerifier.LineParser fast = new ChainVerifier.LineParser();
        for (int r = 1; r <= rounds; r++) {
            long t0 = mx.getCurrentThreadCpuTime();
            long sink = 0;
            for (byte[] b : lines) {
                sink += ChainVerifier.parseTree(new String(b, StandardCharsets.UTF_8), buf, sha).computed().length();
            }
            long t1 = mx.getCurrentThreadCpuTime();
            for (byte[] b : lines) {
                sink += fast.parseUtf8(b).computed().length();
            }
            long t2 = mx.getCurrentThreadCpuTime();
            System.out.printf("round %d: %d events; full path %.2f us/event, fast path %.2f us/event (%d)%n", r,
                    lines.size(), (t1 - t0) / 1e3 / lines.size(), (t2 - t1) / 1e3 / lines.size(), sink);
        }
    }
}
