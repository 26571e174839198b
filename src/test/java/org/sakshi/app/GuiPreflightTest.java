package org.sakshi.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.app.GuiPreflight.Host;
import org.sakshi.app.GuiPreflight.Library;

/** The decision whether the window can open, made without a screen. */
class GuiPreflightTest {
    @TempDir
    Path root;

    private static Host linux(Map<String, String> env, Library gtk) {
        return new Host("Linux", env, null, gtk);
    }

    @Test
    void linuxWithoutAnyDisplaySaysSoHowToInstallGtkAndThatTheCommandLineWorks() {
        String line = GuiPreflight.problem(linux(Map.of(), Library.PRESENT)).orElseThrow();
        assertTrue(line.startsWith("error: no display"), line);
        assertTrue(line.contains("DISPLAY") && line.contains("WAYLAND_DISPLAY"), line);
        assertTrue(line.contains("apt install libgtk-3-0") && line.contains("dnf install gtk3"), line);
        assertTrue(line.endsWith("sakshi --help"), line);
        assertEquals(1, line.lines().count());
    }

    @Test
    void linuxWithADisplayButNoGtk3NamesTheLibraryAndBothInstallCommands() {
        String line = GuiPreflight.problem(linux(Map.of("DISPLAY", ":0"), Library.ABSENT)).orElseThrow();
        assertTrue(line.startsWith("error: the window needs GTK 3"), line);
        assertTrue(line.contains("libgtk-3.so.0"), line);
        assertTrue(line.contains("Debian/Ubuntu: sudo apt install libgtk-3-0"), line);
        assertTrue(line.contains("Fedora: sudo dnf install gtk3"), line);
        assertTrue(line.contains("the command line works without it: sakshi --help"), line);
    }

    @Test
    void aWaylandSessionWithGtk3OrAnUnknownAnswerLetsTheWindowStart() {
        assertEquals(Optional.empty(), GuiPreflight.problem(linux(Map.of("WAYLAND_DISPLAY", "wayland-0"), Library.PRESENT)));
        assertEquals(Optional.empty(), GuiPreflight.problem(linux(Map.of("DISPLAY", ":1"), Library.UNKNOWN)));
    }

    @Test
    void windowsMacAndHeadlessMonocleRunsAreNotChecked() {
        assertEquals(Optional.empty(), GuiPreflight.problem(new Host("Windows 11", Map.of(), null, Library.UNKNOWN)));
        assertEquals(Optional.empty(), GuiPreflight.problem(new Host("Mac OS X", Map.of(), null, Library.UNKNOWN)));
        assertEquals(Optional.empty(), GuiPreflight.problem(new Host("Linux", Map.of(), "Monocle", Library.ABSENT)));
    }

    @Test
    void theProbeFindsGtkInTheLoaderCacheOrALibraryFolderAndOtherwiseSaysAbsent() throws Exception {
        Files.createDirectories(root.resolve("etc"));
        Path cache = root.resolve("etc/ld.so.cache");
        Files.write(cache, "glibc-ld.so.cache1.1\0libc.so.6\0/lib/x86_64-linux-gnu/libc.so.6\0".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(Library.ABSENT, GuiPreflight.probeLinuxLibrary("libgtk-3.so.0", null, root));

        Files.write(cache, "x\0libgtk-3.so.0\0/usr/lib/x86_64-linux-gnu/libgtk-3.so.0\0".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(Library.PRESENT, GuiPreflight.probeLinuxLibrary("libgtk-3.so.0", null, root));

        Files.write(cache, "x\0libc.so.6\0".getBytes(StandardCharsets.ISO_8859_1));
        Path custom = Files.createDirectories(root.resolve("opt/gtk/lib"));
        Files.writeString(custom.resolve("libgtk-3.so.0"), "not really a library");
        assertEquals(Library.PRESENT, GuiPreflight.probeLinuxLibrary("libgtk-3.so.0", "/opt/gtk/lib", root));
        assertEquals(Library.ABSENT, GuiPreflight.probeLinuxLibrary("libgtk-3.so.0", "/elsewhere", root));
    }

    @Test
    void withoutALoaderCacheTheProbeDoesNotGuess() {
        assertEquals(Library.UNKNOWN, GuiPreflight.probeLinuxLibrary("libgtk-3.so.0", null, root));
    }

    @Test
    void aToolkitThatCannotStartBecomesOneErrorLine() {
        UnsupportedOperationException e = new UnsupportedOperationException("Unable to open DISPLAY");
        e.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("com.sun.glass.ui.gtk.GtkApplication", "<init>", "GtkApplication.java", 164)});
        String line = GuiPreflight.toolkitFailure(e).orElseThrow();
        assertEquals("error: the window could not start (Unable to open DISPLAY); it needs a display and GTK 3"
                + " (Debian/Ubuntu: sudo apt install libgtk-3-0; Fedora: sudo dnf install gtk3); the command line"
                + " works without it: sakshi --help", line);

        RuntimeException pipeline = new RuntimeException("No toolkit found");
        assertTrue(GuiPreflight.toolkitFailure(pipeline).isPresent());
        assertTrue(GuiPreflight.toolkitFailure(new UnsatisfiedLinkError("libgtk-3.so.0: cannot open shared object file"))
                .isPresent());
    }

    @Test
    void aFailureInTheApplicationsOwnStartIsNotBlamedOnTheToolkit() {
        RuntimeException e = new RuntimeException("Exception in Application start method",
                new IllegalStateException("settings file is corrupt"));
        assertEquals(Optional.empty(), GuiPreflight.toolkitFailure(e));
        assertEquals(Optional.empty(), GuiPreflight.toolkitFailure(new IllegalStateException("a bug")));
    }
}
