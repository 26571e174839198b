package org.sakshi.core;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Case folders, the case database, records, logs and vault copies hold victims' images and chats,
 * so they are readable by their owner only: folders 0700, files 0600, read-only evidence copies
 * 0400. On a file system without POSIX permissions (FAT, Windows) these calls do nothing more than
 * create the folder or file; there the folder's own access control applies.
 */
public final class OwnerOnly {
    public static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    public static final Set<PosixFilePermission> READ_ONLY = PosixFilePermissions.fromString("r--------");

    private OwnerOnly() {
    }

    /** Creates {@code dir} (and missing parents) and makes {@code dir} itself 0700. */
    public static Path dir(Path dir) throws IOException {
        Files.createDirectories(dir);
        set(dir, DIR);
        return dir;
    }

    /** Creates an empty {@code file} with mode 0600 when it does not exist yet; an existing file is made 0600. */
    public static Path file(Path file) throws IOException {
        try {
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            // keep its content; tighten its mode below
        }
        set(file, FILE);
        return file;
    }

    /**
     * Creates a new file (CREATE_NEW: never an existing file, never through a link) with mode 0600
     * from the start, and opens it for writing.
     */
    public static java.io.OutputStream createNew(Path file) throws IOException {
        Set<java.nio.file.OpenOption> opts = Set.of(java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE);
        java.nio.channels.SeekableByteChannel ch;
        if (Files.getFileAttributeView(file.toAbsolutePath().getParent(), PosixFileAttributeView.class) != null) {
            ch = Files.newByteChannel(file, opts, PosixFilePermissions.asFileAttribute(FILE));
            set(file, FILE); // the umask may have taken bits away; never adds any beyond 0600
        } else {
            ch = Files.newByteChannel(file, opts);
        }
        return java.nio.channels.Channels.newOutputStream(ch);
    }

    /** Makes a finished evidence copy read-only for its owner (0400); elsewhere, read-only. */
    public static void readOnly(Path file) throws IOException {
        if (!set(file, READ_ONLY)) {
            file.toFile().setReadOnly();
        }
    }

    /** Sets the mode when the file system has POSIX permissions; false when it has none. Never follows a link. */
    public static boolean set(Path p, Set<PosixFilePermission> mode) throws IOException {
        PosixFileAttributeView v = Files.getFileAttributeView(p, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (v == null) {
            return false;
        }
        try {
            v.setPermissions(mode);
            return true;
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }
}
