package org.sakshi.ingest.chat;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads UTF-8 text line by line from bytes, with flat memory: lines end at LF (a CR before it is
 * dropped, so CRLF exports read the same), a line longer than {@code maxLineBytes} is cut there and
 * the rest read as the next line (counted in {@link #splitLines()}). Bytes that are not valid UTF-8
 * are decoded as U+FFFD and the line counted in {@link #invalidLines()}, never thrown.
 */
final class LineReader implements Closeable {
    private final InputStream in;
    private final byte[] buf = new byte[64 * 1024];
    private int pos;
    private int lim;
    private byte[] line;
    private final int maxLineBytes;
    private final CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private long lineNo;
    private long invalidLines;
    private long splitLines;
    private long bytesRead;
    private boolean first = true;

    LineReader(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
        this.line = new byte[Math.min(8192, maxLineBytes)];
    }

    /** The next line without its terminator, or null at the end. */
    String readLine() throws IOException {
        int len = 0;
        boolean any = false;
        while (true) {
            if (pos >= lim) {
                lim = in.read(buf, 0, buf.length);
                pos = 0;
                if (lim <= 0) {
                    lim = 0;
                    if (!any) {
                        return null;
                    }
                    break;
                }
                bytesRead += lim;
            }
            any = true;
            int start = pos;
            int end = start;
            while (end < lim && buf[end] != '\n') {
                end++;
            }
            int chunk = end - start;
            if (len + chunk > maxLineBytes) {
                int take = maxLineBytes - len;
                append(start, take, len);
                len += take;
                pos = start + take;
                splitLines++;
                break;
            }
            append(start, chunk, len);
            len += chunk;
            if (end < lim) {
                pos = end + 1;
                break;
            }
            pos = lim;
        }
        if (len > 0 && line[len - 1] == '\r') {
            len--;
        }
        lineNo++;
        int off = 0;
        if (first) {
            first = false;
            if (len >= 3 && (line[0] & 0xFF) == 0xEF && (line[1] & 0xFF) == 0xBB && (line[2] & 0xFF) == 0xBF) {
                off = 3;
            }
        }
        return decode(off, len - off);
    }

    private void append(int start, int n, int len) {
        if (len + n > line.length) {
            int cap = line.length;
            while (cap < len + n) {
                cap *= 2;
            }
            byte[] grown = new byte[Math.min(cap, maxLineBytes)];
            System.arraycopy(line, 0, grown, 0, len);
            line = grown;
        }
        System.arraycopy(buf, start, line, len, n);
    }

    private String decode(int off, int n) {
        boolean ascii = true;
        for (int i = off; i < off + n; i++) {
            if (line[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(line, off, n, StandardCharsets.ISO_8859_1);
        }
        try {
            CharBuffer cb = strict.reset().decode(ByteBuffer.wrap(line, off, n));
            return cb.toString();
        } catch (CharacterCodingException e) {
            invalidLines++;
            return new String(line, off, n, StandardCharsets.UTF_8);
        }
    }

    long lineNumber() {
        return lineNo;
    }

    long invalidLines() {
        return invalidLines;
    }

    long splitLines() {
        return splitLines;
    }

    long bytesRead() {
        return bytesRead;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
