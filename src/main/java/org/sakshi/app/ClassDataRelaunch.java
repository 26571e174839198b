package org.sakshi.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A window or a {@code verify} started with a bare {@code java -jar sakshi.jar} runs again in a second
 * JVM that uses a class-data archive kept in the profile, because a jar cannot give its JVM options. The archive
 * (JDK dynamic CDS, {@code -XX:+AutoCreateSharedArchive}) is written when that JVM exits the first
 * time, and again whenever the jar or the JDK changed; from then on the classes of the window are
 * mapped from it instead of being read, parsed and verified out of the jar: about 1.4 s of CPU of a
 * 3.7 s start (docs/performance.md). The first JVM loads a handful of classes, starts the second with
 * the same JVM options and arguments, waits for it and exits with its code.
 *
 * <p>{@code verify} loads EU DSS, PDFBox and Bouncy Castle beside the payload's hashing on two cores:
 * from its own archive (one per kind, {@code sakshi-verify-*.jsa}) it needs about a third less CPU,
 * which on two cores is wall time. Other commands are not relaunched: they print, read stdin and
 * exit quickly, and a second JVM would cost more than it saves. Nothing is relaunched
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
        boolean window = args.length == 0 || args[0].equals("gui");
        boolean verify = args.length > 0 && args[0].equals("verify");
        if (!(window || verify) || mark != null || "false".equalsIgnoreCase(relaunchProperty) || "0".equals(env.get("SAKSHI_RELAUNCH"))
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
        // changed (it only stops using it), so a rebuilt jar gets an archive of its own
        String key = Integer.toHexString((jarFile + "|" + stamp(jarFile) + "|" + command.get() + "|"
                + Runtime.version()).hashCode());
        Path archive = profile.resolve("cds").resolve("sakshi-" + (window ? "gui" : "verify") + "-" + key + ".jsa");
        List<String> cmd = new ArrayList<>();
        cmd.add(command.get());
        cmd.add("-XX:SharedArchiveFile=" + archive);
        cmd.add("-XX:+AutoCreateSharedArchive");
        cmd.add("-Xlog:disable"); // the JVM's own warnings (an archive being rewritten) go to stderr, never stdout
        cmd.add("-Xlog:all=warning,cds=off,cds+dynamic=off:stderr");
        cmd.add("-D" + MARK + "=true");
        if (verify) {
            cmd.addAll(VERIFY_JIT);
        }
        cmd.addAll(List.of(line));
        return Optional.of(cmd);
    }

    /** Size and modification time of the jar; empty when it cannot be read (the name then follows the path alone). */
    private static String stamp(Path jar) {
        try {
            return java.nio.file.Files.size(jar) + "@" + java.nio.file.Files.getLastModifiedTime(jar).toMillis();
        } catch (java.io.IOException | RuntimeException e) {
            return "";
        }
    }

    private static boolean namesArchive(String option) {
        return option.contains("SharedArchiveFile") || option.contains("AOTCache") || option.contains("AOTMode")
                || option.contains("-Xshare");
    }

    /**
     * Relaunches the window (or verify) in a JVM with the archive when {@link #command} says so, and then never
     * returns (exits with the second JVM's code); returns when this JVM should open the window itself
     * (also when the second JVM cannot be started).
     */
    static void maybeRelaunch(String[] args) {
        Optional<List<String>> cmd;
        try {
            ProcessHandle.Info info = ProcessHandle.current().info();
            String home = System.getProperty("sakshi.home");
            Path profile = home != null && !home.isBlank() ? Path.of(home)
                    : Path.of(System.getProperty("user.home"), ".sakshi");
            cmd = command(args, info.command(), info.arguments(), System.getenv(), System.getProperty("sakshi.relaunch"),
                    System.getProperty(MARK), profile);
            if (cmd.isEmpty()) {
                return;
            }
            java.nio.file.Files.createDirectories(profile);
            Path cds = org.sakshi.core.OwnerOnly.dir(profile.resolve("cds")); // the JVM maps code from it: the owner's only
            String mine = cmd.get().get(1).substring(cmd.get().get(1).lastIndexOf('/') + 1);
            String kind = mine.substring(0, mine.lastIndexOf('-') + 1); // sakshi-gui- or sakshi-verify-
            try (var old = java.nio.file.Files.newDirectoryStream(cds, kind + "*.jsa")) {
                for (Path p : old) { // archives of earlier jars are never used again
                    if (!p.getFileName().toString().equals(mine)) {
                        java.nio.file.Files.deleteIfExists(p);
                    }
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            return;
        }
        Process child;
        try {
            child = new ProcessBuilder(cmd.get()).inheritIO().start();
        } catch (java.io.IOException | RuntimeException e) {
            return; // the window opens in this JVM, without the archive
        }
        Thread stop = new Thread(child::destroy, "relaunch-stop");
        Runtime.getRuntime().addShutdownHook(stop); // a parent stopped by a signal takes the window with it
        int code;
        while (true) {
            try {
                code = child.waitFor();
                break;
            } catch (InterruptedException e) {
                // keep waiting: the window decides when this ends
            }
        }
        try {
            Runtime.getRuntime().removeShutdownHook(stop);
        } catch (IllegalStateException e) {
            // already shutting down
        }
        System.exit(code);
    }
}
