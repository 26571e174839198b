package org.sakshi.ingest;

import java.time.ZoneId;
import org.sakshi.core.DateOrder;
import org.sakshi.core.ItemKind;

/**
 * Options for detection and parsing.
 *
 * @param forcedKind     the kind the user chose ({@code --kind}), or null for detection from content
 * @param zone           the phone's time zone for chat wall-clock times
 * @param dateOrder      the chat date order the user chose, or null to infer it from the whole file
 * @param maxImagePixels images whose header claims more pixels are not decoded (decompression bombs)
 * @param maxInflatedBytes cap on bytes inflated from any one archive member or archive
 * @param maxRatio       cap on the inflated/compressed ratio of an archive member
 */
public record ParseOptions(ItemKind forcedKind, ZoneId zone, DateOrder dateOrder, long maxImagePixels,
                           long maxInflatedBytes, long maxRatio) {
    public static ParseOptions defaults(ZoneId zone) {
        return new ParseOptions(null, zone, null, 100_000_000L, 8L << 30, 1000);
    }

    public ParseOptions withKind(ItemKind k) {
        return new ParseOptions(k, zone, dateOrder, maxImagePixels, maxInflatedBytes, maxRatio);
    }

    public ParseOptions withDateOrder(DateOrder d) {
        return new ParseOptions(forcedKind, zone, d, maxImagePixels, maxInflatedBytes, maxRatio);
    }
}
