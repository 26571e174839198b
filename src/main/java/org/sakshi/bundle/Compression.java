package org.sakshi.bundle;

import java.util.Locale;
import java.util.Set;

/**
 * Which ZIP method an entry gets (docs/bundle-format.md#container): text is DEFLATED; everything
 * else, in particular already-compressed media (images, video, audio, zip, E01), is STORED so that
 * large evidence streams through at disk speed and any ZIP tool can extract it.
 */
public final class Compression {
    private static final Set<String> TEXT = Set.of("txt", "json", "jsonl", "csv", "tsv", "xml", "html", "htm",
            "pem", "md", "log", "vcf", "ics", "srt", "yaml", "yml", "ini", "cfg", "plist", "tagmanifest");

    private Compression() {
    }

    /** True when the entry should be DEFLATED. */
    public static boolean deflate(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot >= 0 && TEXT.contains(name.substring(dot + 1));
    }
}
