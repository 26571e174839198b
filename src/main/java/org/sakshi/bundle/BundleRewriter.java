package org.sakshi.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Enumeration;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.sakshi.core.InputException;

/**
 * Writes a copy of a bundle ZIP in which one tag file is replaced (the bundle signature, when it is
 * augmented or renewed for the long term): every other entry is copied raw — the same compressed
 * bytes, CRC-32, name and time — so the evidence and every other file stay bit for bit what was
 * sealed. The copy goes to {@code out.part}, is synced, and is renamed to {@code out} only by
 * {@link PartFile#commit()} after the caller has checked it; on any failure nothing is left.
 */
public final class BundleRewriter {
    private BundleRewriter() {
    }

    /**
     * Copies {@code in} to {@code part} with {@code bagPath} (e.g. signature/tagmanifest-sha256.txt.p7s)
     * holding {@code replacement}.
     */
    public static void replace(Path in, Path part, String bagPath, byte[] replacement) throws IOException, InputException {
        boolean found = false;
        try (ZipFile zf = ZipFile.builder().setPath(in).get();
             OutputStream os = Files.newOutputStream(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             ZipArchiveOutputStream zos = new ZipArchiveOutputStream(new java.io.BufferedOutputStream(os, 1 << 16))) {
            zos.setEncoding("UTF-8");
            zos.setUseLanguageEncodingFlag(true);
            zos.setCreateUnicodeExtraFields(ZipArchiveOutputStream.UnicodeExtraFieldPolicy.NEVER);
            zos.setUseZip64(Zip64Mode.AsNeeded);
            Enumeration<ZipArchiveEntry> entries = zf.getEntriesInPhysicalOrder();
            while (entries.hasMoreElements()) {
                ZipArchiveEntry e = entries.nextElement();
                String name = e.getName();
                int slash = name.indexOf('/');
                if (slash > 0 && name.substring(slash + 1).equals(bagPath)) {
                    found = true;
                    ZipArchiveEntry n = new ZipArchiveEntry(name);
                    n.setMethod(ZipArchiveEntry.STORED);
                    n.setSize(replacement.length);
                    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                    crc.update(replacement);
                    n.setCrc(crc.getValue());
                    n.setTime(e.getTime());
                    zos.putArchiveEntry(n);
                    zos.write(replacement);
                    zos.closeArchiveEntry();
                } else {
                    try (InputStream raw = zf.getRawInputStream(e)) {
                        zos.addRawArchiveEntry(e, raw);
                    }
                }
            }
            zos.finish();
        }
        if (!found) {
            Files.deleteIfExists(part);
            throw new InputException(in + " holds no " + bagPath + "; it is not a signed Sakshi bundle.");
        }
        try (FileChannel ch = FileChannel.open(part, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }
}
