package org.sakshi.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher of the Linux package (installer/linux/launcher.sh), run in an app-image laid out as
 * jpackage lays it out, with a stand-in for the bundled runtime's java that prints its arguments.
 */
@DisabledOnOs(OS.WINDOWS)
class PackageLauncherTest {
    @TempDir
    Path image;
    @TempDir
    Path home;
    Path app;
    Path jar;
    Path modules;

    @BeforeEach
    void layOutAnImage() throws Exception {
        app = Files.createDirectories(image.resolve("lib/app"));
        Path bin = Files.createDirectories(image.resolve("bin"));
        Path runtime = Files.createDirectories(image.resolve("lib/runtime/bin"));
        for (String l : List.of("sakshi", "sakshi-cli")) {
            Files.copy(Path.of("installer/linux/launcher.sh"), bin.resolve(l));
            Files.writeString(app.resolve(l + ".cfg"), """
                    [Application]
                    app.classpath=$APPDIR/sakshi.jar
                    app.mainclass=org.sakshi.app.Main

                    [JavaOptions]
                    java-options=-XX:SharedArchiveFile=$APPDIR/sakshi.jsa
                    java-options=-Xlog:disable
                    java-options=-Xss2m
                    java-options=--enable-native-access=ALL-UNNAMED
                    """);
        }
        Path java = Files.writeString(runtime.resolve("java"), LaunchersTest.STAND_IN);
        java.toFile().setExecutable(true);
        jar = Files.writeString(app.resolve("sakshi.jar"), "jar");
        modules = Files.writeString(Files.createDirectories(image.resolve("lib/runtime/lib")).resolve("modules"), "m");
        long old = System.currentTimeMillis() - 120_000;
        Files.setLastModifiedTime(jar, FileTime.fromMillis(old));
        Files.setLastModifiedTime(modules, FileTime.fromMillis(old));
        release("25.0.1");
    }

    private void release(String version) throws Exception {
        Files.writeString(image.resolve("lib/runtime/release"), "IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_VERSION=\"" + version + "\"\n");
    }

    private List<String> run(String launcher, String... args) throws Exception {
        return run(java.util.Map.of(), launcher, args);
    }

    private List<String> run(java.util.Map<String, String> env, String launcher, String... args) throws Exception {
        return run(env, null, launcher, args);
    }

    private List<String> run(java.util.Map<String, String> env, Path cwd, String launcher, String... args) throws Exception {
        java.util.Map<String, String> all = new java.util.HashMap<>(LaunchersTest.desktop(image));
        all.put("HOME", home.toString());
        all.putAll(env);
        return LaunchersTest.runIn(image.resolve("bin").resolve(launcher), cwd == null ? Path.of("").toAbsolutePath() : cwd, all, args);
    }

    @Test
    void commandsRunWithTheSerialCollectorAndQuickOnesWithTheFirstJitCompilerOnly() throws Exception {
        List<String> items = run("sakshi-cli", "items", "/cases/FIR-1");
        assertTrue(items.contains("-XX:+UseSerialGC") && items.contains("-XX:TieredStopAtLevel=1"), items.toString());
        assertEquals(List.of("-cp", app + "/sakshi.jar", "org.sakshi.app.Main", "items", "/cases/FIR-1"),
                items.subList(items.size() - 5, items.size()));
        for (String heavy : new String[] {"import", "export", "verify", "custody"}) {
            List<String> line = run("sakshi-cli", heavy, "x");
            assertFalse(line.contains("-XX:TieredStopAtLevel=1"), heavy + ": " + line);
            assertTrue(line.contains("-XX:+UseSerialGC"), heavy + ": " + line);
        }
        assertTrue(run("sakshi", "--help").contains("-XX:TieredStopAtLevel=1"));
    }

    /** The one archive a command maps: the runtime's own is the base of a dynamic one, never named. */
    private static List<String> archives(List<String> line) {
        return line.stream().filter(a -> a.startsWith("-XX:SharedArchiveFile=")).toList();
    }

