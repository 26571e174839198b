import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Build step (run by exec-maven-plugin with the JDK the toolchains plugin selected, as a single-file
 * source program): writes {@code target/sakshi} (POSIX shell) and {@code target/sakshi.cmd} (Windows)
 * that start the shaded jar on this same JDK, so the README's start command works whatever JDK runs
 * Maven. Also writes {@code target/java-home}, read by the installer scripts for jpackage, and puts
 * JavaFX's native libraries beside the jar (see {@link #nativesBesideJar}).
 * Usage: java -cp TARGET_DIR/classes WriteLaunchers.java TARGET_DIR JAR_NAME
 */
public final class WriteLaunchers {
    /**
     * No {@code --enable-native-access} here: the jar's manifest ({@code Enable-Native-Access: ALL-UNNAMED})
     * grants it to a {@code -jar} start, while the option on the command line makes the JVM drop the
     * module graph archived in the JDK's class-data archive ("mismatched values for property
     * jdk.module.enable.native.access") and build it again at every start (about 0.2 s of CPU).
     */
    private static final String JVM_OPTIONS = "-Xss2m";
    /**
     * Commands that print or record a little and exit: only the first JIT compiler (C1). In a run of
     * under a second the optimising compiler's threads cost about 0.2-0.3 s of CPU (a fifth of
     * {@code sakshi items}) for code that never runs long enough to gain from it. Heavy commands
     * (import, export, verify, custody verify) keep both compilers: their digests need C2's intrinsics.
     */
    static final String QUICK_COMMANDS = "items show note transfer help -h --help -V --version";
    private static final String QUICK_JIT = "-XX:TieredStopAtLevel=1";
    /**
     * Class data sharing for the application's classes (JDK 19+): the first run writes
     * {@code sakshi-gui.jsa} (the window) or {@code sakshi-cli.jsa} (the commands) beside the jar when it exits, later runs map the classes from it instead of
     * loading and verifying them again (a faster start); a rebuilt jar makes the JVM write it anew.
     * JVM warnings go to stderr (never into a command's output) and CDS's own notices are off.
     */
    private static final String LOG_OPTIONS = "-Xlog:disable -Xlog:all=warning,cds=off,cds+dynamic=off:stderr";
    private static final String CDS_OPTIONS = "-XX:+AutoCreateSharedArchive " + LOG_OPTIONS;
    /** JDK 24+ knows the {@code aot} log tag (a JDK 21 refuses to start on an unknown one). */
    private static final String LOG_OPTIONS_AOT = "-Xlog:disable -Xlog:all=warning,cds=off,cds+dynamic=off,aot=off:stderr";
    /**
     * JDK 25+ (POSIX launcher): the window starts from an AOT cache (JEP 483, 514) instead of the
     * dynamic archive: its classes are loaded and linked ahead of time, not only parsed, about 15% less
     * CPU to the window (docs/performance.md). The first start records and, when the window closes,
     * writes {@code sakshi-gui.aot} beside the jar (the JVM prints a few lines about it and needs a few
     * seconds); it is written again when it is older than the jar or the JDK's modules (a JVM never
     * rewrites a cache it cannot use). A folder this user cannot write keeps the dynamic archive.
     * Recording prints on stdout, so a command never records one on a user's run: the quick commands
     * start from {@code sakshi-quick.aot}, which the build records itself ({@link #trainQuick}; items
     * 0.35-0.40 s against 0.39-0.46 s with the dynamic archive, session 10); the other commands keep
     * their dynamic archives.
     */
    private static final String AOT_WINDOW = "# JDK 25+: the window from an AOT cache (classes loaded and linked ahead of time); the first\n"
            + "# start records it and writes it when the window closes, again when the jar or the JDK is newer\n"
            + "jdk=JDK_HOME\n"
            + "if [ \"$cds\" = gui ] && [ -w \"$dir\" ]; then\n"
            + "  if [ \"$dir/sakshi-gui.aot\" -nt \"$dir/sakshi.jar\" ] && [ \"$dir/sakshi-gui.aot\" -nt \"$jdk/lib/modules\" ]; then\n"
            + "    a1=\"-XX:AOTCache=$dir/sakshi-gui.aot\"; a2=-XX:AOTMode=auto\n"
            + "  elif window_opens; then\n"
            + "    a1=\"-XX:AOTCacheOutput=$dir/sakshi-gui.aot\"; a2=-XX:AOTMode=record\n"
            + "  else\n"
            + "    a1=-Xshare:auto; a2=\n"
            + "  fi\n"
            + "fi\n"
            + "# and the quick commands from the AOT cache the build recorded (sakshi-quick.aot: items on a\n"
            + "# throw-away sample case, SAKSHI_AOT_TRAIN); recording prints on stdout, so no user's run records it\n"
            + "if [ -n \"$quick\" ] && [ -n \"${SAKSHI_AOT_TRAIN:-}\" ]; then\n"
            + "  a1=\"-XX:AOTCacheOutput=$SAKSHI_AOT_TRAIN\"; a2=-XX:AOTMode=record\n"
            + "elif [ -n \"$quick\" ] && [ \"${SAKSHI_AOT:-}\" != 0 ] && [ \"$dir/sakshi-quick.aot\" -nt \"$dir/sakshi.jar\" ]"
            + " && [ \"$dir/sakshi-quick.aot\" -nt \"$jdk/lib/modules\" ]; then\n"
            + "  a1=\"-XX:AOTCache=$dir/sakshi-quick.aot\"; a2=-XX:AOTMode=auto\n"
            + "fi\n";

