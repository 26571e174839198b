package org.sakshi.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A window, a {@code verify} (each command in {@link #RELAUNCHED}) started with a bare {@code java -jar sakshi.jar} runs again in a second
 * JVM that uses a class-data archive kept in the profile, because a jar cannot give its JVM options. The archive
 * (JDK dynamic CDS, {@code -XX:+AutoCreateSharedArchive}) is written when that JVM exits the first
 * time, and again whenever the jar or the JDK changed; from then on the classes of the window are
 * mapped from it instead of being read, parsed and verified out of the jar: about 1.4 s of CPU of a
 * 3.7 s start (docs/performance.md). The first JVM loads a handful of classes, starts the second with
 * the same JVM options and arguments, waits for it and exits with its code.
 *
 * <p>{@code verify} loads EU DSS, PDFBox and Bouncy Castle beside the payload's hashing on two cores:
 * from its own archive (one per kind, {@code sakshi-verify-*.jsa}) it needs about a third less CPU,
 * which on two cores is wall time; {@code export} likewise ({@link #EXPORT_JIT}). An {@code import} naming a folder runs with the serial collector
 * ({@link #FOLDER_IMPORT}), and so does {@code custody verify} ({@link #CUSTODY_VERIFY}). Other commands are not relaunched (and this class looks at
 * nothing else for them): most print, read stdin and exit quickly, and a second JVM would cost more
 * than it saves; a command that gains is added to {@link #RELAUNCHED}, one line. Nothing is relaunched
 * when the JVM was started otherwise (the {@code sakshi} launcher and the installed package bring their
 * own archive), when the options name an archive already, when {@code sakshi.relaunch=false} or
 * {@code SAKSHI_RELAUNCH=0} says so, or when this JVM cannot tell its own command line.
 */
final class ClassDataRelaunch {
    /** Set in the second JVM, so that it never relaunches itself. */
    static final String MARK = "sakshi.relaunched";

    /**
     * JIT thresholds of the relaunched verify: the first compiler (C1) waits for ten times the usual
     * number of calls and loops, the optimising compiler (C2) for thirty times, except on the payload's hash
     * path (the JDK's SHA-256 and CRC-32, {@code MessageDigest}, NIO reads, {@code SafeZip}), which reaches C2
     * and its SHA intrinsic at the usual counts. A verify runs DSS, PDFBox and Bouncy Castle code once or a
     * few times: compiling it cost more CPU than interpreting it (C1 about 0.6 s of 6.5 s on two cores in
     * session 6; C2 0.8-1.2 s of about 5 s in session 7, 0.2-0.3 s with these thresholds).
     * {@code quiet} keeps the JVM from printing the per-method commands on stdout. Options given by the
     * user come later on the command line and win.
     */
    static final List<String> VERIFY_JIT = List.of("-XX:Tier3InvocationThreshold=2000",
            "-XX:Tier3MinInvocationThreshold=1000", "-XX:Tier3CompileThreshold=20000",
            "-XX:Tier3BackEdgeThreshold=600000",
            "-XX:Tier4InvocationThreshold=150000", "-XX:Tier4MinInvocationThreshold=18000",
            "-XX:Tier4CompileThreshold=450000", "-XX:Tier4BackEdgeThreshold=1200000",
            "-XX:CompileCommand=quiet",
            "-XX:CompileCommand=CompileThresholdScaling,sun.security.provider.*::*,0.033",
            "-XX:CompileCommand=CompileThresholdScaling,java.security.MessageDigest*::*,0.033",
            "-XX:CompileCommand=CompileThresholdScaling,java.util.zip.CRC32::*,0.033",
            "-XX:CompileCommand=CompileThresholdScaling,java.nio.*::*,0.033",
            "-XX:CompileCommand=CompileThresholdScaling,sun.nio.ch.*::*,0.033",
            "-XX:CompileCommand=CompileThresholdScaling,org.sakshi.bundle.SafeZip*::*,0.033");

    /**
     * JIT thresholds of the relaunched export: those of {@link #VERIFY_JIT}, and the exporter's own copy
     * loop (which hands the read-back buffers to the two SHA-256 threads) at the usual counts too. An
     * export runs the key store's key derivation, picocli, SQLite, the ledger checks, PDFBox, Bouncy Castle
     * and the re-check once, beside two SHA-256 passes over the evidence on two cores: with the class-data
     * archive, 2-2.3 s less CPU of about 11.5 (docs/performance.md, eighth round).
     */
    static final List<String> EXPORT_JIT = exportJit(); // no streams: this class loads in every first JVM

    private static List<String> exportJit() {
        List<String> jit = new ArrayList<>(VERIFY_JIT);
        jit.add("-XX:CompileCommand=CompileThresholdScaling,org.sakshi.bundle.BundleZipWriter*::*,0.033");
        return List.copyOf(jit);
    }

    /**
     * The commands a bare {@code java -jar} runs again with a class-data archive of their own
     * ({@code sakshi-COMMAND-*.jsa}), each with the JVM options it adds before the user's own (which
     * come later and win). {@code gui} is also a start without arguments. One line per command.
     */
    static final Map<String, List<String>> RELAUNCHED = new java.util.HashMap<>();

    /**
     * The collector of a relaunched folder import: G1 commits and touches the whole heap (256 MiB at
     * {@code -Xmx256m}, the initial heap being RAM/64 capped at the maximum) plus about 40 MiB of its own
     * structures although at most 100 MiB is live, 330-345 MiB of peak RSS for 100,000 small files; the
     * serial collector about 236 MiB (docs/performance.md, seventh round). The launcher uses it for every
     * command already.
     */
    static final List<String> FOLDER_IMPORT = List.of("-XX:+UseSerialGC");

    /**
     * The collector of a relaunched {@code custody verify}: its two checking threads keep both cores
     * busy, and G1's concurrent work competed with them (1,000,000 events: 0.8-1.0 s less CPU and 160
     * instead of 243 MiB with the serial collector; with the archive, 2.0-2.2 s against 2.6-2.7 s of wall
     * from the launcher, docs/performance.md, ninth round). Printing the ledger is not relaunched.
     */
    static final List<String> CUSTODY_VERIFY = List.of("-XX:+UseSerialGC");

    static {
        RELAUNCHED.put("gui", List.of());
        RELAUNCHED.put("verify", VERIFY_JIT);
        RELAUNCHED.put("export", EXPORT_JIT);
        RELAUNCHED.put("import", FOLDER_IMPORT); // only an import naming a folder, see relaunches
        RELAUNCHED.put("custody", CUSTODY_VERIFY); // only custody verify, see relaunches
    }

    /**
     * Whether a start whose first argument is in {@link #RELAUNCHED} is relaunched: always, except
     * {@code custody} (only {@code custody verify}) and an {@code import}, which is relaunched only when an argument after the case names a folder (a folder
     * import: many small files, where the serial collector keeps the peak memory under 300 MiB). An
     * import of files keeps its first JVM: its large file's copy starts at once there
     * ({@code ImportHeadStart}), and a second JVM's start would be serial time. An option's value that
     * happens to name a folder only costs a relaunch; the command and its result are the same.
     */
    static boolean relaunches(String[] args) {
        if (args.length > 0 && args[0].equals("custody")) {
            return args.length > 1 && args[1].equals("verify");
        }
        if (args.length == 0 || !args[0].equals("import")) {
            return true;
        }
        for (int k = 2; k < args.length; k++) {
            if (!args[k].startsWith("-") && !args[k].startsWith("@")) {
                try {
                    if (java.nio.file.Files.isDirectory(Path.of(args[k]))) {
                        return true;
                    }
                } catch (RuntimeException e) {
                    // not a path: picocli will say so
                }
            }
        }
        return false;
    }

    private ClassDataRelaunch() {
    }

    /**
     * The second JVM's command line, or empty when this start is not relaunched. {@code command} and
     * {@code jvmLine} are this JVM's executable and its arguments (JVM options, {@code -jar JAR},
     * program arguments), as {@link ProcessHandle.Info} reports them.
     */
    static Optional<List<String>> command(String[] args, Optional<String> command, Optional<String[]> jvmLine,
                                          Map<String, String> env, String relaunchProperty, String mark,
                                          Path profile) {
        return command(args, command, jvmLine, env, relaunchProperty, mark, profile,
                Integer.parseInt(System.getProperty("java.specification.version")));
    }

    /**
     * As above, on a JDK of feature release {@code jdk}: from JDK 25 the window uses an AOT cache
     * (JEP 483, 514: its classes loaded and linked ahead of time, about 15% less CPU to the window
     * than the dynamic archive), recorded by the first start and written when its window closes (the
     * JVM prints a few lines about it on stdout and needs a few seconds). Commands keep the dynamic
     * archive: recording prints on stdout, where their output goes.
     */
    static Optional<List<String>> command(String[] args, Optional<String> command, Optional<String[]> jvmLine,
                                          Map<String, String> env, String relaunchProperty, String mark,
                                          Path profile, int jdk) {
        String kind = kind(args);
        List<String> extra = RELAUNCHED.get(kind);
        if (extra == null || !relaunches(args) || mark != null || "false".equalsIgnoreCase(relaunchProperty) || "0".equals(env.get("SAKSHI_RELAUNCH"))
                || command.isEmpty() || jvmLine.isEmpty()) {
            return Optional.empty();
        }
        for (String v : new String[] {env.get("JAVA_TOOL_OPTIONS"), env.get("JDK_JAVA_OPTIONS")}) {
            if (v != null && namesArchive(v)) {
                return Optional.empty();
            }
        }
        String[] line = jvmLine.get();
        int jar = -1;
        for (int k = 0; k < line.length; k++) {
            if (line[k].equals("-jar")) {
                jar = k;
                break;
            }
            if (namesArchive(line[k]) || line[k].startsWith("@")) {
                return Optional.empty(); // an archive already, or options in a file this cannot see into
            }
        }
        if (jar < 0 || jar + 1 >= line.length || line.length - jar - 2 != args.length) {
            return Optional.empty(); // not started as java -jar, or a command line this cannot match
        }
        Path jarFile = Path.of(line[jar + 1]).toAbsolutePath().normalize();
        // the jar's size and time are in the name: the JVM does not rewrite an archive whose jar
        // changed (it only stops using it), so a rebuilt jar gets an archive of its own. The first JVM
        // has no archive of its own: StringBuilder instead of string concatenation (each new shape of
        // which makes the JVM generate a class) and the version property instead of Runtime.version()
        String key = Integer.toHexString(new StringBuilder().append(jarFile).append('|').append(stamp(jarFile))
                .append('|').append(command.get()).append('|').append(System.getProperty("java.runtime.version"))
                .toString().hashCode());
        boolean aot = jdk >= 25 && kind.equals("gui");
        Path archive = profile.resolve("cds").resolve(new StringBuilder("sakshi-").append(kind).append('-').append(key)
                .append(aot ? ".aot" : ".jsa").toString());
        List<String> cmd = new ArrayList<>();
        cmd.add(command.get());
        if (!aot) {
            cmd.add("-XX:SharedArchiveFile=".concat(archive.toString()));
            cmd.add("-XX:+AutoCreateSharedArchive");
        } else if (java.nio.file.Files.isRegularFile(archive)) {
            cmd.add("-XX:AOTCache=".concat(archive.toString()));
            cmd.add("-XX:AOTMode=auto");
        } else {
            cmd.add("-XX:AOTCacheOutput=".concat(archive.toString()));
            cmd.add("-XX:AOTMode=record");
        }
        cmd.add("-Xlog:disable"); // the JVM's own warnings (an archive being rewritten) go to stderr, never stdout
        cmd.add(jdk >= 25 ? "-Xlog:all=warning,cds=off,cds+dynamic=off,aot=off:stderr" // a JDK 21 knows no aot tag
                : "-Xlog:all=warning,cds=off,cds+dynamic=off:stderr");
        cmd.add("-D".concat(MARK).concat("=true"));
        cmd.addAll(extra);
        cmd.addAll(List.of(line));
        return Optional.of(cmd);
    }

    /** Size and modification time of the jar; empty when it cannot be read (the name then follows the path alone). */
    private static String stamp(Path jar) {
        try {
            return new StringBuilder().append(java.nio.file.Files.size(jar)).append('@')
                    .append(java.nio.file.Files.getLastModifiedTime(jar).toMillis()).toString();
        } catch (java.io.IOException | RuntimeException e) {
            return "";
        }
    }

    private static boolean namesArchive(String option) {
        return option.contains("SharedArchiveFile") || option.contains("AOTCache") || option.contains("AOTMode")
                || option.contains("-Xshare");
    }

    /**
     * Runs this start again in a JVM with the archive when {@link #command} says so, and then never
     * returns: this JVM only waits and exits with the second one's code (a signal that stops this JVM
     * stops the second too; stdin, stdout and stderr are the same). Returns when this JVM should do the
     * work itself: not a relaunched start, or the archive's folder cannot be made (a read-only profile),
     * or the second JVM cannot be started; the command then runs here without the archive, slower but
     * the same. Loads as few classes as it can: this JVM maps none of Sakshi's from an archive.
     */
    static void maybeRelaunch(String[] args) {
        if (args.length > 0 && (!RELAUNCHED.containsKey(args[0]) || !relaunches(args))) {
            return; // most commands: nothing more to look at
        }
        if (System.getProperty(MARK) != null) {
            return; // the second JVM (command() says so too): no need to ask for its own command line first
        }
        Optional<List<String>> cmd;
        Path cds;
        try {
            ProcessHandle.Info info = ProcessHandle.current().info();
            String home = System.getProperty("sakshi.home");
            Path profile = home != null && !home.isBlank() ? Path.of(home)
                    : Path.of(System.getProperty("user.home"), ".sakshi");
            cmd = command(args, info.command(), info.arguments(), System.getenv(), System.getProperty("sakshi.relaunch"),
                    System.getProperty(MARK), profile);
            if (cmd.isEmpty() || !archiveFolder(profile.resolve("cds"))) {
                return;
            }
            cds = profile.resolve("cds");
        } catch (RuntimeException e) {
            return;
        }
        // a window that records its cache (or archive) now: one that could not open (no display, no GTK 3;
        // it says why and exits 2) would leave a cache of that failed start, and every later window
        // would start from it, without the window's classes, until the jar changes
        Path recorded = kind(args).equals("gui") ? recording(cmd.get().get(1)) : null;
        Process child;
        try {
            child = new ProcessBuilder(cmd.get()).inheritIO().start();
        } catch (java.io.IOException | RuntimeException e) {
            return; // the command runs in this JVM, without the archive
        }
        Thread stop = new Thread(new Runnable() { // not a lambda: each one costs this JVM a generated class
            @Override
            public void run() {
                child.destroy();
                try { // a moment for it to end (and write its archive) before this JVM, which started it, is gone
                    child.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "relaunch-stop");
        Runtime.getRuntime().addShutdownHook(stop); // a parent stopped by a signal takes the child with it
        removeOldArchives(cds, cmd.get().get(1)); // while the second JVM starts
        int code;
        while (true) {
            try {
                code = child.waitFor();
                break;
            } catch (InterruptedException e) {
                // keep waiting: the second JVM decides when this ends
            }
        }
        try {
            Runtime.getRuntime().removeShutdownHook(stop);
        } catch (IllegalStateException e) {
            // already shutting down
        }
        if (code == WINDOW_CANNOT_OPEN && recorded != null) {
            try {
                java.nio.file.Files.deleteIfExists(recorded);
                java.nio.file.Files.deleteIfExists(Path.of(recorded.toString().concat(".config")));
            } catch (java.io.IOException | RuntimeException e) {
                // the next start of this jar uses the cache of the failed one: slower, the same window
            }
        }
        System.exit(code);
    }

    /** The exit code of a window that could not open ({@code Main}: no display, no GTK 3, no toolkit). */
    static final int WINDOW_CANNOT_OPEN = 2;

    private static String kind(String[] args) {
        return args.length == 0 ? "gui" : args[0];
    }

    /**
     * The archive or cache the second JVM's first option ({@code -XX:SharedArchiveFile=} or
     * {@code -XX:AOTCache...=}) names when that JVM will write it (it does not exist yet), else null.
     */
    static Path recording(String option) {
        int eq = option.indexOf('=');
        if (eq < 0 || !(option.startsWith("-XX:AOTCacheOutput=") || option.startsWith("-XX:SharedArchiveFile="))) {
            return null;
        }
        Path p = Path.of(option.substring(eq + 1));
        return java.nio.file.Files.exists(p) ? null : p;
    }

    /**
     * Makes the archives' folder, the owner's only (the JVM maps code from it); false when it cannot
     * be made so (the start then runs without an archive).
     */
    static boolean archiveFolder(Path cds) {
        try {
            org.sakshi.core.OwnerOnly.dir(cds);
            return true;
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Deletes the archives of the same kind made for earlier jars or JDKs (never used again); best
     * effort. {@code option} is the second JVM's {@code -XX:SharedArchiveFile=} or {@code -XX:AOTCache...=} option.
     */
    static void removeOldArchives(Path cds, String option) {
        String mine = option.substring(option.lastIndexOf(java.io.File.separatorChar) + 1);
        String kind = mine.substring(0, mine.lastIndexOf('-') + 1); // sakshi-gui-, sakshi-verify-, ...
        try (var files = java.nio.file.Files.newDirectoryStream(cds)) {
            for (Path p : files) {
                String name = p.getFileName().toString();
                if (name.startsWith(kind) && (name.endsWith(".jsa") || name.endsWith(".aot")) && !name.equals(mine)
                        && name.indexOf('-', kind.length()) < 0) {
                    java.nio.file.Files.deleteIfExists(p);
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // an old archive left behind costs disk space only
        }
    }
}
