package org.sakshi.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The POSIX launcher the build writes (src/build/WriteLaunchers.java), run with a stand-in for java
 * that prints the options it was given.
 */
@DisabledOnOs(OS.WINDOWS)
class LaunchersTest {
    /** A stand-in for java: prints its arguments one per line. */
    static final String STAND_IN = "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\"; done\n";

    /**
     * The environment of a desktop session where the window can open: a display, and GTK 3 where the
     * dynamic loader finds it ({@code LD_LIBRARY_PATH} names a folder holding {@code libgtk-3.so.0}).
     */
    static java.util.Map<String, String> desktop(Path dir) throws java.io.IOException {
        Path lib = Files.createDirectories(dir.resolve("gtk-lib"));
        Files.writeString(lib.resolve("libgtk-3.so.0"), "");
        return java.util.Map.of("DISPLAY", ":0", "LD_LIBRARY_PATH", lib.toString());
    }

    /** Runs {@code sh LAUNCHER ARGS} in {@code env} (a null value removes the variable); its arguments to java. */
    static List<String> runIn(Path launcher, Path cwd, java.util.Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("sh", launcher.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile());
        for (var e : env.entrySet()) {
            if (e.getValue() == null) {
                pb.environment().remove(e.getKey());
            } else {
                pb.environment().put(e.getKey(), e.getValue());
            }
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out + err);
        return out.lines().toList();
    }

    @TempDir
    Path dir;
    Path launcher;