    /**
     * Whether the window can open here, as {@code org.sakshi.app.GuiPreflight} decides it: on Linux a
     * display, and GTK 3 where the dynamic loader finds it (a folder of {@code LD_LIBRARY_PATH}, or the
     * loader's cache; yes when there is no cache to ask); elsewhere (macOS) yes. Asked only before recording a window's cache or
     * archive: a start that cannot open prints why and exits 2, and the JVM would still write what it
     * recorded, none of the window's classes, for every later start to use until the jar changed.
     */
    static final String WINDOW_OPENS = "window_opens() {\n"
            + "  [ \"$(uname -s)\" = Linux ] || return 0 # elsewhere (macOS) neither check applies\n"
            + "  [ -n \"${DISPLAY:-}${WAYLAND_DISPLAY:-}\" ] || return 1\n"
            + "  [ -r /etc/ld.so.cache ] || return 0\n"
            + "  grep -q libgtk-3.so.0 /etc/ld.so.cache && return 0\n"
            + "  o=$IFS; IFS=:\n"
            + "  for d in ${LD_LIBRARY_PATH:-}; do\n"
            + "    if [ -n \"$d\" ] && [ -e \"$d/libgtk-3.so.0\" ]; then IFS=$o; return 0; fi\n"
            + "  done\n"
            + "  IFS=$o; return 1\n"
            + "}\n";

    /**
     * The JIT options a bare {@code java -jar} relaunch gives {@code verify} and {@code export}
     * ({@code org.sakshi.app.ClassDataRelaunch.VERIFY_JIT} and {@code EXPORT_JIT}), read from the classes
     * this build compiled (the build runs this program with {@code -cp target/classes}), so that the
     * launcher and the relaunch never disagree. Each is one word without blanks or quotes; several hold
     * {@code *}, which the launcher keeps from the shell's file name expansion ({@code set -f}).
     */
    static java.util.List<String> relaunchJit(String field) {
        try {
            Class<?> c = Class.forName("org.sakshi.app.ClassDataRelaunch");
            java.lang.reflect.Field f = c.getDeclaredField(field);
            f.setAccessible(true);
            java.util.List<String> options = new java.util.ArrayList<>();
            for (Object o : (java.util.List<?>) f.get(null)) {
                String option = (String) o;
                if (!option.matches("-XX:[A-Za-z0-9_=.,:*+-]+")) {
                    throw new IllegalStateException("the JIT option " + option + " cannot go into a launcher unquoted");
                }
                options.add(option);
            }
            return options;
        } catch (ReflectiveOperationException e) {
            System.err.println("error: the launchers need the compiled org.sakshi.app.ClassDataRelaunch (" + e
                    + "); run this with -cp target/classes after the compile phase.");
            System.exit(2);
            return null;
        }
    }

