package org.sakshi.ingest.chat;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes read from an inflating stream and fails with {@link InflationCapException} once
 * more than {@code limit} bytes come out: the zip-bomb guard. Nothing is buffered here, so memory
 * stays flat whatever the member claims to hold.
 */
final class CappedInputStream extends FilterInputStream {
    private final long limit;
    private final String what;
    private long count;

    CappedInputStream(InputStream in, long limit, String what) {
        super(in);
        this.limit = limit;
        this.what = what;
    }

    private void add(long n) throws InflationCapException {
        count += n;
        if (count > limit) {
            throw new InflationCapException(what + " inflates to more than " + limit
                    + " bytes (zip-bomb cap); reading stopped there");
        }
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            add(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            add(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long s = super.skip(n);
        if (s > 0) {
            add(s);
        }
        return s;
    }
}
