package org.sakshi.core;

import java.util.Locale;

/** The one byte-size formatter: binary units, as forensic tools print them, for every face and the PDFs. */
public final class ByteSize {
    private static final String[] UNITS = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    private ByteSize() {
    }

    /** 1023 B, 1.00 KiB, 1.50 KiB, 12.3 MiB, 4.00 GiB: three significant digits below 10, else one decimal. */
    public static String format(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < UNITS.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, v < 10 ? "%.2f %s" : "%.1f %s", v, UNITS[u]);
    }

    /** The exact count with the short form, for reports: {@code 1,536 bytes (1.50 KiB)}; {@code 12 bytes}. */
    public static String withExactBytes(long bytes) {
        String exact = String.format(Locale.ROOT, "%,d bytes", bytes);
        return bytes < 1024 ? exact : exact + " (" + format(bytes) + ")";
    }
}
