package org.sakshi.ingest.device;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sakshi.core.CancelFlag;
import org.sakshi.ingest.device.ewf.EwfImage;
import org.sakshi.ingest.device.ewf.EwfVerification;
import org.sakshi.testsupport.Tools;

/**
 * Issue 3 benchmark: verifying a 2 GiB E01 (MD5 + SHA-1 of the inflated media against the stored
 * hashes) against {@code ewfverify -d sha1} on the same image. The image is made once with
 * ewfacquire from 2 GiB of alternating 1 MiB random and zero blocks, in 700 MiB segments, and kept
 * in {@code -Dsakshi.bench.dir} (default {@code /tmp/sakshi-bench-e01}) for later runs.
 * Run: {@code mvn -Pbench test -Dtest=EwfVerifyBenchTest}.
 */
@Tag("bench")
class EwfVerifyBenchTest {
    private static final int ROUNDS = 3;

    @Test
    void verifyingATwoGibE01() throws Exception {
        Tools.require("ewfverify");
        Path dir = Path.of(System.getProperty("sakshi.bench.dir", "/tmp/sakshi-bench-e01"));
        Files.createDirectories(dir);
        Path first = dir.resolve("big.E01");
        if (!Files.exists(first)) {
            Path raw = dir.resolve("big.raw");
            try (OutputStream os = Files.newOutputStream(raw)) {
                byte[] block = new byte[1 << 20];
                byte[] zero = new byte[1 << 20];
                Random rnd = new Random(2);
                for (int i = 0; i < 2048; i++) {
                    if (i % 2 == 0) {
                        rnd.nextBytes(block);
                        os.write(block);
                    } else {
                        os.write(zero);
                    }
                }
            }
            BenchSupport.shell("cd '" + dir + "' && ewfacquire -u -q -t big -c deflate:fast -S 700MiB -d sha1 "
                    + "-C BENCH-1 -E EV-1 -e bench -D bench2g -N none big.raw");
            Files.delete(raw);
        }
        List<Path> segments;
        try (Stream<Path> s = Files.list(dir)) {
            segments = s.filter(p -> p.getFileName().toString().matches("big\\.E\\d\\d")).sorted().toList();
        }
        long segBytes = 0;
        for (Path p : segments) {
            segBytes += Files.size(p);
        }
        // Warm the page cache for both readers alike.
        BenchSupport.shell("cat " + String.join(" ", segments.stream().map(p -> "'" + p + "'").toList()) + " > /dev/null");
        List<Double> ours = new ArrayList<>();
        List<Double> oursCpu = new ArrayList<>();
        List<Double> ewf = new ArrayList<>();
        List<Double> ewfCpu = new ArrayList<>();
        long media = 0;
        for (int r = 0; r < ROUNDS; r++) {
            double c0 = BenchSupport.processCpu();
            long t0 = System.nanoTime();
            EwfImage img = EwfImage.open(segments);
            EwfVerification v = img.verify(new CancelFlag());
            ours.add((System.nanoTime() - t0) / 1e9);
            oursCpu.add(BenchSupport.processCpu() - c0);
            assertEquals(Boolean.TRUE, v.verified(), v.warnings()::toString);
            media = img.mediaSize();
            BenchSupport.Timing e = BenchSupport.shell("ewfverify -q -d sha1 '" + first + "'");
            ewf.add(e.wall());
            ewfCpu.add(e.cpu());
        }
        BenchSupport.Timing md5Only = BenchSupport.shell("ewfverify -q '" + first + "'");
        double o = BenchSupport.median(ours);
        double b = BenchSupport.median(ewf);
        String table = String.format(Locale.ROOT, """
                ### E01 verification, %,d media bytes in %d segments (%,d bytes on disk); median of %d rounds
                load average at end: %s
                | method | wall s | CPU s | media MB/s |
                |---|---|---|---|
                | Sakshi EwfImage.verify (MD5 + SHA-1, in-process) | %.2f | %.2f | %.0f |
                | `ewfverify -q -d sha1` (MD5 + SHA-1) | %.2f | %.2f | %.0f |
                | `ewfverify -q` (MD5 only, one run) | %.2f | %.2f | %.0f |
                """, media, segments.size(), segBytes, ROUNDS, BenchSupport.loadAverage(),
                o, BenchSupport.median(oursCpu), media / 1e6 / o,
                b, BenchSupport.median(ewfCpu), media / 1e6 / b,
                md5Only.wall(), md5Only.cpu(), media / 1e6 / md5Only.wall());
        BenchSupport.report("e01-verify.md", table);
    }
}