    @BeforeEach
    void writeLaunchers() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", Path.of("target/classes").toAbsolutePath().toString(),
                Path.of("src/build/WriteLaunchers.java").toAbsolutePath().toString(),
                dir.toString(), "sakshi.jar").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        Path stand = dir.resolve("java-stand-in");
        Files.writeString(stand, STAND_IN);
        stand.toFile().setExecutable(true);
        launcher = dir.resolve("sakshi");
        String sh = Files.readString(launcher);
        String javaLine = sh.lines().filter(l -> l.startsWith("java=")).findFirst().orElseThrow();
        Files.writeString(launcher, sh.replace(javaLine, "java='" + stand + "'"));
    }

    private List<String> run(String... args) throws Exception {
        return run(java.util.Map.of(), args);
    }

    private List<String> run(java.util.Map<String, String> env, String... args) throws Exception {
        java.util.Map<String, String> all = new java.util.HashMap<>(desktop(dir));
        all.put("SAKSHI_AOT", null);
        all.put("SAKSHI_AOT_TRAIN", null);
        all.putAll(env);
        return runIn(launcher, dir, all, args);
    }

    @Test
    void quickCommandsUseOnlyTheFirstJitCompilerAndHeavyOnesBoth() throws Exception {
        List<String> items = run("items", "/cases/FIR-1");
        assertTrue(items.contains("-XX:TieredStopAtLevel=1"), items.toString());
        assertTrue(items.contains("-XX:+UseSerialGC"), items.toString());
        assertTrue(items.contains("-XX:SharedArchiveFile=" + dir + "/sakshi-cli.jsa"), items.toString());
        assertEquals(List.of("-jar", dir + "/sakshi.jar", "items", "/cases/FIR-1"), items.subList(items.size() - 4, items.size()));
        for (String heavy : new String[] {"import", "export", "verify", "custody"}) {
            List<String> line = run(heavy, "x");
            assertFalse(line.contains("-XX:TieredStopAtLevel=1"), heavy + ": " + line);
            assertTrue(line.contains("-XX:+UseSerialGC"), heavy + ": " + line);
        }
        assertTrue(run("--help").contains("-XX:TieredStopAtLevel=1"));
    }

    @Test
    void verifyAndExportGetAnArchiveEachAndTheJitOptionsOfTheRelaunchUnexpandedByTheShell() throws Exception {
        // a file whose name one of the CompileCommand patterns matches, in the launcher's working folder
        Files.writeString(dir.resolve("-XX:CompileCommand=CompileThresholdScaling,java.nio.x::y,0.033"), "");
        for (String command : new String[] {"verify", "export"}) {
            List<String> line = run(command, "x");
            List<String> jit = ClassDataRelaunch.RELAUNCHED.get(command);
            int at = line.indexOf(jit.get(0));
            assertTrue(at >= 0, command + ": " + line);
            assertEquals(jit, line.subList(at, at + jit.size()), command + " gets the relaunch's options, in order");
            assertTrue(line.contains("-XX:CompileCommand=CompileThresholdScaling,java.nio.*::*,0.033"), line.toString());
            assertTrue(line.contains("-XX:SharedArchiveFile=" + dir + "/sakshi-" + command + ".jsa"), line.toString());
            assertTrue(line.contains("-XX:+UseSerialGC"), line.toString());
            assertEquals(List.of("-jar", dir + "/sakshi.jar", command, "x"), line.subList(line.size() - 4, line.size()));
        }
        assertTrue(ClassDataRelaunch.EXPORT_JIT.containsAll(ClassDataRelaunch.VERIFY_JIT));
        for (String other : new String[] {"import", "custody", "items"}) {
            List<String> line = run(other, "x");
            assertTrue(line.stream().noneMatch(a -> a.matches("-XX:Tier[34].*") || a.startsWith("-XX:CompileCommand")),
                    other + " keeps the usual JIT: " + line);
            assertTrue(line.contains("-XX:SharedArchiveFile=" + dir + "/sakshi-cli.jsa"), line.toString());
        }
    }

    /** A stand-in jar beside the launcher, a minute older than anything the test writes next. */
    private Path jarAMinuteOld() throws Exception {
        Path jar = Files.writeString(dir.resolve("sakshi.jar"), "jar");
        Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        return jar;
    }

    @Test
    void onJdk25TheWindowRecordsAnAotCacheOnceAndUsesItUntilTheJarOrTheJdkIsNewer() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Runtime.version().feature() >= 25, "AOT cache: JDK 25+");
        Path aot = dir.resolve("sakshi-gui.aot");
        Path jar = jarAMinuteOld();
        List<String> first = run();
        assertTrue(first.contains("-XX:AOTCacheOutput=" + aot) && first.contains("-XX:AOTMode=record"), first.toString());
        assertTrue(first.stream().noneMatch(a -> a.startsWith("-XX:SharedArchiveFile")), first.toString());
        Files.writeString(aot, "cache"); // as the first window's JVM writes it when it ends
        List<String> next = run("gui", "/cases/FIR-1");
        assertTrue(next.contains("-XX:AOTCache=" + aot) && next.contains("-XX:AOTMode=auto"), next.toString());
        assertEquals(List.of("-jar", jar.toString(), "gui", "/cases/FIR-1"), next.subList(next.size() - 4, next.size()));
        Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        List<String> rebuilt = run();
        assertTrue(rebuilt.contains("-XX:AOTCacheOutput=" + aot), "a jar newer than the cache records it again: " + rebuilt);
        List<String> items = run("items", "c");
        assertTrue(items.contains("-XX:SharedArchiveFile=" + dir + "/sakshi-cli.jsa"), "commands keep the dynamic archive: " + items);
        assertTrue(items.contains("-XX:+AutoCreateSharedArchive"), items.toString());
    }

    @Test
    void aWindowThatCannotOpenHereRecordsNoCacheOrArchiveThatLaterStartsWouldUse() throws Exception {
        jarAMinuteOld();
        // no display, or no GTK 3: Sakshi prints why and exits 2, and a JVM recording a cache or a
        // dynamic archive would still write it, without the window's classes, for every later start to use
        java.util.Map<String, String> noDisplay = new java.util.HashMap<>();
        noDisplay.put("DISPLAY", null);
        noDisplay.put("WAYLAND_DISPLAY", null);
        List<String> none = run(noDisplay);
        assertTrue(none.stream().noneMatch(a -> a.startsWith("-XX:AOT") || a.startsWith("-XX:SharedArchiveFile")
                || a.equals("-XX:+AutoCreateSharedArchive") || a.isEmpty()), "no display: " + none);
        assertTrue(none.contains("-Xshare:auto"), "an option that names the JDK's archive keeps the jar from relaunching to record one: "
                + none);
        assertEquals("-jar", none.get(none.size() - 2), "the window's own error, from the jar: " + none);
        // macOS has no DISPLAY and no GTK: the window opens there, and its first start records
        Path bin = Files.createDirectories(dir.resolve("mac-bin"));
        Path uname = Files.writeString(bin.resolve("uname"), "#!/bin/sh\necho Darwin\n");
        uname.toFile().setExecutable(true);
        java.util.Map<String, String> mac = new java.util.HashMap<>(noDisplay);
        mac.put("PATH", bin + ":" + System.getenv("PATH"));
        assertTrue(run(mac).stream().anyMatch(a -> a.startsWith("-XX:AOTCacheOutput=") || a.startsWith("-XX:SharedArchiveFile=")),
                "on macOS the window records as before");
        assertTrue(run(java.util.Map.of("DISPLAY", "", "WAYLAND_DISPLAY", "wayland-0")).stream()
                .anyMatch(a -> a.startsWith("-XX:AOTCacheOutput=") || a.startsWith("-XX:SharedArchiveFile=")), "Wayland is a display");
        Path ldCache = Path.of("/etc/ld.so.cache");
        if (Files.isRegularFile(ldCache) && !Files.readString(ldCache, StandardCharsets.ISO_8859_1).contains("libgtk-3.so.0")) {
            java.util.Map<String, String> noGtk = new java.util.HashMap<>();
            noGtk.put("LD_LIBRARY_PATH", null);
            List<String> line = run(noGtk);
            assertTrue(line.stream().noneMatch(a -> a.startsWith("-XX:AOT") || a.startsWith("-XX:SharedArchiveFile")),
                    "no GTK 3 on this machine: " + line);
        }
    }

    @Test
    void onJdk25AWindowWithItsCacheStartsWithoutAskingWhetherItCanOpen() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Runtime.version().feature() >= 25, "AOT cache: JDK 25+");
        jarAMinuteOld();
        Path asked = dir.resolve("asked");
        Path bin = Files.createDirectories(dir.resolve("spy-bin"));
        Path uname = Files.writeString(bin.resolve("uname"), "#!/bin/sh\necho x >> '" + asked + "'\necho Linux\n");
        uname.toFile().setExecutable(true);
        java.util.Map<String, String> spy = java.util.Map.of("PATH", bin + ":" + System.getenv("PATH"));
        assertTrue(run(spy).contains("-XX:AOTCacheOutput=" + dir.resolve("sakshi-gui.aot")));
        assertTrue(Files.exists(asked), "the first start asks before recording");
        Files.delete(asked);
        Files.writeString(dir.resolve("sakshi-gui.aot"), "cache");
        assertTrue(run(spy).contains("-XX:AOTCache=" + dir.resolve("sakshi-gui.aot")));
        assertFalse(Files.exists(asked), "a start with its cache forks nothing to ask (the window's start path)");
    }

    @Test
    void onJdk25QuickCommandsStartFromTheCacheTheBuildRecordedWhileItIsNewerThanTheJar() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Runtime.version().feature() >= 25, "AOT cache: JDK 25+");
        Path cache = dir.resolve("sakshi-quick.aot");
        Path jar = jarAMinuteOld();
        List<String> none = run("items", "c");
        assertTrue(none.stream().noneMatch(a -> a.startsWith("-XX:AOT")), "no cache recorded: " + none);
        assertTrue(none.contains("-XX:SharedArchiveFile=" + dir + "/sakshi-cli.jsa"), none.toString());
        Files.writeString(cache, "cache"); // as the build's training run writes it
        for (String quick : new String[] {"items", "show", "--help"}) {
            List<String> line = run(quick, "c");
            assertTrue(line.contains("-XX:AOTCache=" + cache) && line.contains("-XX:AOTMode=auto"), quick + ": " + line);
            assertTrue(line.stream().noneMatch(a -> a.startsWith("-XX:SharedArchiveFile")), "the cache alone: " + line);
            assertTrue(line.contains("-XX:TieredStopAtLevel=1"), line.toString());
        }
        for (String heavy : new String[] {"import", "verify", "export", "custody"}) {
            List<String> line = run(heavy, "c");
            assertTrue(line.stream().noneMatch(a -> a.startsWith("-XX:AOT")), heavy + " keeps its archive: " + line);
        }
        List<String> off = run(java.util.Map.of("SAKSHI_AOT", "0"), "items", "c");
        assertTrue(off.contains("-XX:SharedArchiveFile=" + dir + "/sakshi-cli.jsa"), "SAKSHI_AOT=0: " + off);
        List<String> train = run(java.util.Map.of("SAKSHI_AOT_TRAIN", dir.resolve("t.aot").toString()), "items", "c");
        assertTrue(train.contains("-XX:AOTCacheOutput=" + dir.resolve("t.aot")) && train.contains("-XX:AOTMode=record"),
                train.toString());
        assertTrue(train.contains("-XX:TieredStopAtLevel=1") && train.contains("-XX:+UseSerialGC"),
                "recorded with the quick commands' own options: " + train);
        assertTrue(run(java.util.Map.of("SAKSHI_AOT_TRAIN", "x.aot"), "verify", "c").stream()
                .noneMatch(a -> a.startsWith("-XX:AOT")), "only quick commands record it");
        Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        List<String> rebuilt = run("items", "c");
        assertTrue(rebuilt.stream().noneMatch(a -> a.startsWith("-XX:AOT")), "a jar newer than the cache: " + rebuilt);
    }

    @Test
    void theWindowHasItsOwnArchiveAndNoOptionThatDropsTheJdksArchivedModuleGraph() throws Exception {
        for (List<String> line : List.of(run(), run("gui", "/cases/FIR-1"))) {
            assertTrue(line.contains("-XX:SharedArchiveFile=" + dir + "/sakshi-gui.jsa")
                    || line.contains("-XX:AOTCacheOutput=" + dir + "/sakshi-gui.aot"), line.toString());
            assertFalse(line.contains("-XX:+UseSerialGC"), line.toString());
            assertFalse(line.contains("-XX:TieredStopAtLevel=1"), line.toString());
        }
        for (List<String> line : List.of(run(), run("items", "c"), run("import", "c", "f"))) {
            assertTrue(line.stream().noneMatch(a -> a.startsWith("--enable-native-access")),
                    "the jar's manifest grants native access; the option would disable the archived module graph: " + line);
        }
    }
}
