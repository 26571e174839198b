package org.sakshi.ingest.device.ewf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.zip.Adler32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.sakshi.core.CancelFlag;
import org.sakshi.core.CancelledException;

/**
 * Re-reads the media of an {@link EwfImage}: one thread reads each table's chunks in batches and
 * inflates them, MD5 and SHA-1 each run on their own thread (MD5 cannot be split and is the
 * slowest digest, so it bounds the wall time). Buffers are handed over through small bounded
 * queues, read once and never copied per digest.
 *
 * <p>Chunks (EWF spec, "Sectors section" / "Table section"): a table entry is a 32-bit offset
 * relative to the table's base offset whose most significant bit marks a zlib-compressed chunk
 * (RFC 1950, its own Adler-32 trailer); an uncompressed chunk is followed by an Adler-32 of its
 * data. A chunk's stored size is the distance to the next entry, and for the last entry of a table
 * the distance to the end of its sectors section.
 */
final class EwfVerifier {
    private static final byte[] END = new byte[0];
    private static final int BATCH_MEDIA_BYTES = 1 << 20;

    private final EwfImage image;

    EwfVerifier(EwfImage image) {
        this.image = image;
    }

    EwfVerification run(CancelFlag cancel) throws IOException, CancelledException {
        List<String> warnings = new ArrayList<>();
        boolean anyStored = image.md5Stored() != null || image.sha1Stored() != null;
        if (!anyStored) {
            warnings.add("no acquisition hash stored: the image carries no MD5 or SHA-1 to verify against");
        }
        if (!image.complete()) {
            warnings.add("the media cannot be re-read completely, so it cannot be verified");
            return new EwfVerification(null, null, anyStored ? Boolean.FALSE : null, 0, 0, warnings);
        }
        Digester md5 = new Digester("MD5");
        Digester sha1 = new Digester("SHA-1");
        md5.start();
        sha1.start();
        Map<EwfImage.Segment, FileChannel> channels = new HashMap<>();
        long produced = 0;
        long bad = 0;
        long firstBad = -1;
        boolean finished = false;
        try {
            long chunkSize = image.sectorsPerChunk() * image.bytesPerSector();
            long media = image.mediaSize();
            long chunkIndex = 0;
            Inflater inflater = new Inflater();
            Adler32 adler = new Adler32();
            byte[] scratch = new byte[64];
            try {
                for (EwfImage.Table t : image.tables()) {
                    if (chunkIndex >= image.chunkCount() || produced >= media) {
                        break;
                    }
                    FileChannel ch = channels.get(t.segment());
                    if (ch == null) {
                        ch = FileChannel.open(t.segment().path(), StandardOpenOption.READ);
                        channels.put(t.segment(), ch);
                    }
                    ByteBuffer eb = EwfImage.readAt(ch, t.offset() + 76 + 24, t.entries() * 4);
                    int n = eb.remaining() / 4;
                    long[] start = new long[n + 1];
                    boolean[] compressed = new boolean[n];
                    for (int k = 0; k < n; k++) {
                        int raw = eb.getInt(k * 4);
                        compressed[k] = raw < 0;
                        start[k] = t.baseOffset() + (raw & 0x7fffffffL);
                    }
                    start[n] = t.chunksEnd();
                    int k = 0;
                    while (k < n && chunkIndex < image.chunkCount() && produced < media) {
                        cancel.throwIfCancelled();
                        // Gather a batch of consecutive chunks worth about 1 MiB of media.
                        int first = k;
                        long batchMedia = 0;
                        while (k < n && batchMedia < BATCH_MEDIA_BYTES && produced + batchMedia < media) {
                            batchMedia += Math.min(chunkSize, media - produced - batchMedia);
                            k++;
                        }
                        byte[] out = new byte[(int) batchMedia];
                        long from = start[first];
                        long to = start[k];
                        boolean rangeOk = to > from && to - from <= Integer.MAX_VALUE - 64 && to <= t.segment().size();
                        ByteBuffer in = rangeOk ? EwfImage.readAt(ch, from, (int) (to - from)) : null;
                        int outPos = 0;
                        for (int c = first; c < k; c++) {
                            int len = (int) Math.min(chunkSize, batchMedia - outPos);
                            boolean ok;
                            long storedLen = start[c + 1] - start[c];
                            if (in == null || storedLen <= 0 || start[c] < from
                                    || start[c + 1] - from > in.remaining()) {
                                ok = false;
                            } else {
                                int p = (int) (start[c] - from);
                                if (compressed[c]) {
                                    ok = inflate(inflater, in.array(), p, (int) storedLen, out, outPos, len, scratch);
                                } else {
                                    int copy = (int) Math.min(len, storedLen);
                                    System.arraycopy(in.array(), p, out, outPos, copy);
                                    ok = copy == len;
                                    if (ok && storedLen >= len + 4L) {
                                        adler.reset();
                                        adler.update(in.array(), p, len);
                                        int stored = ByteBuffer.wrap(in.array(), p + len, 4)
                                                .order(ByteOrder.LITTLE_ENDIAN).getInt();
                                        ok = (int) adler.getValue() == stored;
                                    }
                                }
                            }
                            if (!ok) {
                                bad++;
                                if (firstBad < 0) {
                                    firstBad = produced + outPos;
                                }
                            }
                            outPos += len;
                            chunkIndex++;
                        }
                        md5.put(out);
                        sha1.put(out);
                        produced += batchMedia;
                    }
                }
                finished = true;
            } finally {
                inflater.end();
            }
        } finally {
            md5.finish();
            sha1.finish();
            for (FileChannel ch : channels.values()) {
                ch.close();
            }
        }
        String md5Hex = md5.hex();
        String sha1Hex = sha1.hex();
        if (!finished || produced < image.mediaSize()) {
            warnings.add("only " + produced + " of " + image.mediaSize() + " media bytes could be read");
            return new EwfVerification(null, null, anyStored ? Boolean.FALSE : null, produced, bad, warnings);
        }
        if (bad > 0) {
            warnings.add(bad + " chunk(s) fail their Adler-32 or zlib check or cannot be read (the first at media "
                    + "byte " + firstBad + "); unreadable chunks were hashed as zeros");
        }
        Boolean verified = null;
        if (anyStored) {
            boolean ok = (image.md5Stored() == null || image.md5Stored().equals(md5Hex))
                    && (image.sha1Stored() == null || image.sha1Stored().equals(sha1Hex));
            verified = ok;
            if (!ok) {
                warnings.add("the media read back does not match the hash stored at acquisition: the image was "
                        + "altered or damaged after acquisition");
            }
        }
        return new EwfVerification(md5Hex, sha1Hex, verified, produced, bad, warnings);
    }

