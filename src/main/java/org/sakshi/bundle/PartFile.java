package org.sakshi.bundle;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.sakshi.core.InputException;
import org.sakshi.core.OutputFiles;

/**
 * The {@code <out>.part} discipline of docs/bundle-format.md#container: the bundle is written to
 * {@code <out>.part}, and only {@link #commit()} (after the caller flushed, fsynced, re-read and
 * checked it) renames it to {@code <out>} atomically and syncs the folder. Closing without commit
 * deletes the part file, so a failure or cancel leaves neither file behind.
 */
public final class PartFile implements Closeable {
    private final Path out;
    private final Path part;
    private boolean committed;

    private PartFile(Path out, Path part) {
        this.out = out;
        this.part = part;
    }

    /** Refuses an existing {@code out}; removes a stale part file left by a crashed export. */
    public static PartFile forOutput(Path out) throws InputException {
        Path abs = out.toAbsolutePath();
        OutputFiles.requireAbsent(abs); // a file, folder or planted link: never overwritten, never followed
        Path parent = abs.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new InputException("the folder of " + abs + " does not exist; create it first.");
        }
        Path part = abs.resolveSibling(abs.getFileName() + ".part");
        try {
            Files.deleteIfExists(part); // removes a planted link itself, never its target
        } catch (IOException e) {
            throw new InputException("cannot remove the stale " + part + " (" + e.getMessage() + "); delete it by hand.", e);
        }
        return new PartFile(abs, part);
    }

    public Path part() {
        return part;
    }

    public Path out() {
        return out;
    }

    /**
     * Gives the checked part file its final name without replacing anything that appeared there
     * meanwhile (see {@link OutputFiles#publish}) and syncs the folder.
     */
    public void commit() throws IOException, InputException {
        OutputFiles.publish(part, out);
        committed = true;
        try (FileChannel dir = FileChannel.open(out.getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException ignored) {
            // some platforms cannot open a folder for sync; the rename itself is already durable there
        }
    }

    @Override
    public void close() throws IOException {
        if (!committed) {
            Files.deleteIfExists(part);
        }
    }
}
