package org.sakshi.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClassDataRelaunchTest {
    private static final Optional<String> JAVA = Optional.of("/opt/jdk/bin/java");
    private static final Path PROFILE = Path.of("/home/rao/.sakshi");

    private static Optional<List<String>> relaunch(String[] args, String[] line, Map<String, String> env,
                                                   String property, String mark) {
        return ClassDataRelaunch.command(args, JAVA, Optional.of(line), env, property, mark, PROFILE, 21);
    }

    @Test
    void aBareJavaJarWindowRunsAgainWithAnArchiveInTheProfileKeepingItsOptionsAndArguments() {
        List<String> cmd = relaunch(new String[] {"gui", "/cases/FIR-1"},
                new String[] {"-Dsakshi.home=/p", "-Xmx1g", "-jar", "/opt/sakshi.jar", "gui", "/cases/FIR-1"},
                Map.of(), null, null).orElseThrow();
        assertEquals("/opt/jdk/bin/java", cmd.get(0));
        assertTrue(cmd.get(1).startsWith("-XX:SharedArchiveFile=" + PROFILE.resolve("cds").resolve("sakshi-gui-")), cmd.get(1));
        assertTrue(cmd.get(1).endsWith(".jsa"), cmd.get(1));
        assertTrue(cmd.contains("-XX:+AutoCreateSharedArchive"), cmd.toString());
        assertTrue(cmd.contains("-D" + ClassDataRelaunch.MARK + "=true"), cmd.toString());
        assertTrue(java.util.Collections.disjoint(cmd, ClassDataRelaunch.VERIFY_JIT), "the window keeps the JVM's thresholds");
        assertEquals(List.of("-Dsakshi.home=/p", "-Xmx1g", "-jar", "/opt/sakshi.jar", "gui", "/cases/FIR-1"),
                cmd.subList(cmd.size() - 6, cmd.size()));

        List<String> plain = relaunch(new String[0], new String[] {"-jar", "/opt/sakshi.jar"}, Map.of(), null, null)
                .orElseThrow();
        assertEquals(List.of("-jar", "/opt/sakshi.jar"), plain.subList(plain.size() - 2, plain.size()));
    }

    @Test
    void theRelaunchedVerifysJitOptionsAreAcceptedByThisJvmAndPrintNothingOnStdout() throws Exception {
        // a mistyped option would stop the second JVM at once (every bare verify would exit 1), and the JVM's
        // echo of a per-method compile command would land in front of verify --json on stdout
        List<String> cmd = new java.util.ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(ClassDataRelaunch.VERIFY_JIT);
        cmd.add("-version");
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertEquals(0, p.waitFor(), "exit code of " + cmd);
        assertEquals("", new String(out, java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void aBareJavaJarVerifyRunsAgainWithAnArchiveOfItsOwnBesideTheWindows() {
        String[] line = {"-Xmx256m", "-jar", "/opt/sakshi.jar", "verify", "/in/FIR-1.zip", "--json"};
        List<String> cmd = relaunch(new String[] {"verify", "/in/FIR-1.zip", "--json"}, line, Map.of(), null, null)
                .orElseThrow();
        assertTrue(cmd.get(1).startsWith("-XX:SharedArchiveFile=" + PROFILE.resolve("cds").resolve("sakshi-verify-")),
                cmd.get(1));
        assertTrue(cmd.contains("-XX:+AutoCreateSharedArchive"), cmd.toString());
        assertTrue(cmd.contains("-D" + ClassDataRelaunch.MARK + "=true"), cmd.toString());
        assertEquals(List.of(line), cmd.subList(cmd.size() - line.length, cmd.size()));
        assertEquals(ClassDataRelaunch.VERIFY_JIT, cmd.subList(cmd.size() - line.length - ClassDataRelaunch.VERIFY_JIT.size(),
                cmd.size() - line.length), "the JIT thresholds come before the user's own options, which win");
        String window = relaunch(new String[0], new String[] {"-Xmx256m", "-jar", "/opt/sakshi.jar"}, Map.of(), null, null)
                .orElseThrow().get(1);
        assertEquals(window.replace("sakshi-gui-", "sakshi-verify-"), cmd.get(1), "the same key, another kind");
        assertTrue(relaunch(new String[] {"verify", "/in/FIR-1.zip"}, new String[] {"-jar", "/opt/sakshi.jar", "verify",
                "/in/FIR-1.zip"}, Map.of(), null, "true").isEmpty(), "the relaunched verify itself");
        assertTrue(relaunch(new String[] {"verify", "/in/FIR-1.zip"}, new String[] {"-jar", "/opt/sakshi.jar", "verify",
                "/in/FIR-1.zip"}, Map.of("SAKSHI_RELAUNCH", "0"), null, null).isEmpty(), "SAKSHI_RELAUNCH=0");
    }

    @Test
    void aBareJavaJarExportRunsAgainWithAnArchiveOfItsOwnAndItsJitOptionsBeforeTheUsersOwn() throws Exception {
        String[] args = {"export", "/cases/FIR-1", "--out", "/out/FIR-1.zip", "--keystore", "k.p12"};
        String[] line = {"-Xmx256m", "-jar", "/opt/sakshi.jar", "export", "/cases/FIR-1", "--out", "/out/FIR-1.zip",
                "--keystore", "k.p12"};
        List<String> cmd = relaunch(args, line, Map.of(), null, null).orElseThrow();
        assertTrue(cmd.get(1).startsWith("-XX:SharedArchiveFile=" + PROFILE.resolve("cds").resolve("sakshi-export-")),
                cmd.get(1));
        assertTrue(cmd.contains("-D" + ClassDataRelaunch.MARK + "=true"), cmd.toString());
        assertEquals(List.of(line), cmd.subList(cmd.size() - line.length, cmd.size()), "options and arguments kept");
        assertEquals(ClassDataRelaunch.EXPORT_JIT, cmd.subList(cmd.size() - line.length - ClassDataRelaunch.EXPORT_JIT.size(),
                cmd.size() - line.length), "the JIT thresholds come before the user's own options, which win");
        assertTrue(ClassDataRelaunch.EXPORT_JIT.containsAll(ClassDataRelaunch.VERIFY_JIT), "the hash path as verify's");
        assertTrue(relaunch(args, line, Map.of(), null, "true").isEmpty(), "the relaunched export itself");
        assertTrue(relaunch(args, line, Map.of("SAKSHI_RELAUNCH", "0"), null, null).isEmpty(), "SAKSHI_RELAUNCH=0");

        // a mistyped option would stop every bare export at once
        List<String> jvm = new java.util.ArrayList<>();
        jvm.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        jvm.addAll(ClassDataRelaunch.EXPORT_JIT);
        jvm.add("-version");
        Process p = new ProcessBuilder(jvm).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertEquals(0, p.waitFor(), "exit code of " + jvm);
        assertEquals("", new String(out, java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void aBareJavaJarImportOfAFolderRunsAgainWithTheSerialCollectorAndAnImportOfFilesDoesNot(
            @org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path folder = java.nio.file.Files.createDirectory(tmp.resolve("phone-extraction"));
        Path file = java.nio.file.Files.write(tmp.resolve("disk.E01"), new byte[] {1});
        String caseDir = tmp.resolve("FIR-1").toString();
        String[] args = {"import", caseDir, file.toString(), folder.toString(), "--note", "seized"};
        String[] line = new String[args.length + 3];
        line[0] = "-Xmx256m";
        line[1] = "-jar";
        line[2] = "/opt/sakshi.jar";
        System.arraycopy(args, 0, line, 3, args.length);
        List<String> cmd = relaunch(args, line, Map.of(), null, null).orElseThrow();
        assertTrue(cmd.get(1).startsWith("-XX:SharedArchiveFile=" + PROFILE.resolve("cds").resolve("sakshi-import-")),
                cmd.get(1));
        assertEquals(List.of(line), cmd.subList(cmd.size() - line.length, cmd.size()), "options and arguments kept");
        assertEquals(ClassDataRelaunch.FOLDER_IMPORT, cmd.subList(cmd.size() - line.length - ClassDataRelaunch.FOLDER_IMPORT.size(),
                cmd.size() - line.length), "the serial collector, before the user's own options (which win)");
        assertTrue(ClassDataRelaunch.relaunches(args));

        String[] files = {"import", caseDir, file.toString(), "--source", "seized at the station"};
        assertTrue(!ClassDataRelaunch.relaunches(files), "an import of files keeps its first JVM");
        String[] fileLine = {"-jar", "/opt/sakshi.jar", "import", caseDir, file.toString(), "--source", "seized at the station"};
        assertTrue(relaunch(files, fileLine, Map.of(), null, null).isEmpty(), "an import of files keeps its first JVM");
        assertTrue(!ClassDataRelaunch.relaunches(new String[] {"import", folder.toString()}),
                "the case folder alone is not an import of a folder");
        assertTrue(!ClassDataRelaunch.relaunches(new String[] {"import", caseDir, tmp.resolve("gone").toString(), "\u0000"}),
                "a missing path or one that is not a path");
        assertTrue(relaunch(args, line, Map.of("SAKSHI_RELAUNCH", "0"), null, null).isEmpty(), "SAKSHI_RELAUNCH=0");
    }

    @Test
    void aBareJavaJarCustodyVerifyRunsAgainWithTheSerialCollectorAndPrintingTheLedgerDoesNot() {
        String[] verify = {"custody", "verify", "/cases/FIR-1", "--trust-key", "ab12"};
        String[] line = {"-Xmx256m", "-jar", "/opt/sakshi.jar", "custody", "verify", "/cases/FIR-1", "--trust-key", "ab12"};
        List<String> cmd = relaunch(verify, line, Map.of(), null, null).orElseThrow();
        assertTrue(cmd.get(1).startsWith("-XX:SharedArchiveFile=" + PROFILE.resolve("cds").resolve("sakshi-custody-")),
                cmd.get(1));
        assertEquals(List.of(line), cmd.subList(cmd.size() - line.length, cmd.size()), "options and arguments kept");
        assertEquals(ClassDataRelaunch.CUSTODY_VERIFY, cmd.subList(cmd.size() - line.length
                - ClassDataRelaunch.CUSTODY_VERIFY.size(), cmd.size() - line.length), "before the user's own options");
        for (String[] print : List.of(new String[] {"custody", "/cases/FIR-1", "--csv"},
                new String[] {"custody", "/cases/FIR-1", "verify"}, new String[] {"custody"})) {
            assertTrue(!ClassDataRelaunch.relaunches(print), String.join(" ", print));
        }
    }

    @Test
    void aRebuiltJarGetsAnArchiveOfItsOwnBecauseTheJvmNeverRewritesOneWhoseJarChanged(@org.junit.jupiter.api.io.TempDir Path tmp)
            throws Exception {
        Path jar = tmp.resolve("sakshi.jar");
        java.nio.file.Files.write(jar, new byte[] {1, 2, 3});
        String[] line = {"-jar", jar.toString()};
        String before = relaunch(new String[0], line, Map.of(), null, null).orElseThrow().get(1);
        assertEquals(before, relaunch(new String[0], line, Map.of(), null, null).orElseThrow().get(1));
        java.nio.file.Files.write(jar, new byte[] {1, 2, 3, 4});
        String after = relaunch(new String[0], line, Map.of(), null, null).orElseThrow().get(1);
        assertTrue(!before.equals(after), before + " " + after);
    }

    @Test
    void commandsTheSecondJvmAndStartsThatBringTheirOwnArchiveAreNeverRelaunched() {
        String[] jar = {"-jar", "/opt/sakshi.jar"};
        assertTrue(relaunch(new String[] {"items", "/c"}, new String[] {"-jar", "/opt/sakshi.jar", "items", "/c"},
                Map.of(), null, null).isEmpty(), "a command");
        assertTrue(relaunch(new String[0], jar, Map.of(), null, "true").isEmpty(), "the relaunched JVM itself");
        assertTrue(relaunch(new String[0], new String[] {"-XX:SharedArchiveFile=/x.jsa", "-jar", "/opt/sakshi.jar"},
                Map.of(), null, null).isEmpty(), "the launcher's archive");
        assertTrue(relaunch(new String[0], new String[] {"-XX:AOTCache=/x.aot", "-jar", "/opt/sakshi.jar"},
                Map.of(), null, null).isEmpty(), "an AOT cache");
        assertTrue(relaunch(new String[0], jar, Map.of("JDK_JAVA_OPTIONS", "-XX:SharedArchiveFile=/x.jsa"), null, null)
                .isEmpty(), "an archive from the environment");
        assertTrue(relaunch(new String[0], jar, Map.of(), "false", null).isEmpty(), "-Dsakshi.relaunch=false");
        assertTrue(relaunch(new String[0], jar, Map.of("SAKSHI_RELAUNCH", "0"), null, null).isEmpty(), "SAKSHI_RELAUNCH=0");
        assertTrue(relaunch(new String[0], new String[] {"-cp", "/opt/sakshi.jar", "org.sakshi.app.Main"},
                Map.of(), null, null).isEmpty(), "not java -jar");
        assertTrue(relaunch(new String[0], new String[] {"@/tmp/options", "-jar", "/opt/sakshi.jar"},
                Map.of(), null, null).isEmpty(), "options in a file");
        assertTrue(relaunch(new String[] {"gui"}, jar, Map.of(), null, null).isEmpty(), "arguments that do not match");
        assertTrue(ClassDataRelaunch.command(new String[0], Optional.empty(), Optional.of(jar), Map.of(), null, null,
                PROFILE, 21).isEmpty(), "a JVM that cannot tell its own command line");
    }

    @Test
    void onJdk25TheWindowRecordsAnAotCacheOnceThenUsesItWhileVerifyKeepsItsDynamicArchive(@org.junit.jupiter.api.io.TempDir Path tmp)
            throws Exception {
        String[] line = {"-Xmx1g", "-jar", "/opt/sakshi.jar"};
        List<String> first = ClassDataRelaunch.command(new String[0], JAVA, Optional.of(line), Map.of(), null, null, tmp, 25)
                .orElseThrow();
        assertTrue(first.get(1).startsWith("-XX:AOTCacheOutput=" + tmp.resolve("cds").resolve("sakshi-gui-")), first.get(1));
        assertTrue(first.get(1).endsWith(".aot"), first.get(1));
        assertEquals("-XX:AOTMode=record", first.get(2));
        assertTrue(first.contains("-Xlog:all=warning,cds=off,cds+dynamic=off,aot=off:stderr"), first.toString());
        assertEquals(List.of(line), first.subList(first.size() - line.length, first.size()));
        Path cache = Path.of(first.get(1).substring("-XX:AOTCacheOutput=".length()));
        java.nio.file.Files.createDirectories(cache.getParent());
        java.nio.file.Files.writeString(cache, "written when the first window closed");
        List<String> next = ClassDataRelaunch.command(new String[0], JAVA, Optional.of(line), Map.of(), null, null, tmp, 25)
                .orElseThrow();
        assertEquals(List.of("-XX:AOTCache=" + cache, "-XX:AOTMode=auto"), next.subList(1, 3));
        List<String> verify = ClassDataRelaunch.command(new String[] {"verify", "b.zip"}, JAVA,
                Optional.of(new String[] {"-jar", "/opt/sakshi.jar", "verify", "b.zip"}), Map.of(), null, null, tmp, 25).orElseThrow();
        assertTrue(verify.get(1).startsWith("-XX:SharedArchiveFile="), "verify prints on stdout: no recording there " + verify);
        List<String> jdk21 = ClassDataRelaunch.command(new String[0], JAVA, Optional.of(line), Map.of(), null, null, tmp, 21)
                .orElseThrow();
        assertTrue(jdk21.get(1).startsWith("-XX:SharedArchiveFile=") && jdk21.contains("-XX:+AutoCreateSharedArchive"), jdk21.toString());
        assertTrue(jdk21.stream().noneMatch(a -> a.contains("aot")), "a JDK 21 refuses the aot log tag: " + jdk21);
    }

    @Test
    void oldArchivesOfTheSameKindAreRemovedAndTheOneInUseAndOtherKindsKept(@org.junit.jupiter.api.io.TempDir Path cds) throws Exception {
        for (String n : new String[] {"sakshi-gui-aaa.jsa", "sakshi-gui-bbb.aot", "sakshi-gui-ccc.aot", "sakshi-verify-aaa.jsa",
                "notes.txt"}) {
            java.nio.file.Files.writeString(cds.resolve(n), n);
        }
        ClassDataRelaunch.removeOldArchives(cds, "-XX:AOTCache=" + cds.resolve("sakshi-gui-ccc.aot"));
        try (var s = java.nio.file.Files.list(cds)) {
            assertEquals(List.of("notes.txt", "sakshi-gui-ccc.aot", "sakshi-verify-aaa.jsa"),
                    s.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }
}
