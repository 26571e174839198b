package org.sakshi.ingest.device;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Timing helpers shared by the device benchmarks (tests tagged "bench"). */
final class BenchSupport {
    private BenchSupport() {
    }

    /** Wall and CPU seconds of one measured step. */
    record Timing(double wall, double cpu) {
    }

    /** Runs a shell command under /usr/bin/time; wall from here, CPU (user+sys) from time(1). */
    static Timing shell(String script) throws IOException, InterruptedException {
        Path times = Files.createTempFile("bench-time", ".txt");
        try {
            List<String> cmd = new ArrayList<>(List.of("/usr/bin/time", "-o", times.toString(), "-f", "%U %S",
                    "bash", "-c", script));
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(2, TimeUnit.HOURS)) {
                p.destroyForcibly();
                throw new IOException("timed out: " + script);
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            String[] us = Files.readString(times, StandardCharsets.UTF_8).trim().split("\\s+");
            double cpu = Double.parseDouble(us[us.length - 2]) + Double.parseDouble(us[us.length - 1]);
            if (p.exitValue() != 0) {
                throw new IOException("exit " + p.exitValue() + ": " + script);
            }
            return new Timing(wall, cpu);
        } finally {
            Files.deleteIfExists(times);
        }
    }

    /** CPU seconds used so far by this whole JVM (all threads). */
    static double processCpu() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime() / 1e9;
        }
        return Double.NaN;
    }

    static double median(List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        s.sort(Double::compare);
        return s.get(s.size() / 2);
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    static void report(String name, String table) throws IOException {
        Path out = Path.of("target", "bench");
        Files.createDirectories(out);
        Files.writeString(out.resolve(name), table);
        System.out.println(table);
    }
}
