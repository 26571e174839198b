package org.sakshi.storage;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;

/**
 * Gives sqlite-jdbc its native library from a kept copy instead of letting it unpack one at every
 * start. Left alone, the driver inflates its library (about 1 MiB) out of the jar into the temporary
 * folder on every first connection, reads it back byte by byte to compare, and starts a process to
 * ask the system its name: about a third of the CPU of a short command such as {@code sakshi items}.
 *
 * <p>The copy lives in the profile folder ({@code sakshi.home}, else {@code ~/.sakshi}; owner only),
 * under {@code native/sqlite-<CRC-32 of the jar entry>/}, and is used only when its size and CRC-32
 * match the jar's entry (read from the jar's directory, without inflating it); otherwise it is written
 * again (temporary name, then renamed). The driver is pointed at it through its own system properties
 * {@code org.sqlite.lib.path} and {@code org.sqlite.lib.name}. Anything unusual (those properties
 * already set, a platform this does not know, musl, a profile folder that cannot be written) leaves
 * the driver's own loading as it was.
 */
final class SqliteLibrary {
    private static boolean prepared;

    private SqliteLibrary() {
    }

    /** Points sqlite-jdbc at the kept copy of its library (once per process; failures are silent). */
    static synchronized void prepare() {
        if (prepared) {
            return;
        }
        prepared = true;
        if (System.getProperty("org.sqlite.lib.path") != null || System.getProperty("org.sqlite.lib.name") != null) {
            return;
        }
        try {
            Path dir = keep(profileDir());
            if (dir != null) {
                System.setProperty("org.sqlite.lib.path", dir.toString());
                System.setProperty("org.sqlite.lib.name", System.mapLibraryName("sqlitejdbc"));
            }
        } catch (IOException | RuntimeException e) {
            // the driver unpacks its library itself, as it always did
        }
    }

    /** The profile folder, as the rest of the application finds it. */
    static Path profileDir() {
        String home = System.getProperty("sakshi.home");
        return home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"), ".sakshi");
    }

    /**
     * The folder holding a verified copy of the driver's library for this platform, written into
     * {@code profile} when missing or different; null when this platform's library is not known here.
     */
    static Path keep(Path profile) throws IOException {
        String resource = resource();
        if (resource == null) {
            return null;
        }
        URL url = SqliteLibrary.class.getClassLoader().getResource(resource);
        if (url == null) {
            return null;
        }
        String name = System.mapLibraryName("sqlitejdbc");
        if ("file".equals(url.getProtocol())) {
            return Path.of(java.net.URI.create(url.toString())).getParent(); // unpacked classes: the file is there
        }
        URLConnection c = url.openConnection();
        if (!(c instanceof JarURLConnection jar)) {
            return null;
        }
        ZipEntry entry = jar.getJarEntry();
        if (entry == null || entry.getSize() < 0 || entry.getCrc() < 0) {
            return null;
        }
        Path dir = profile.resolve("native").resolve(String.format("sqlite-%08x", entry.getCrc()));
        Path lib = dir.resolve(name);
        if (matches(lib, entry)) {
            return dir;
        }
        boolean fresh = !Files.isDirectory(profile);
        Files.createDirectories(dir);
        for (Path p : fresh ? new Path[] {dir, dir.getParent(), profile} : new Path[] {dir, dir.getParent()}) {
            org.sakshi.core.OwnerOnly.set(p, org.sakshi.core.OwnerOnly.DIR);
        }
        Path part = Files.createTempFile(dir, name, ".part");
        try {
            try (InputStream in = url.openStream()) {
                Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
            }
            if (!matches(part, entry)) {
                return null;
            }
            Files.move(part, lib, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(part);
        }
        return matches(lib, entry) ? dir : null;
    }

    /** True when {@code file} has the entry's size and CRC-32. */
    static boolean matches(Path file, ZipEntry entry) throws IOException {
        if (!Files.isRegularFile(file) || Files.size(file) != entry.getSize()) {
            return false;
        }
        CRC32 crc = new CRC32();
        crc.update(Files.readAllBytes(file));
        return crc.getValue() == entry.getCrc();
    }

    /**
     * The driver's resource for this platform, named as sqlite-jdbc names its folders; null for a
     * platform not handled here (musl Linux, Android, other processors), which the driver then serves.
     */
    static String resource() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = switch (System.getProperty("os.arch", "").toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> null;
        };
        if (arch == null) {
            return null;
        }
        String folder;
        if (os.startsWith("linux")) {
            if (System.getProperty("java.vm.vendor", "").contains("Android") || musl()) {
                return null;
            }
            folder = "Linux";
        } else if (os.startsWith("mac") || os.startsWith("darwin")) {
            folder = "Mac";
        } else if (os.startsWith("windows")) {
            folder = "Windows";
        } else {
            return null;
        }
        return "org/sqlite/native/" + folder + "/" + arch + "/" + System.mapLibraryName("sqlitejdbc");
    }

    /** True when this Linux runs on musl (its dynamic loader is in /lib), whose library differs. */
    private static boolean musl() {
        try (var s = Files.newDirectoryStream(Path.of("/lib"), "ld-musl-*")) {
            return s.iterator().hasNext();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
