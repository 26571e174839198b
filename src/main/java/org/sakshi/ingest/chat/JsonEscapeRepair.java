package org.sakshi.ingest.chat;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Telegram Desktop writes control characters inside JSON strings as {@code \xHH}, which RFC 8259
 * §7 does not allow (only {@code \" \\ \/ \b \f \n \r \t &#92;uXXXX}). This stream rewrites each
 * {@code \xHH} to the equivalent {@code &#92;u00HH} on the fly, byte by byte, so a JSON parser can read
 * the export without it ever being held in memory. Escape pairs are consumed as pairs, so an
 * escaped backslash followed by {@code x} ({@code \\x41}) is left alone.
 */
final class JsonEscapeRepair extends FilterInputStream {
    private final byte[] buf = new byte[64 * 1024];
    private int pos;
    private int lim;
    private final byte[] pending = new byte[6];
    private int pendingPos;
    private int pendingLim;
    private long repairs;

    JsonEscapeRepair(InputStream in) {
        super(in);
    }

    long repairs() {
        return repairs;
    }

    private int next() throws IOException {
        if (pos >= lim) {
            lim = in.read(buf, 0, buf.length);
            pos = 0;
            if (lim <= 0) {
                lim = 0;
                return -1;
            }
        }
        return buf[pos++] & 0xFF;
    }

    @Override
    public int read() throws IOException {
        if (pendingPos < pendingLim) {
            return pending[pendingPos++] & 0xFF;
        }
        int c = next();
        if (c != '\\') {
            return c;
        }
        int d = next();
        if (d < 0) {
            return c;
        }
        pendingPos = 0;
        if (d == 'x') {
            repairs++;
            pending[0] = 'u';
            pending[1] = '0';
            pending[2] = '0';
            pendingLim = 3;
        } else {
            pending[0] = (byte) d;
            pendingLim = 1;
        }
        return c;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        int n = 0;
        while (n < len) {
            if (pendingPos >= pendingLim && pos >= lim && n > 0) {
                break;
            }
            int c = read();
            if (c < 0) {
                break;
            }
            b[off + n++] = (byte) c;
        }
        return n == 0 ? -1 : n;
    }

    @Override
    public long skip(long n) throws IOException {
        long s = 0;
        while (s < n && read() >= 0) {
            s++;
        }
        return s;
    }

    @Override
    public int available() {
        return (pendingLim - pendingPos) + (lim - pos);
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
