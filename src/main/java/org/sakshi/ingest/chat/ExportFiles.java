package org.sakshi.ingest.chat;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.sakshi.core.CancelFlag;
import org.sakshi.core.CancelledException;
import org.sakshi.core.FolderEntry;
import org.sakshi.ingest.ParseOptions;

/**
 * The files of a chat export held in a zip (read in place with Commons Compress {@link ZipFile}:
 * random access through the central directory, members inflated as streams, nothing extracted) or
 * in a folder item (vault blobs with their SHA-256 already known). Every zip member is inflated
 * through {@link CappedInputStream}: at most {@code maxInflatedBytes} per member and for the whole
 * archive, and at most {@code maxRatio} times its compressed size (with a 1 MiB floor, so small
 * members of ordinary text are never refused).
 */
final class ExportFiles implements Closeable {
    private static final long RATIO_FLOOR = 1L << 20;

    private final ZipFile zip;
    private final Map<String, ZipArchiveEntry> zipEntries;
    private final Map<String, FolderEntry> folder;
    private final ParseOptions options;

    private ExportFiles(ZipFile zip, Map<String, ZipArchiveEntry> zipEntries, Map<String, FolderEntry> folder,
                        ParseOptions options) {
        this.zip = zip;
        this.zipEntries = zipEntries;
        this.folder = folder;
        this.options = options;
    }

    static boolean isZip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && head[0] == 'P' && head[1] == 'K'
                    && ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6) || (head[2] == 7 && head[3] == 8));
        }
    }

    /** Opens a zip through its central directory; fails with IOException when it is not a readable zip. */
    static ExportFiles openZip(Path file, ParseOptions options) throws IOException {
        ZipFile z = ZipFile.builder().setPath(file).get();
        Map<String, ZipArchiveEntry> entries = new LinkedHashMap<>();
        try {
            var en = z.getEntries();
            while (en.hasMoreElements()) {
                ZipArchiveEntry e = en.nextElement();
                if (!e.isDirectory()) {
                    entries.putIfAbsent(e.getName(), e);
                }
            }
        } catch (RuntimeException e) {
            z.close();
            throw new IOException("the zip directory cannot be read: " + e.getMessage(), e);
        }
        return new ExportFiles(z, entries, null, options);
    }

    static ExportFiles ofFolder(List<FolderEntry> entries, ParseOptions options) {
        Map<String, FolderEntry> m = new LinkedHashMap<>();
        for (FolderEntry e : entries) {
            m.put(e.path(), e);
        }
        return new ExportFiles(null, null, m, options);
    }

    boolean isZip() {
        return zip != null;
    }

    List<String> names() {
        return new ArrayList<>(zip != null ? zipEntries.keySet() : folder.keySet());
    }

    long size(String name) {
        if (zip != null) {
            return zipEntries.get(name).getSize();
        }
        return folder.get(name).size();
    }

    /** Opens one file as a stream (capped for zip members). */
    InputStream open(String name) throws IOException {
        if (zip != null) {
            ZipArchiveEntry e = zipEntries.get(name);
            if (!zip.canReadEntryData(e)) {
                throw new IOException(name + " uses an unsupported compression method or is encrypted");
            }
            return new CappedInputStream(zip.getInputStream(e), memberCap(e), name);
        }
        return Files.newInputStream(folder.get(name).blob());
    }

    private long memberCap(ZipArchiveEntry e) {
        long cap = options.maxInflatedBytes();
        long compressed = e.getCompressedSize();
        if (compressed >= 0 && options.maxRatio() > 0) {
            long byRatio = Math.max(RATIO_FLOOR, multiply(compressed, options.maxRatio()));
            cap = Math.min(cap, byRatio);
        }
        return cap;
    }

    private static long multiply(long a, long b) {
        long r = a * b;
        return (a != 0 && r / a != b) ? Long.MAX_VALUE : r;
    }

    /**
     * Every file with its SHA-256: folder entries as given, zip members by reading them once.
     * A member that cannot be read in full gets a null hash and a warning; member names that would
     * leave the archive ({@code ../}, absolute, drive letters) are reported, never followed.
     */
    List<Member> hashAll(CancelFlag cancel, List<String> warnings) throws CancelledException {
        List<Member> out = new ArrayList<>();
        if (zip == null) {
            for (FolderEntry e : folder.values()) {
                out.add(new Member(e.path(), e.size(), e.sha256()));
            }
            return out;
        }
        long total = 0;
        byte[] buf = new byte[64 * 1024];
        for (Map.Entry<String, ZipArchiveEntry> en : zipEntries.entrySet()) {
            cancel.throwIfCancelled();
            String name = en.getKey();
            if (unsafeName(name)) {
                warnings.add("zip member \"" + name + "\" has a path that leaves the archive; it is hashed and "
                        + "recorded, never extracted");
            }
            if (total > options.maxInflatedBytes()) {
                warnings.add("zip member " + name + " not hashed: the archive already inflated past the cap of "
                        + options.maxInflatedBytes() + " bytes");
                out.add(new Member(name, en.getValue().getSize(), null));
                continue;
            }
            MessageDigest sha = sha256();
            long n = 0;
            String hash = null;
            try (InputStream in = open(name)) {
                int r;
                while ((r = in.read(buf)) > 0) {
                    sha.update(buf, 0, r);
                    n += r;
                    total += r;
                    if (total > options.maxInflatedBytes()) {
                        throw new InflationCapException("the archive inflates to more than "
                                + options.maxInflatedBytes() + " bytes (zip-bomb cap)");
                    }
                    if ((n & 0xFFFFFF) < r) {
                        cancel.throwIfCancelled();
                    }
                }
                hash = HexFormat.of().formatHex(sha.digest());
            } catch (IOException | RuntimeException e) {
                warnings.add("zip member " + name + " could not be read in full (" + e.getMessage()
                        + "); its hash is not recorded");
            }
            out.add(new Member(name, hash == null ? en.getValue().getSize() : n, hash));
        }
        return out;
    }

    static boolean unsafeName(String name) {
        String n = name.replace('\\', '/');
        return n.startsWith("/") || n.equals("..") || n.startsWith("../") || n.contains("/../") || n.endsWith("/..")
                || (n.length() > 1 && n.charAt(1) == ':');
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    @Override
    public void close() throws IOException {
        if (zip != null) {
            zip.close();
        }
    }
}
