package org.sakshi.ingest.chat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.sakshi.core.CancelFlag;
import org.sakshi.core.FolderEntry;
import org.sakshi.ingest.ParseInput;
import org.sakshi.ingest.ParseOptions;
import org.sakshi.ingest.ParseResult;

/** Builds real files, zips and folder items for the chat tests and runs the parser on them. */
final class ChatTestSupport {
    static final ZoneId IST = ZoneId.of("Asia/Kolkata");

    private ChatTestSupport() {
    }

    record Run(ParseResult result, List<Map<String, Object>> messages) {
        Map<String, Object> summary() {
            return result.summary();
        }

        Map<String, Object> message(int i) {
            return messages.get(i);
        }
    }

    static ParseOptions options() {
        return ParseOptions.defaults(IST);
    }

    static Run run(ParseInput in) throws Exception {
        List<Map<String, Object>> out = new ArrayList<>();
        ParseResult r = new ChatParser().parse(in, out::add, new CancelFlag());
        return new Run(r, out);
    }

    static Path write(Path dir, String name, String text) throws IOException {
        return write(dir, name, text.getBytes(StandardCharsets.UTF_8));
    }

    static Path write(Path dir, String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.write(p, bytes);
        return p;
    }

    /** A real zip, members in the given order (deflated). */
    static Path zip(Path dir, String name, Map<String, byte[]> members) throws IOException {
        Path p = dir.resolve(name);
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(p))) {
            for (Map.Entry<String, byte[]> e : members.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return p;
    }

    /** A folder item as the engine gives it: every file with its blob path, size and SHA-256. */
    static List<FolderEntry> folder(Path dir, Map<String, byte[]> files) throws IOException {
        List<FolderEntry> out = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            Path p = write(dir, e.getKey(), e.getValue());
            out.add(new FolderEntry(e.getKey(), p, e.getValue().length, sha256(e.getValue())));
        }
        return out;
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] pseudoJpeg(int seed, int size) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(0xFF);
        b.write(0xD8);
        java.util.Random r = new java.util.Random(seed);
        byte[] x = new byte[size];
        r.nextBytes(x);
        b.write(x, 0, x.length);
        return b.toByteArray();
    }

    static Map<String, byte[]> members(Object... nameThenBytes) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (int i = 0; i < nameThenBytes.length; i += 2) {
            Object v = nameThenBytes[i + 1];
            m.put((String) nameThenBytes[i], v instanceof String s ? utf8(s) : (byte[]) v);
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    static List<String> flags(Map<String, Object> message) {
        return (List<String>) message.get("flags");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> attachments(Map<String, Object> summary) {
        return (List<Map<String, Object>>) summary.get("attachments");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> attachment(Map<String, Object> message) {
        return (Map<String, Object>) message.get("attachment");
    }
}
