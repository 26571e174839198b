package org.sakshi.ingest.device;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sakshi.core.CancelFlag;
import org.sakshi.core.CancelledException;
import org.sakshi.ingest.RecordSink;

/**
 * Streams the members of one dump to the {@link RecordSink} in the {@code members} shape of docs/cli.md#json-of-an-item
 * ({@code path, size, sha256, type}, plus {@code link_target} for links and {@code flags} for
 * unsafe names), counts regular files and their bytes, and collects warnings. Nothing is written
 * to disk; member names are only ever data.
 */
final class MemberListing {
    /** Unsafe names are named one by one up to this many; the rest are counted. */
    private static final int NAMED_WARNINGS = 20;
    /** At most this many members are listed per item; the listers stop reading past it. */
    static final long MAX_MEMBERS = 2_000_000;

    enum Type {
        FILE, DIR, SYMLINK, OTHER;

        String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Thrown through the listing code when the sink (the case store) fails: never a content problem. */
    static final class SinkFailure extends UncheckedIOException {
        SinkFailure(IOException cause) {
            super(cause);
        }
    }

    private final RecordSink sink;
    private final CancelFlag cancel;
    private final List<String> warnings = new ArrayList<>();
    private final MessageDigest sha256;
    private final byte[] buffer = new byte[1 << 16];
    private long files;
    private long fileBytes;
    private long records;
    private int unsafeNames;
    private int unhashed;
    private final long maxMembers;
    private boolean capped;

    MemberListing(RecordSink sink, CancelFlag cancel) {
        this(sink, cancel, MAX_MEMBERS);
    }

    MemberListing(RecordSink sink, CancelFlag cancel, long maxMembers) {
        this.maxMembers = maxMembers;
        this.sink = sink;
        this.cancel = cancel == null ? new CancelFlag() : cancel;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** The result of hashing one member's content. */
    record Hashed(String sha256, long bytes, String problem) {
    }

    /**
     * Hashes a member's content as it streams, stopping (sha256 null, problem set) when the caps say
     * it is a decompression bomb.
     *
     * @param limit the most bytes that may be read from this member, or -1 for no limit
     */
    Hashed hash(InputStream in, long limit) throws IOException, CancelledException {
        sha256.reset();
        long n = 0;
        int r;
        int sinceCheck = 0;
        while ((r = in.read(buffer)) > 0) {
            n += r;
            if (limit >= 0 && n > limit) {
                return new Hashed(null, n, "stopped after " + n + " bytes");
            }
            sha256.update(buffer, 0, r);
            sinceCheck += r;
            if (sinceCheck >= (16 << 20)) {
                sinceCheck = 0;
                cancel.throwIfCancelled();
            }
        }
        return new Hashed(HexFormat.of().formatHex(sha256.digest()), n, null);
    }

    /**
     * Emits one member. The stored name is kept as stored except for leading slashes (docs/cli.md#json-of-an-item:
     * "paths as stored in the dump, without a leading /"); absolute names and names with a
     * {@code ..} segment are flagged and named in a warning.
     */
    void member(String storedName, Type type, long size, String sha256Hex, String linkTarget)
            throws CancelledException {
        if ((records & 1023) == 0) {
            cancel.throwIfCancelled();
        }
        if (records >= maxMembers) {
            capped = true;
            return;
        }
        List<String> flags = new ArrayList<>(2);
        String path = storedName == null ? "" : storedName;
        if (isAbsolute(path)) {
            flags.add("absolute_path");
        }
        if (hasParentSegment(path)) {
            flags.add("parent_traversal");
        }
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        if (!flags.isEmpty()) {
            unsafeNames++;
            if (unsafeNames <= NAMED_WARNINGS) {
                warnings.add("member \"" + storedName + "\" has an unsafe name (" + String.join(", ", flags)
                        + "); it is listed only and was never written anywhere");
            }
        }
        Map<String, Object> rec = new LinkedHashMap<>();
        rec.put("path", path);
        rec.put("size", size);
        rec.put("sha256", sha256Hex);
        rec.put("type", type.json());
        if (linkTarget != null) {
            rec.put("link_target", linkTarget);
        }
        if (!flags.isEmpty()) {
            rec.put("flags", List.copyOf(flags));
        }
        try {
            sink.accept(rec);
        } catch (IOException e) {
            throw new SinkFailure(e);
        }
        records++;
        if (type == Type.FILE) {
            files++;
            fileBytes += Math.max(0, size);
            if (sha256Hex == null) {
                unhashed++;
            }
        }
    }

    /** A leading slash or backslash, or a drive letter ({@code C:/}, {@code C:\\}). Called once per member: no regex. */
    static boolean isAbsolute(String name) {
        if (name.startsWith("/") || name.startsWith("\\")) {
            return true;
        }
        if (name.length() < 3 || name.charAt(1) != ':' || (name.charAt(2) != '/' && name.charAt(2) != '\\')) {
            return false;
        }
        char d = name.charAt(0);
        return (d >= 'A' && d <= 'Z') || (d >= 'a' && d <= 'z');
    }

    /** A {@code ..} segment between slashes or backslashes. Called once per member: no regex, no split. */
    static boolean hasParentSegment(String name) {
        int start = 0;
        for (int i = 0; i <= name.length(); i++) {
            if (i == name.length() || name.charAt(i) == '/' || name.charAt(i) == '\\') {
                if (i - start == 2 && name.charAt(start) == '.' && name.charAt(start + 1) == '.') {
                    return true;
                }
                start = i + 1;
            }
        }
        return false;
    }

    long maxMembers() {
        return maxMembers;
    }

    /** True once the member cap is reached: the listers stop reading the dump. */
    boolean full() {
        return records >= maxMembers;
    }

    void warn(String w) {
        warnings.add(w);
    }

    List<String> warnings() {
        List<String> out = new ArrayList<>(warnings);
        if (unsafeNames > NAMED_WARNINGS) {
            out.add((unsafeNames - NAMED_WARNINGS) + " more members have unsafe names (absolute or with ..); "
                    + "all are flagged in the member list");
        }
        if (capped || full()) {
            out.add("the dump holds more than " + maxMembers + " members; the first " + maxMembers + " are listed,"
                    + " the rest are not (the dump itself is kept and hashed)");
        }
        if (unhashed > 0) {
            out.add(unhashed + " regular file member(s) could not be hashed; their sha256 is null");
        }
        return out;
    }

    long files() {
        return files;
    }

    long fileBytes() {
        return fileBytes;
    }

    long records() {
        return records;
    }
}
