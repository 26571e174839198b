package org.sakshi.storage;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.sakshi.core.StorageException;
import org.sakshi.core.ledger.SignedHead;

/**
 * The case's signed-head file {@code custody-heads.jsonl} (docs/custody-ledger.md#signed-heads):
 * the ledger's head mirrored outside SQLite, one {@link SignedHead} line per operation, appended
 * and fsynced, never rewritten.
 */
public final class HeadFile {
    private HeadFile() {
    }

    public static Path of(Path caseDir) {
        return caseDir.resolve(SignedHead.FILE);
    }

    /** Appends one line and forces it to disk before returning. */
    public static void append(Path caseDir, SignedHead h) throws StorageException {
        Path f = of(caseDir);
        byte[] line = (h.toLine() + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            if (!Files.exists(f)) {
                Files.createFile(f);
                try {
                    Files.setPosixFilePermissions(f, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: the case folder's ACL protects it
                }
            }
        } catch (IOException e) {
            throw new StorageException("could not create " + f + " (" + e.getMessage() + "); check the case folder's"
                    + " permissions and free space", e);
        }
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer b = ByteBuffer.wrap(line);
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(true);
        } catch (IOException e) {
            throw new StorageException("could not write the signed ledger head to " + f + " (" + e.getMessage()
                    + "); the events are recorded but not yet signed: free space or fix permissions, then run any"
                    + " changing command to sign them", e);
        }
    }

    /** Every line, or null when there is no file. */
    public static List<String> lines(Path caseDir) throws StorageException {
        Path f = of(caseDir);
        if (!Files.exists(f)) {
            return null;
        }
        try {
            return Files.readAllLines(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StorageException("could not read " + f + " (" + e.getMessage() + ")", e);
        }
    }

    /**
     * The last line, parsed; null when there is no file or it is empty. IllegalArgumentException
     * when the last line cannot be read.
     */
    public static SignedHead last(Path caseDir) throws StorageException {
        Path f = of(caseDir);
        if (!Files.exists(f)) {
            return null;
        }
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "r")) {
            long len = raf.length();
            int chunk = (int) Math.min(len, 16_384);
            byte[] tail = new byte[chunk];
            raf.seek(len - chunk);
            raf.readFully(tail);
            String s = new String(tail, StandardCharsets.UTF_8).stripTrailing();
            if (s.isEmpty()) {
                return null;
            }
            return SignedHead.parse(s.substring(s.lastIndexOf('\n') + 1));
        } catch (IOException e) {
            throw new StorageException("could not read " + f + " (" + e.getMessage() + ")", e);
        }
    }
}