    @Test
    void eachKindOfCommandKeepsItsOwnArchiveInAPrivateProfileFolderInsteadOfThePackagesStaticOne() throws Exception {
        Path cds = home.resolve(".sakshi/cds");
        java.util.Map<String, String> kinds = java.util.Map.of("items", "quick", "show", "quick", "import", "cli",
                "custody", "cli", "receive", "cli", "verify", "verify", "export", "export");
        for (var k : kinds.entrySet()) {
            for (String launcher : new String[] {"sakshi", "sakshi-cli"}) {
                List<String> line = run(launcher, k.getKey(), "x");
                assertEquals(List.of("-XX:SharedArchiveFile=" + cds.resolve("package-" + k.getValue() + ".jsa")),
                        archives(line), k.getKey() + ": its own archive, not the package's: " + line);
                int at = line.indexOf(archives(line).get(0));
                assertEquals("-XX:+AutoCreateSharedArchive", line.get(at + 1), "written by its first run: " + line);
                assertTrue(line.indexOf("-cp") > at, "JVM options before the class path: " + line);
            }
        }
        assertEquals(java.util.Set.of(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                java.nio.file.attribute.PosixFilePermission.OWNER_WRITE,
                java.nio.file.attribute.PosixFilePermission.OWNER_EXECUTE),
                Files.getPosixFilePermissions(cds), "the folder the JVM maps code from is the owner's only");
        assertTrue(archives(run("sakshi")).isEmpty(), "the window on JDK 25 maps its AOT cache only");
    }