    /** Inflates one zlib chunk into exactly len bytes; false when the stream is bad, short or long. */
    private static boolean inflate(Inflater inf, byte[] in, int off, int inLen, byte[] out, int outPos, int len,
                                   byte[] scratch) {
        inf.reset();
        inf.setInput(in, off, inLen);
        int p = 0;
        try {
            while (!inf.finished()) {
                if (p < len) {
                    int r = inf.inflate(out, outPos + p, len - p);
                    if (r == 0 && (inf.needsInput() || inf.needsDictionary())) {
                        break;
                    }
                    p += r;
                } else {
                    // Output is full: the stream must end now (only its Adler-32 trailer remains).
                    int r = inf.inflate(scratch);
                    if (r > 0 || inf.needsInput() || inf.needsDictionary()) {
                        break;
                    }
                }
            }
        } catch (DataFormatException e) {
            java.util.Arrays.fill(out, outPos + p, outPos + len, (byte) 0);
            return false;
        }
        if (p < len) {
            java.util.Arrays.fill(out, outPos + p, outPos + len, (byte) 0);
        }
        return inf.finished() && p == len;
    }

    /** One digest on its own thread, fed through a bounded queue. */
    private static final class Digester {
        private final MessageDigest md;
        private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(8);
        private final Thread thread;
        private volatile Throwable failure;
        private byte[] result;

        Digester(String algorithm) {
            try {
                md = MessageDigest.getInstance(algorithm);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(algorithm + " is missing from this Java runtime", e);
            }
            thread = new Thread(this::loop, "ewf-" + algorithm.toLowerCase(java.util.Locale.ROOT));
            thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        private void loop() {
            try {
                while (true) {
                    byte[] b = queue.take();
                    if (b == END) {
                        result = md.digest();
                        return;
                    }
                    md.update(b);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                failure = e;
            }
        }

        void put(byte[] b) throws IOException {
            try {
                if (failure != null || !thread.isAlive()) {
                    throw new IOException("the " + thread.getName() + " digest thread stopped", failure);
                }
                queue.put(b);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while verifying the EWF image", e);
            }
        }

        void finish() throws IOException {
            try {
                if (thread.isAlive()) {
                    queue.put(END);
                }
                thread.join();
            } catch (InterruptedException e) {
                thread.interrupt();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while verifying the EWF image", e);
            }
        }

        String hex() {
            return result == null ? null : HexFormat.of().formatHex(result);
        }
    }
}
