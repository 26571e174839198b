package org.sakshi.core;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Files a user names for Sakshi to write ({@code export --out}, {@code verify --report},
 * {@code audit --report}, {@code keys new --out}, CSV exports) and their {@code .part} companions.
 * Each is created new (never truncated, never replaced) and never through a symbolic link: a link
 * planted at the output path, even a dangling one, is refused with an error and its target is not
 * touched. A finished part file reaches its final name with {@link #publish}, which also never
 * replaces what exists there.
 */
public final class OutputFiles {
    private OutputFiles() {
    }

    /** Refuses when anything (a file, a folder, a symbolic link, even dangling) exists at {@code out}. */
    public static void requireAbsent(Path out) throws InputException {
        if (Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
            throw exists(out);
        }
    }

    private static InputException exists(Path out) {
        if (Files.isSymbolicLink(out)) {
            return new InputException(out + " is a symbolic link; Sakshi never writes through a link (its target"
                    + " was not touched): remove the link or choose another file name");
        }
        return new InputException(out + " already exists; choose another file name (Sakshi never overwrites an"
                + " output file)");
    }

    /**
     * Creates {@code file} for writing with CREATE_NEW and NOFOLLOW_LINKS semantics.
     *
     * @throws InputException something (a file or a link) already exists at {@code file}
     */
    public static OutputStream create(Path file) throws InputException, IOException {
        try {
            return Channels.newOutputStream(Files.newByteChannel(file, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS));
        } catch (FileAlreadyExistsException e) {
            throw exists(file);
        }
    }

    /**
     * Gives the finished {@code part} its final name {@code out} without ever replacing anything at
     * {@code out} or following a link there: a hard link {@code out -> part} (which fails when
     * {@code out} exists), then the part is removed; where hard links are not supported, an atomic
     * rename after checking that {@code out} is still absent.
     */
    public static void publish(Path part, Path out) throws InputException, IOException {
        try {
            Files.createLink(out, part);
            Files.delete(part);
            return;
        } catch (FileAlreadyExistsException e) {
            throw exists(out);
        } catch (UnsupportedOperationException | FileSystemException e) {
            requireAbsent(out); // this file system has no hard links: rename, which cannot follow a link
        }
        try {
            Files.move(part, out, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, out);
        }
    }
}
