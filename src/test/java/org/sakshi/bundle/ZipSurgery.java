package org.sakshi.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.zip.ZipEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;

/** Test helper: rewrites a ZIP entry by entry, as an attacker with a ZIP tool would. */
final class ZipSurgery {
    private ZipSurgery() {
    }

    /** Reads every entry (name -> bytes), in order. */
    static Map<String, byte[]> read(Path zip) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipFile zf = ZipFile.builder().setPath(zip).get()) {
            for (ZipArchiveEntry e : Collections.list(zf.getEntries())) {
                try (InputStream in = zf.getInputStream(e)) {
                    out.put(e.getName(), in.readAllBytes());
                }
            }
        }
        return out;
    }

    /** Writes entries (name -> bytes) as a new ZIP, DEFLATED, with UTF-8 names. */
    static void write(Path zip, Map<String, byte[]> entries) throws IOException {
        Files.deleteIfExists(zip);
        try (ZipArchiveOutputStream z = new ZipArchiveOutputStream(zip)) {
            z.setEncoding("UTF-8");
            for (var e : entries.entrySet()) {
                ZipArchiveEntry ze = new ZipArchiveEntry(e.getKey());
                ze.setMethod(ZipEntry.DEFLATED);
                z.putArchiveEntry(ze);
                z.write(e.getValue());
                z.closeArchiveEntry();
            }
        }
    }

    /**
     * Copies {@code in} to {@code out} applying {@code change} to each (bag-relative path, bytes): the
     * result replaces the content; null drops the entry.
     */
    static void rewrite(Path in, Path out, BiFunction<String, byte[], byte[]> change) throws IOException {
        Map<String, byte[]> entries = read(in);
        Map<String, byte[]> result = new LinkedHashMap<>();
        for (var e : entries.entrySet()) {
            String name = e.getKey();
            String bagPath = name.substring(name.indexOf('/') + 1);
            byte[] v = change.apply(bagPath, e.getValue());
            if (v != null) {
                result.put(name, v);
            }
        }
        write(out, result);
    }

    static byte[] flipLastByte(byte[] b) {
        byte[] c = b.clone();
        c[c.length - 1] ^= 0x01;
        return c;
    }

    static byte[] flipMiddleByte(byte[] b) {
        byte[] c = b.clone();
        c[c.length / 2] ^= 0x01;
        return c;
    }
}
