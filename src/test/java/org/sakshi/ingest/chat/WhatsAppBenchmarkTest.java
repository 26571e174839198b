package org.sakshi.ingest.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.core.CancelFlag;
import org.sakshi.ingest.ParseInput;
import org.sakshi.ingest.ParseResult;

/**
 * Benchmark (excluded from the default run): {@code mvn -o -Pbench test -Dtest=WhatsAppBenchmarkTest}.
 * Parses a generated 1,000,000-line Android export (a tenth of the messages multi-line) and prints
 * lines/s and the heap in use after GC before, during (every 200,000 messages) and after the parse.
 * The sink counts messages only, so what is left on the heap is the parser's own.
 */
@Tag("bench")
class WhatsAppBenchmarkTest {
    @TempDir
    Path dir;

    static long heapAfterGc(MemoryMXBean mem) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return mem.getHeapMemoryUsage().getUsed();
    }

    static long write(Path f, long lines) throws Exception {
        String[] senders = {"Ramesh Kumar", "\u202A+91 98765 43210\u202C", "Dr. A-B:C", "सुरेश", "আমিনা"};
        String[] bodies = {"नमस्ते, आप कैसे हैं?", "meeting at 10:30 - ok: fine", "<Media omitted>",
            "IMG-20210728-WA0001.jpg (file attached)", "This message was deleted", "I will come <This message was edited>"};
        long written = 0;
        long bytes;
        try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            long i = 0;
            while (written < lines) {
                int day = (int) (i / 40_000 % 28) + 1;
                int month = (int) (i / 1_120_000 % 12) + 1;
                int minute = (int) (i % 1440);
                w.write(String.format("%02d/%02d/21, %02d:%02d - %s: %s", day == 1 && i == 0 ? 28 : day, month,
                        minute / 60, minute % 60, senders[(int) (i % 5)], bodies[(int) (i % 6)]));
                w.write('\n');
                written++;
                if (i % 10 == 0 && written < lines) {
                    w.write("continuation line of a long message: 28 apples");
                    w.write('\n');
                    written++;
                }
                i++;
            }
        }
        bytes = Files.size(f);
        return bytes;
    }

    @Test
    void parsesAMillionLineExportWithFlatHeap() throws Exception {
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        Path f = dir.resolve("WhatsApp Chat with bench.txt");
        long bytes = write(f, 1_000_000);
        ParseInput in = ParseInput.ofFile(f.getFileName().toString(), f, ChatTestSupport.options());

        // warm-up on the same file (JIT), then the timed run without GC sampling
        new ChatParser().parse(in, r -> { }, new CancelFlag());
        long[] count = {0};
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        ParseResult timed = new ChatParser().parse(in, r -> count[0]++, new CancelFlag());
        long ns = System.nanoTime() - t0;
        // CPU time of this thread: a fairer figure than wall time on a shared, loaded machine
        double cpuSecs = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;

        // the sampled run: heap after GC before, every 200,000 messages, after
        List<Long> heap = new ArrayList<>();
        heap.add(heapAfterGc(mem));
        long[] seen = {0};
        ParseResult sampled = new ChatParser().parse(in, r -> {
            if (++seen[0] % 200_000 == 0) {
                heap.add(heapAfterGc(mem));
            }
        }, new CancelFlag());
        heap.add(heapAfterGc(mem));

        assertEquals(timed.records(), sampled.records());
        double secs = ns / 1e9;
        System.out.printf("%n| input | lines | MB | messages | seconds | lines/s | MB/s | CPU seconds | lines per CPU second |"
                + "%n|---|---|---|---|---|---|---|---|---|%n");
        System.out.printf("| WhatsApp Android .txt | 1,000,000 | %.1f | %,d | %.2f | %,.0f | %.1f | %.2f | %,.0f |%n",
                bytes / 1e6, timed.records(), secs, 1_000_000 / secs, bytes / 1e6 / secs, cpuSecs, 1_000_000 / cpuSecs);
        System.out.printf("%n| heap used after GC | MiB |%n|---|---|%n");
        for (int i = 0; i < heap.size(); i++) {
            String label = i == 0 ? "before parse" : i == heap.size() - 1 ? "after parse" : "after " + (i * 200_000) + " messages";
            System.out.printf("| %s | %.1f |%n", label, heap.get(i) / 1048576.0);
        }
        System.out.println("summary: " + Map.of("messages", sampled.summary().get("messages"),
                "participants", sampled.summary().get("participants"), "warnings", sampled.warnings()));
    }

    /** A highly compressible chat text inside a small zip: streamed, heap flat (bytes set by -Dbench.zipGiB, default 1). */
    @Test
    void streamsAGigabyteChatTextFromASmallZip() throws Exception {
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        double gib = Double.parseDouble(System.getProperty("bench.zipGiB", "1"));
        long target = (long) (gib * (1L << 30));
        Path zip = dir.resolve("bomb.zip");
        String line = "28/07/21, 14:05 - Ramesh: the same message again and again and again\n";
        byte[] block = line.repeat(16_384).getBytes(StandardCharsets.UTF_8);
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            z.setLevel(Deflater.BEST_COMPRESSION);
            z.putNextEntry(new ZipEntry("_chat.txt"));
            for (long n = 0; n < target; n += block.length) {
                z.write(block);
            }
            z.closeEntry();
        }
        long before = heapAfterGc(mem);
        long[] peak = {0};
        long[] seen = {0};
        long t0 = System.nanoTime();
        ParseResult r = new ChatParser().parse(ParseInput.ofFile("bomb.zip", zip, ChatTestSupport.options()), m -> {
            if (++seen[0] % 2_000_000 == 0) {
                peak[0] = Math.max(peak[0], heapAfterGc(mem));
            }
        }, new CancelFlag());
        double secs = (System.nanoTime() - t0) / 1e9;
        long after = heapAfterGc(mem);
        System.out.printf("%n| zip | inflated | messages | seconds | heap before | peak sampled | heap after |%n"
                        + "|---|---|---|---|---|---|---|%n| %.1f MB | %.2f GiB | %,d | %.1f | %.1f MiB | %.1f MiB | %.1f MiB |%n",
                Files.size(zip) / 1e6, gib, r.records(), secs, before / 1048576.0, peak[0] / 1048576.0,
                after / 1048576.0);
        System.out.println("warnings: " + r.warnings());
    }
}