    @Test
    void quickCommandsStartFromTheInstallsAotCacheWhileItIsNewerThanTheJarAndTheRuntime() throws Exception {
        Path cache = app.resolve("sakshi-quick.aot");
        List<String> none = run("sakshi-cli", "items", "x");
        assertTrue(none.stream().noneMatch(a -> a.contains("AOT")), "no cache, no AOT option: " + none);
        Files.writeString(cache, "cache"); // as postinst's training run writes it
        for (String quick : new String[] {"items", "show", "--help"}) {
            List<String> line = run("sakshi-cli", quick, "x");
            assertTrue(line.contains("-XX:AOTCache=" + cache) && line.contains("-XX:AOTMode=auto"), quick + ": " + line);
            assertTrue(archives(line).isEmpty(), "the cache alone, no class-data archive: " + line);
            assertTrue(line.indexOf("-XX:AOTCache=" + cache) < line.indexOf("-cp"), line.toString());
        }
        for (String other : new String[] {"verify", "import", "export"}) {
            List<String> line = run("sakshi-cli", other, "x");
            assertTrue(line.stream().noneMatch(a -> a.contains("AOT")), other + " keeps its archive: " + line);
        }
        List<String> off = run(java.util.Map.of("SAKSHI_CDS", "0"), "sakshi-cli", "items", "x");
        assertEquals(List.of("-XX:SharedArchiveFile=" + app + "/sakshi.jsa"), archives(off), "SAKSHI_CDS=0: " + off);
        assertTrue(off.stream().noneMatch(a -> a.contains("AOT")), off.toString());
        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        List<String> upgraded = run("sakshi-cli", "items", "x");
        assertTrue(upgraded.stream().noneMatch(a -> a.contains("AOT")), "a jar newer than the cache: " + upgraded);
        assertEquals(List.of("-XX:SharedArchiveFile=" + home.resolve(".sakshi/cds/package-quick.jsa")), archives(upgraded));
        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() - 120_000));
        Files.setLastModifiedTime(modules, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        assertTrue(run("sakshi-cli", "items", "x").stream().noneMatch(a -> a.contains("AOT")), "a newer runtime too");
    }

    @Test
    void sakshiAotTrainRecordsTheQuickCommandsCacheWithTheirOwnOptionsAndNoArchive() throws Exception {
        Path out = image.resolve("lib/app/sakshi-quick.aot");
        List<String> line = run(java.util.Map.of("SAKSHI_AOT_TRAIN", out.toString(), "SAKSHI_CDS", "0"),
                "sakshi-cli", "items", "/cases/T");
        assertTrue(line.contains("-XX:AOTCacheOutput=" + out) && line.contains("-XX:AOTMode=record"), line.toString());
        assertTrue(archives(line).isEmpty(), "recording maps no archive: " + line);
        assertTrue(line.contains("-XX:+UseSerialGC") && line.contains("-XX:TieredStopAtLevel=1"),
                "trained with the options the quick commands run with: " + line);
        List<String> verify = run(java.util.Map.of("SAKSHI_AOT_TRAIN", out.toString(), "SAKSHI_CDS", "0"),
                "sakshi-cli", "verify", "x");
        assertTrue(verify.stream().noneMatch(a -> a.contains("AOT")), "only quick commands record it: " + verify);
    }

    @Test
    void withSakshiCds0OrWithoutAWritableProfileCommandsMapThePackagesArchiveAndWriteNothing() throws Exception {
        List<String> training = run(java.util.Map.of("SAKSHI_CDS", "0"), "sakshi-cli", "verify", "x");
        assertEquals(List.of("-XX:SharedArchiveFile=" + app + "/sakshi.jsa"), archives(training), training.toString());
        assertFalse(training.contains("-XX:+AutoCreateSharedArchive"), training.toString());
        assertFalse(Files.exists(home.resolve(".sakshi")), "SAKSHI_CDS=0 (training, postinst): nothing in the profile");
        home.toFile().setWritable(false);
        try {
            List<String> readOnly = run("sakshi-cli", "items", "x");
            if (!Files.isDirectory(home.resolve(".sakshi"))) { // root writes anyway
                assertEquals(List.of("-XX:SharedArchiveFile=" + app + "/sakshi.jsa"), archives(readOnly), readOnly.toString());
                assertFalse(readOnly.contains("-XX:+AutoCreateSharedArchive"), readOnly.toString());
            }
        } finally {
            home.toFile().setWritable(true);
        }
    }

    @Test
    void verifyAndExportGetTheJitOptionsOfTheRelaunchUnexpandedByTheShellAndKeepThePackagesArchive() throws Exception {
        // a file whose name one of the CompileCommand patterns matches, in the launcher's working folder
        Path cwd = Files.createDirectories(home.resolve("work"));
        Files.writeString(cwd.resolve("-XX:CompileCommand=CompileThresholdScaling,java.nio.x::y,0.033"), "");
        for (String command : new String[] {"verify", "export"}) {
            for (String launcher : new String[] {"sakshi", "sakshi-cli"}) {
                List<String> line = run(java.util.Map.of(), cwd, launcher, command, "x");
                List<String> jit = ClassDataRelaunch.RELAUNCHED.get(command);
                int at = line.indexOf(jit.get(0));
                assertTrue(at >= 0, command + ": " + line);
                assertEquals(jit, line.subList(at, at + jit.size()), command + " gets the relaunch's options, in order");
                assertEquals(jit.size(), line.stream().filter(a -> a.matches("-XX:Tier[34].*") || a.startsWith("-XX:CompileCommand"))
                        .count(), "nothing else: " + line);
                assertEquals(List.of("-XX:SharedArchiveFile=" + home.resolve(".sakshi/cds/package-" + command + ".jsa")),
                        archives(line), line.toString());
                assertTrue(line.contains("-XX:+UseSerialGC"), line.toString());
                assertEquals(List.of("-cp", app + "/sakshi.jar", "org.sakshi.app.Main", command, "x"),
                        line.subList(line.size() - 5, line.size()));
            }
        }
        for (String other : new String[] {"import", "custody", "items", "receive"}) {
            List<String> line = run("sakshi-cli", other, "x");
            assertTrue(line.stream().noneMatch(a -> a.matches("-XX:Tier[34].*") || a.startsWith("-XX:CompileCommand")),
                    other + " keeps the usual JIT: " + line);
        }
    }

    @Test
    void aWindowThatCannotOpenHereRecordsNoCacheThatLaterStartsWouldUse() throws Exception {
        // no display, or no GTK 3: Sakshi prints why and exits 2, and a JVM recording the cache would
        // still write it, without the window's classes, for every later start to use until an upgrade
        java.util.Map<String, String> noDisplay = new java.util.HashMap<>();
        noDisplay.put("DISPLAY", null);
        noDisplay.put("WAYLAND_DISPLAY", null);
        List<String> none = run(noDisplay, "sakshi");
        assertTrue(none.stream().noneMatch(a -> a.startsWith("-XX:AOT") || a.equals("-XX:+AutoCreateSharedArchive")),
                "nothing recorded (the package's own archive is read-only): " + none);
        assertEquals(List.of("org.sakshi.app.Main"), none.subList(none.size() - 1, none.size()), "the window's own error");
        assertFalse(Files.exists(home.resolve(".sakshi/cds/package-gui.aot")));
        Path ldCache = Path.of("/etc/ld.so.cache");
        if (Files.isRegularFile(ldCache) && !Files.readString(ldCache, StandardCharsets.ISO_8859_1).contains("libgtk-3.so.0")) {
            java.util.Map<String, String> noGtk = new java.util.HashMap<>();
            noGtk.put("LD_LIBRARY_PATH", null);
            List<String> line = run(noGtk, "sakshi");
            assertTrue(line.stream().noneMatch(a -> a.startsWith("-XX:AOT")), "no GTK 3 on this machine: " + line);
        }
        assertTrue(run("sakshi").contains("-XX:AOTCacheOutput=" + home.resolve(".sakshi/cds/package-gui.aot")),
                "where it can open, the first start records");
    }

    @Test
    void onJdk25TheWindowRecordsAnAotCacheInTheProfileOnceAndUsesItUntilThePackageChanges() throws Exception {
        Path aot = home.resolve(".sakshi/cds/package-gui.aot");
        List<String> first = run("sakshi");
        assertTrue(first.contains("-XX:AOTCacheOutput=" + aot) && first.contains("-XX:AOTMode=record"), first.toString());
        assertTrue(first.stream().noneMatch(a -> a.startsWith("-XX:SharedArchiveFile")), "one archive only: " + first);
        assertFalse(first.contains("-XX:+UseSerialGC"), first.toString());
        assertTrue(Files.isDirectory(aot.getParent()), "the profile's cds folder is made for the cache");
        Files.writeString(aot, "cache"); // as the first window's JVM writes it when it ends
        List<String> next = run("sakshi", "gui", "/cases/FIR-1");
        assertTrue(next.contains("-XX:AOTCache=" + aot) && next.contains("-XX:AOTMode=auto"), next.toString());
        assertEquals(List.of("org.sakshi.app.Main", "gui", "/cases/FIR-1"), next.subList(next.size() - 3, next.size()));
        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        assertTrue(run("sakshi").contains("-XX:AOTCacheOutput=" + aot), "an upgraded jar records the cache again");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() - 120_000));
        Files.setLastModifiedTime(modules, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        assertTrue(run("sakshi").contains("-XX:AOTCacheOutput=" + aot), "an upgraded runtime records the cache again");
    }

    @Test
    void onAJdk21RuntimeWithSakshiAot0OrWithoutAWritableProfileTheWindowKeepsThePackagesArchive() throws Exception {
        release("21.0.9");
        List<String> jdk21 = run("sakshi");
        assertTrue(jdk21.contains("-XX:SharedArchiveFile=" + app + "/sakshi.jsa"), jdk21.toString());
        assertTrue(jdk21.stream().noneMatch(a -> a.contains("AOT")), "a JDK 21 knows no AOT cache: " + jdk21);
        release("25");
        List<String> training = run(java.util.Map.of("SAKSHI_AOT", "0"), "sakshi");
        assertTrue(training.contains("-XX:SharedArchiveFile=" + app + "/sakshi.jsa"), training.toString());
        assertTrue(training.stream().noneMatch(a -> a.contains("AOT")), "SAKSHI_AOT=0 (training runs): " + training);
        assertFalse(Files.exists(home.resolve(".sakshi")), "and nothing written into the profile");
        home.toFile().setWritable(false);
        try {
            List<String> readOnly = run("sakshi");
            if (!Files.isDirectory(home.resolve(".sakshi"))) { // root writes anyway
                assertTrue(readOnly.contains("-XX:SharedArchiveFile=" + app + "/sakshi.jsa"), readOnly.toString());
                assertTrue(readOnly.stream().noneMatch(a -> a.contains("AOT")), readOnly.toString());
            }
        } finally {
            home.toFile().setWritable(true);
        }
    }
}