    public static void main(String[] args) throws IOException {
        if (Runtime.version().feature() < 21) {
            System.err.println("error: the launchers must run on JDK 21 or newer but this is "
                    + Runtime.version() + "; install a JDK 21+ (e.g. Temurin 21) where Maven can find it.");
            System.exit(2);
        }
        Path target = Path.of(args[0]);
        String jar = args[1];
        Path home = Path.of(System.getProperty("java.home")).toAbsolutePath();
        Files.createDirectories(target);

        String java = home.resolve("bin").resolve("java").toString();
        boolean aot = Runtime.version().feature() >= 25; // -XX:AOTCacheOutput (JEP 514) came with JDK 25
        String sh = "#!/bin/sh\n"
                + "# Written by the build (src/build/WriteLaunchers.java): runs Sakshi on the JDK the build found.\n"
                + "java=" + shQuote(java) + "\n"
                + "if [ ! -x \"$java\" ]; then\n"
                + "  echo \"error: $java (the JDK 21+ this build used) is gone; build again with"
                + " 'mvn -q -DskipTests package' to find another.\" >&2\n"
                + "  exit 2\n"
                + "fi\n"
                + "dir=$(dirname \"$0\")\n"
                + "# the window and the commands load different classes: one class-data archive each;\n"
                + "# the commands use the serial collector (no concurrent GC threads and structures:\n"
                + "# 230 instead of 360 MiB peak for a folder of 100,000 files at -Xmx256m)\n"
                + "# quick commands (" + QUICK_COMMANDS + ") use only the first JIT compiler\n"
                + "# verify and export: an archive each and the JIT thresholds a bare java -jar relaunch gives\n"
                + "# them (org.sakshi.app.ClassDataRelaunch: code that runs once is interpreted, not compiled)\n"
                + "quick=\n"
                + "case \"${1:-gui}\" in\n"
                + "  gui) cds=gui; gc= ;;\n"
                + "  " + String.join("|", QUICK_COMMANDS.split(" ")) + ") cds=cli; quick=1; gc=\"-XX:+UseSerialGC " + QUICK_JIT + "\" ;;\n"
                + "  verify) cds=verify; gc=\"-XX:+UseSerialGC " + String.join(" ", relaunchJit("VERIFY_JIT")) + "\" ;;\n"
                + "  export) cds=export; gc=\"-XX:+UseSerialGC " + String.join(" ", relaunchJit("EXPORT_JIT")) + "\" ;;\n"
                + "  *) cds=cli; gc=-XX:+UseSerialGC ;;\n"
                + "esac\n"
                + "set -f # $gc holds * (CompileCommand patterns): no file name expansion\n"
                + WINDOW_OPENS
                + "a1=\"-XX:SharedArchiveFile=$dir/sakshi-$cds.jsa\"; a2=-XX:+AutoCreateSharedArchive\n"
                + "# a window that cannot open here records nothing: it prints why and exits 2, and what a JVM\n"
                + "# recorded of that start (none of the window's classes) would serve every later start\n"
                + "# (-Xshare:auto, the JDK's own archive only, also tells a bare java -jar relaunch not to record one);\n"
                + "# asked only when nothing usable is there, never on the way to a window that has its archive\n"
                + (aot ? "" : "if [ \"$cds\" = gui ] && [ ! -f \"$dir/sakshi-gui.jsa\" ] && ! window_opens; then a1=-Xshare:auto; a2=; fi\n")
                + (aot ? AOT_WINDOW.replace("JDK_HOME", shQuote(home.toString())).replace("sakshi.jar", jar) : "")
                + "exec \"$java\" " + JVM_OPTIONS + " $gc \"$a1\" $a2 " + (aot ? LOG_OPTIONS_AOT : LOG_OPTIONS)
                + " -jar \"$dir/" + jar + "\" \"$@\"\n";
        Path shFile = target.resolve("sakshi");
        Files.writeString(shFile, sh, StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(shFile, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            // Windows: the .cmd launcher is the one to use
        }

        String javaExe = home.resolve("bin").resolve("java.exe").toString();
        String cmd = "@echo off\r\n"
                + "rem Written by the build (src/build/WriteLaunchers.java): runs Sakshi on the JDK the build found.\r\n"
                + "if not exist \"" + javaExe + "\" (\r\n"
                + "  echo error: " + javaExe + " ^(the JDK 21+ this build used^) is gone; build again with"
                + " 'mvn -q -DskipTests package' to find another. 1>&2\r\n"
                + "  exit /b 2\r\n"
                + ")\r\n"
                + "set cds=cli\r\n"
                + "set gc=-XX:+UseSerialGC\r\n"
                + "if \"%~1\"==\"\" set cds=gui\r\n"
                + "if \"%~1\"==\"gui\" set cds=gui\r\n"
                + "if \"%cds%\"==\"gui\" set gc=\r\n"
                + quickCmd()
                + "\"" + javaExe + "\" " + JVM_OPTIONS + " %gc% -XX:SharedArchiveFile=\"%~dp0sakshi-%cds%.jsa\" " + CDS_OPTIONS
                + " -jar \"%~dp0" + jar + "\" %*\r\n";
        Files.writeString(target.resolve("sakshi.cmd"), cmd, StandardCharsets.UTF_8);
        Files.writeString(target.resolve("java-home"), home + "\n", StandardCharsets.UTF_8);
        // archives of the previous jar: the JVM stops using an archive whose jar changed ("shared class
        // paths mismatch") but does not write it again, so a rebuild without `clean` lost it for good
        Files.deleteIfExists(target.resolve("sakshi-gui.jsa"));
        Files.deleteIfExists(target.resolve("sakshi-cli.jsa"));
        Files.deleteIfExists(target.resolve("sakshi-verify.jsa"));
        Files.deleteIfExists(target.resolve("sakshi-export.jsa"));
        Files.deleteIfExists(target.resolve("sakshi-gui.aot"));
        Files.deleteIfExists(target.resolve("sakshi-quick.aot"));
        nativesBesideJar(target.resolve(jar), target);
        // (the training runs the POSIX launcher: not on Windows, whose sakshi.cmd has no AOT cache)
        if (aot && Files.isRegularFile(target.resolve(jar)) && !"false".equals(System.getProperty("sakshi.trainQuick"))
                && !System.getProperty("os.name", "").startsWith("Windows")) {
            trainQuick(target, jar, java);
        }
    }

    /**
     * Records the quick commands' AOT cache, {@code sakshi-quick.aot} beside the jar (JDK 25+): a
     * sample case in a throw-away profile, then {@code items} on it through the launcher just written
     * with {@code SAKSHI_AOT_TRAIN}, so with the options the quick commands run with. Recording prints
     * on stdout, which is why no user's run records it. A failure costs only the cache (a warning):
     * the quick commands then map their class-data archive as before. About 5 s of the build.
     */
    private static void trainQuick(Path target, String jar, String javaBin) {
        Path tmp = null;
        try {
            tmp = Files.createTempDirectory("sakshi-train-");
            String opts = "-Dsakshi.home=" + tmp.resolve("home") + " -Dsakshi.workspace=" + tmp.resolve("ws")
                    + " -Dsakshi.logdir=" + tmp.resolve("logs") + " -Duser.home=" + tmp;
            Path log = tmp.resolve("train.log");
            Path aotFile = target.resolve("sakshi-quick.aot");
            int sample = run(new ProcessBuilder(javaBin, "-jar", target.resolve(jar).toString(), "sample",
                    tmp.resolve("case").toString()), opts, null, log);
            int items = sample != 0 ? -1 : run(new ProcessBuilder("sh", target.resolve("sakshi").toString(), "items",
                    tmp.resolve("case").toString()), opts, aotFile, log);
            if (items != 0 || !Files.isRegularFile(aotFile) || Files.size(aotFile) == 0) {
                Files.deleteIfExists(aotFile);
                System.err.println("warning: no AOT cache for the quick commands (sample exited " + sample + ", items "
                        + items + "); they map their class-data archive instead");
            }
        } catch (IOException | InterruptedException e) {
            System.err.println("warning: no AOT cache for the quick commands (" + e + ")");
        } finally {
            if (tmp != null) {
                try (var walk = Files.walk(tmp)) {
                    walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                } catch (IOException e) {
                    // a temporary folder left behind
                }
            }
        }
    }

    private static int run(ProcessBuilder pb, String opts, Path train, Path log) throws IOException, InterruptedException {
        pb.environment().put("JAVA_TOOL_OPTIONS", opts);
        pb.environment().put("SAKSHI_RELAUNCH", "0");
        pb.environment().remove("DISPLAY");
        if (train != null) {
            pb.environment().put("SAKSHI_AOT_TRAIN", train.toString());
        }
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Process p = pb.start();
        if (!p.waitFor(180, java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -2;
        }
        return p.exitValue();
    }

    /**
     * JavaFX's native libraries beside the jar: JavaFX loads them from the jar's own folder when they
     * are there (Linux and macOS); otherwise it unpacks each from the jar into ~/.openjfx/cache at every
     * start, after an MD5 of both copies, on the thread that starts the window. Only the jar's top
     * level holds them; they are written afresh with each jar, so they always match it.
     */
    private static void nativesBesideJar(Path jarFile, Path dir) throws IOException {
        if (!Files.isRegularFile(jarFile)) {
            return;
        }
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jarFile.toFile())) {
            for (java.util.zip.ZipEntry e : java.util.Collections.list(zip.entries())) {
                String name = e.getName();
                if (!e.isDirectory() && name.indexOf('/') < 0 && (name.endsWith(".so") || name.endsWith(".dylib"))) {
                    try (java.io.InputStream in = zip.getInputStream(e)) {
                        Files.copy(in, dir.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
    }

    /** The .cmd launcher's lines adding {@link #QUICK_JIT} for each of {@link #QUICK_COMMANDS}. */
    private static String quickCmd() {
        StringBuilder b = new StringBuilder();
        for (String c : QUICK_COMMANDS.split(" ")) {
            b.append("if \"%~1\"==\"").append(c).append("\" set gc=%gc% ").append(QUICK_JIT).append("\r\n");
        }
        return b.toString();
    }

    private static String shQuote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
