package org.sakshi.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The relaunch of a bare {@code java -jar} for real: a jar whose main class ({@link RelaunchProbe})
 * relaunches like {@link Main}, started as a user would, with its exit code, streams, JVM options and
 * a signal checked from outside.
 */
class ClassDataRelaunchProcessTest {
    @TempDir
    Path dir;

    private Path probe;

    /** The probe jar, written once per test (a rewritten jar is another jar, with archives of its own). */
    private Path probeJar() throws Exception {
        if (probe == null) {
            probe = writeProbeJar();
        }
        return probe;
    }

    private Path writeProbeJar() throws Exception {
        Path classes = Path.of(ClassDataRelaunch.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path testClasses = Path.of(RelaunchProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path jar = dir.resolve("probe.jar");
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, RelaunchProbe.class.getName());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), m)) {
            add(out, classes, "org/sakshi/app", "ClassDataRelaunch");
            add(out, classes, "org/sakshi/core", "OwnerOnly");
            add(out, testClasses, "org/sakshi/app", "RelaunchProbe");
        }
        return jar;
    }

    private static void add(JarOutputStream out, Path root, String pkg, String prefix) throws IOException {
        try (Stream<Path> s = Files.list(root.resolve(pkg))) {
            for (Path p : s.filter(f -> f.getFileName().toString().startsWith(prefix)).toList()) {
                out.putNextEntry(new JarEntry(pkg + "/" + p.getFileName()));
                out.write(Files.readAllBytes(p));
                out.closeEntry();
            }
        }
    }

    private Process start(Path profile, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx123m", "-Dsakshi.home=" + profile, "-jar", probeJar().toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("SAKSHI_RELAUNCH");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().remove("JDK_JAVA_OPTIONS");
        return pb.start();
    }

    private static String value(String out, String key) {
        return out.lines().filter(l -> l.startsWith(key + " ")).findFirst().orElseThrow(() -> new AssertionError(key + " in " + out))
                .substring(key.length() + 1);
    }

    @Test
    void theSecondJvmGetsTheJvmOptionsStdinAndStreamsAndItsExitCodeIsTheCommandsAndItWritesTheArchive() throws Exception {
        Path profile = dir.resolve("profile");
        Process p = start(profile, "verify", "7");
        try (OutputStream in = p.getOutputStream()) {
            in.write("hello\n".getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the relaunched start did not end");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(7, p.exitValue(), out + err);
        assertEquals("true", value(out, "relaunched"), out);
        assertNotEquals(String.valueOf(p.pid()), value(out, "pid"), "the work ran in a second JVM");
        long heap = Long.parseLong(value(out, "maxheap"));
        assertTrue(heap < 200L * 1024 * 1024 && heap > 64L * 1024 * 1024, "-Xmx123m not carried over: " + heap); // the default here is GiBs
        assertEquals("hello", value(out, "stdin"), "stdin reaches the second JVM");
        assertTrue(err.contains("to stderr"), err);
        try (Stream<Path> s = Files.list(profile.resolve("cds"))) {
            assertTrue(s.anyMatch(f -> f.getFileName().toString().matches("sakshi-verify-[0-9a-f-]+\\.jsa")),
                    "no archive written in " + profile.resolve("cds"));
        }
    }

    private int exit(Path profile, String... args) throws Exception {
        Process p = start(profile, args);
        p.getOutputStream().close();
        p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the relaunched start did not end");
        return p.exitValue();
    }

    private List<String> windowArchives(Path profile) throws IOException {
        try (Stream<Path> s = Files.list(profile.resolve("cds"))) {
            return s.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("sakshi-gui-")).sorted().toList();
        }
    }

    @Test
    void aWindowThatCouldNotOpenLeavesNoArchiveSoTheNextStartRecordsAWholeOne() throws Exception {
        Path profile = dir.resolve("profile");
        // no GTK 3 or no display: the window's JVM prints why and exits 2; what it recorded of that start
        // (a few classes, none of the window's) would otherwise be used by every start of this jar
        assertEquals(2, exit(profile, "gui", "2"));
        assertEquals(List.of(), windowArchives(profile), "the archive of a start that failed is removed");
        assertEquals(1, exit(dir.resolve("profile-2"), "gui", "1"));
        assertEquals(1, windowArchives(dir.resolve("profile-2")).size(),
                "a window that failed otherwise (it had opened) keeps what it recorded");
        assertEquals(0, exit(profile, "gui", "0"));
        List<String> kept = windowArchives(profile);
        assertEquals(1, kept.size(), "a window that opened and was closed keeps its archive: " + kept);
        assertEquals(2, exit(profile, "gui", "2"));
        assertEquals(kept, windowArchives(profile), "a start that used the archive and then failed does not remove it");
    }

    @Test
    void aSignalThatStopsTheFirstJvmStopsTheSecond() throws Exception {
        Process p = start(dir.resolve("profile"), "gui", "sleep");
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String first = r.readLine();
        assertTrue(first != null && first.startsWith("pid "), String.valueOf(first));
        long child = Long.parseLong(first.substring(4));
        assertNotEquals(p.pid(), child);
        assertTrue(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false), "the second JVM runs");
        p.destroy(); // SIGTERM to the first JVM, as a desktop or a service manager would send
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < until) {
            Thread.sleep(100);
        }
        assertFalse(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false), "the second JVM outlived the first");
    }

    @Test
    void whenTheArchiveFolderCannotBeMadeTheCommandRunsInTheFirstJvm() throws Exception {
        Path profile = dir.resolve("profile-is-a-file");
        Files.writeString(profile, "not a folder");
        Process p = start(profile, "gui", "5");
        try (OutputStream in = p.getOutputStream()) {
            in.write("hi\n".getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(5, p.exitValue(), out);
        assertEquals("null", value(out, "relaunched"), out);
        assertEquals(String.valueOf(p.pid()), value(out, "pid"), "ran in the first JVM");
        assertEquals("hi", value(out, "stdin"));
    }

    @Test
    void aCommandNotInTheListRunsInTheFirstJvm() throws Exception {
        Process p = start(dir.resolve("profile"), "items", "3");
        p.getOutputStream().close();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(3, p.exitValue(), out);
        assertEquals(String.valueOf(p.pid()), value(out, "pid"));
        assertFalse(Files.exists(dir.resolve("profile").resolve("cds")), "nothing made for a command not relaunched");
    }
}
