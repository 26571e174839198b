package org.sakshi.ingest.device;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.core.CancelFlag;
import org.sakshi.ingest.ParseInput;
import org.sakshi.ingest.ParseOptions;
import org.sakshi.ingest.ParseResult;

/**
 * Issue 3 benchmark: listing a tar of 100,000 members (path, size, type, SHA-256 of each) against
 * the coreutils way of getting the same facts: {@code tar -tvf} for the listing plus
 * {@code sha256sum} over the extracted tree. Run: {@code mvn -Pbench test -Dtest=TarListingBenchTest}.
 */
@Tag("bench")
class TarListingBenchTest {
    private static final int MEMBERS = 100_000;
    private static final int ROUNDS = 3;

    @TempDir
    Path dir;

    @Test
    void listingAHundredThousandMemberTar() throws Exception {
        Path tar = dir.resolve("dump.tar");
        long bytes = 0;
        byte[] content = new byte[2048];
        new java.util.Random(1).nextBytes(content);
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tar), 1 << 16);
             TarArchiveOutputStream out = new TarArchiveOutputStream(os)) {
            out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (int i = 0; i < MEMBERS; i++) {
                int size = (int) ((i * 7919L) % 2048);
                content[0] = (byte) i;
                content[1] = (byte) (i >>> 8);
                TarArchiveEntry e = new TarArchiveEntry(String.format(Locale.ROOT, "data/d%03d/file-%06d.bin",
                        i % 1000, i));
                e.setSize(size);
                out.putArchiveEntry(e);
                out.write(content, 0, size);
                out.closeArchiveEntry();
                bytes += size;
            }
        }
        Path tree = Files.createDirectories(dir.resolve("tree"));
        BenchSupport.Timing extract = BenchSupport.shell("tar -xf '" + tar + "' -C '" + tree + "'");
        ParseOptions opt = ParseOptions.defaults(ZoneId.of("UTC"));
        DeviceParser parser = new DeviceParser();
        List<Double> ours = new ArrayList<>();
        List<Double> oursCpu = new ArrayList<>();
        List<Double> tarTv = new ArrayList<>();
        List<Double> tarTvCpu = new ArrayList<>();
        List<Double> sha = new ArrayList<>();
        List<Double> shaCpu = new ArrayList<>();
        for (int r = 0; r < ROUNDS; r++) {
            AtomicLong n = new AtomicLong();
            double c0 = BenchSupport.processCpu();
            long t0 = System.nanoTime();
            ParseResult res = parser.parse(ParseInput.ofFile("dump.tar", tar, opt), m -> n.incrementAndGet(),
                    new CancelFlag());
            ours.add((System.nanoTime() - t0) / 1e9);
            oursCpu.add(BenchSupport.processCpu() - c0);
            assertEquals((long) MEMBERS, res.summary().get("members"));
            assertEquals(bytes, res.summary().get("total_member_bytes"));
            assertEquals(MEMBERS, n.get());
            BenchSupport.Timing tv = BenchSupport.shell("tar -tvf '" + tar + "' > /dev/null");
            tarTv.add(tv.wall());
            tarTvCpu.add(tv.cpu());
            BenchSupport.Timing s = BenchSupport.shell("cd '" + tree + "' && find . -type f -print0 | xargs -0 sha256sum > /dev/null");
            sha.add(s.wall());
            shaCpu.add(s.cpu());
        }
        double o = BenchSupport.median(ours);
        double base = BenchSupport.median(tarTv) + BenchSupport.median(sha);
        String table = String.format(Locale.ROOT, """
                ### Tar listing, %,d members, %,d content bytes (tar file %,d bytes); median of %d rounds
                load average at end: %s
                | method | wall s | CPU s | members/s |
                |---|---|---|---|
                | Sakshi DeviceParser (list + SHA-256 every member, streaming) | %.2f | %.2f | %,.0f |
                | `tar -tvf` (listing only) | %.2f | %.2f | %,.0f |
                | `sha256sum` over the extracted tree | %.2f | %.2f | %,.0f |
                | `tar -tvf` + `sha256sum` (baseline) | %.2f | %.2f | %,.0f |
                | (`tar -xf` extraction needed for the baseline, once) | %.2f | %.2f | |
                """, MEMBERS, bytes, Files.size(tar), ROUNDS, BenchSupport.loadAverage(),
                o, BenchSupport.median(oursCpu), MEMBERS / o,
                BenchSupport.median(tarTv), BenchSupport.median(tarTvCpu), MEMBERS / BenchSupport.median(tarTv),
                BenchSupport.median(sha), BenchSupport.median(shaCpu), MEMBERS / BenchSupport.median(sha),
                base, BenchSupport.median(tarTvCpu) + BenchSupport.median(shaCpu), MEMBERS / base,
                extract.wall(), extract.cpu());
        BenchSupport.report("tar-listing.md", table);
    }
}
