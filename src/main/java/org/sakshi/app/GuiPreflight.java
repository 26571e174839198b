package org.sakshi.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Decides, before JavaFX starts, whether the window can open on this machine, and turns a JavaFX
 * toolkit failure into one {@code error:} line (exit 2) instead of a stack trace. On Linux the window
 * needs a display ({@code DISPLAY} or {@code WAYLAND_DISPLAY}) and GTK 3 ({@code libgtk-3.so.0}); the
 * command line needs neither. Pure logic over an {@link Host} so it is tested without a screen.
 */
public final class GuiPreflight {
    /** The GTK 3 library JavaFX's Linux backend loads. */
    static final String GTK3 = "libgtk-3.so.0";
    static final String INSTALL = "Debian/Ubuntu: sudo apt install libgtk-3-0; Fedora: sudo dnf install gtk3";
    static final String CLI_WORKS = "the command line works without it: sakshi --help";

    /** Whether a library can be found the way the dynamic loader would. */
    public enum Library { PRESENT, ABSENT, UNKNOWN }

    /**
     * What the check looks at. {@code glassPlatform} is the {@code glass.platform} system property
     * (set to Monocle by headless runs, which need neither display nor GTK).
     */
    public record Host(String osName, Map<String, String> env, String glassPlatform, Library gtk3) {
    }

    private GuiPreflight() {
    }

    /** This machine (the GTK probe runs only on Linux). */
    public static Host thisHost() {
        String os = System.getProperty("os.name", "");
        Map<String, String> env = System.getenv();
        Library gtk = isLinux(os) ? probeLinuxLibrary(GTK3, env.get("LD_LIBRARY_PATH"), Path.of("/")) : Library.UNKNOWN;
        return new Host(os, env, System.getProperty("glass.platform"), gtk);
    }

    /** The {@code error:} line when the window cannot open on {@code host}, else empty. */
    public static Optional<String> problem(Host host) {
        if (!isLinux(host.osName()) || (host.glassPlatform() != null && !host.glassPlatform().isBlank())) {
            return Optional.empty();
        }
        if (blank(host.env().get("DISPLAY")) && blank(host.env().get("WAYLAND_DISPLAY"))) {
            return Optional.of("error: no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is set);"
                    + " start Sakshi from a desktop session (it also needs GTK 3, " + INSTALL + "), or use the"
                    + " command line, which needs no display: sakshi --help");
        }
        if (host.gtk3() == Library.ABSENT) {
            return Optional.of("error: the window needs GTK 3, which is not installed (" + GTK3 + " not found); install"
                    + " it (" + INSTALL + ") and start again; " + CLI_WORKS);
        }
        return Optional.empty();
    }

    /**
     * The {@code error:} line for a failure thrown by the JavaFX launch, when it is the toolkit that
     * could not start (no display, no GTK, no graphics pipeline); empty for anything else (a bug in
     * the application's own start-up, which is reported as it is).
     */
    public static Optional<String> toolkitFailure(Throwable t) {
        boolean toolkit = false;
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            String m = c.getMessage() == null ? "" : c.getMessage();
            if (m.contains("Exception in Application start method") || m.contains("Exception in Application init method")) {
                return Optional.empty();
            }
            if (c instanceof UnsatisfiedLinkError || m.contains("DISPLAY") || m.contains("toolkit")
                    || m.contains("QuantumRenderer")) {
                toolkit = true;
            }
            for (StackTraceElement e : c.getStackTrace()) {
                String cls = e.getClassName();
                if (cls.startsWith("com.sun.glass.") || cls.startsWith("com.sun.prism.")
                        || cls.startsWith("com.sun.javafx.tk.quantum.") || e.getMethodName().equals("startToolkit")) {
                    toolkit = true;
                }
            }
        }
        if (!toolkit) {
            return Optional.empty();
        }
        String reason = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip();
        return Optional.of("error: the window could not start (" + reason.replaceAll("\\s+", " ") + "); it needs a"
                + " display and GTK 3 (" + INSTALL + "); " + CLI_WORKS);
    }

    /**
     * Looks for {@code lib} as the Linux dynamic loader would: {@code LD_LIBRARY_PATH}, the loader
     * cache {@code /etc/ld.so.cache}, then the default folders. ABSENT only when the cache exists
     * (so the answer can be trusted); UNKNOWN on systems without one (JavaFX then tries and any
     * failure is reported by {@link #toolkitFailure}).
     */
    static Library probeLinuxLibrary(String lib, String ldLibraryPath, Path root) {
        List<Path> dirs = new ArrayList<>();
        if (ldLibraryPath != null) {
            for (String d : ldLibraryPath.split(":")) {
                if (!d.isBlank() && d.startsWith("/")) {
                    dirs.add(root.resolve(d.substring(1)));
                }
            }
        }
        for (String d : List.of("lib", "usr/lib", "lib64", "usr/lib64", "usr/local/lib", "lib/x86_64-linux-gnu",
                "usr/lib/x86_64-linux-gnu", "lib/aarch64-linux-gnu", "usr/lib/aarch64-linux-gnu")) {
            dirs.add(root.resolve(d));
        }
        for (Path d : dirs) {
            if (Files.exists(d.resolve(lib))) {
                return Library.PRESENT;
            }
        }
        Path cache = root.resolve("etc/ld.so.cache");
        if (!Files.isRegularFile(cache)) {
            return Library.UNKNOWN;
        }
        try {
            // the cache stores each library name as a NUL-terminated string
            String text = new String(Files.readAllBytes(cache), StandardCharsets.ISO_8859_1);
            return text.contains(lib + "\0") ? Library.PRESENT : Library.ABSENT;
        } catch (IOException e) {
            return Library.UNKNOWN;
        }
    }

    private static boolean isLinux(String os) {
        return os != null && os.toLowerCase(Locale.ROOT).startsWith("linux");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
