package org.sakshi.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs external tools (openssl, softhsm2-util, pdfsig ...) from tests and captures their output. */
public final class Tools {
    private Tools() {
    }

    /** Exit code with standard output and error as text. */
    public record Result(int exit, String out, String err) {
        public String all() {
            return out + err;
        }
    }

    /** True when {@code name} is an executable on the PATH. */
    public static boolean onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String d : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, name))) {
                return true;
            }
        }
        return false;
    }

    /** True when the tests run under CI ({@code CI=true}, set by {@code .ci/run}), where every tool is installed. */
    public static boolean underCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /**
     * The one way a test states the external tools it needs: locally a missing tool skips the test
     * with a message naming it; under CI ({@code CI=true}, where {@code .ci/run} installs every tool)
     * it fails the test, so a missing tool can never pass CI unnoticed.
     */
    public static void require(String... names) {
        for (String name : names) {
            require(onPath(name), name + " is not on the PATH (" + DEBIAN_PACKAGE.getOrDefault(name, name)
                    + "; .ci/run installs it)");
        }
    }

    /** As {@link #require(String...)} for a condition other than a PATH look-up; {@code what} names the need. */
    public static void require(boolean available, String what) {
        require(available, what, underCi());
    }

    static void require(boolean available, String what, boolean ci) {
        if (available) {
            return;
        }
        if (ci) {
            org.junit.jupiter.api.Assertions.fail("CI=true and a tool this test needs is missing: " + what);
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(false, "skipped: " + what);
    }

    /**
     * For an extra check inside a test that also passes without it: true when {@code name} is on the
     * PATH; false locally when it is not; under CI a missing tool fails the test.
     */
    public static boolean available(String name) {
        if (!onPath(name)) {
            require(false, name + " is not on the PATH (" + DEBIAN_PACKAGE.getOrDefault(name, name) + ")");
            return false;
        }
        return true;
    }

    /** Debian packages of the tools the tests call (.ci/run installs them all). */
    private static final java.util.Map<String, String> DEBIAN_PACKAGE = java.util.Map.ofEntries(
            java.util.Map.entry("openssl", "Debian package openssl"),
            java.util.Map.entry("pdfsig", "Debian package poppler-utils"),
            java.util.Map.entry("pdftotext", "Debian package poppler-utils"),
            java.util.Map.entry("qpdf", "Debian package qpdf"),
            java.util.Map.entry("ewfacquire", "Debian package ewf-tools"),
            java.util.Map.entry("ewfverify", "Debian package ewf-tools"),
            java.util.Map.entry("ewfinfo", "Debian package ewf-tools"),
            java.util.Map.entry("softhsm2-util", "Debian package softhsm2"),
            java.util.Map.entry("pkcs11-tool", "Debian package opensc"),
            java.util.Map.entry("zip", "Debian package zip"),
            java.util.Map.entry("unzip", "Debian package unzip"),
            java.util.Map.entry("exiftool", "Debian package libimage-exiftool-perl"),
            java.util.Map.entry("convert", "Debian package imagemagick"),
            java.util.Map.entry("heif-enc", "Debian package libheif-examples"),
            java.util.Map.entry("sqlite3", "Debian package sqlite3"),
            java.util.Map.entry("bsdtar", "Debian package libarchive-tools"),
            java.util.Map.entry("7z", "Debian package p7zip-full"),
            java.util.Map.entry("python3", "Debian package python3"),
            java.util.Map.entry("sha256sum", "Debian package coreutils"));

    /**
     * Runs {@code command} in {@code dir} (may be null), waits up to 60 s. A program that is not
     * installed is a {@link #require} miss: the test skips locally and fails under CI.
     */
    public static Result run(Path dir, List<String> command) {
        String program = command.get(0);
        if (program.contains("/") ? !Files.isExecutable(Path.of(program)) : !onPath(program)) {
            require(false, program + " is not on the PATH (" + DEBIAN_PACKAGE.getOrDefault(program, program)
                    + "; .ci/run installs it)");
        }
        try {
            ProcessBuilder pb = new ProcessBuilder(command);
            if (dir != null) {
                pb.directory(dir.toFile());
            }
            pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            Path out = Files.createTempFile("tool", ".out");
            Path err = Files.createTempFile("tool", ".err");
            try {
                pb.redirectOutput(out.toFile());
                pb.redirectError(err.toFile());
                Process p = pb.start();
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IllegalStateException("timed out: " + command);
                }
                return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Result run(Path dir, String... command) {
        return run(dir, List.of(command));
    }
}
