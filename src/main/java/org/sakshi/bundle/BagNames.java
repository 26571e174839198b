package org.sakshi.bundle;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Unique bag paths inside one folder of a bag (an item's {@code data/evidence/<ID>/} or
 * {@code data/derived/<ID>/}). Names are cleaned by {@link BagPath#safeFileName}, so two original
 * names can meet ({@code x%y} and {@code x_y}); and two names differing only in case or Unicode
 * normal form collide on case-insensitive file systems and are refused by the verifier's ZIP screen.
 * The first path to claim a name keeps it; a later one gets {@code ~2}, {@code ~3} ... before the
 * extension of the colliding segment ({@code x_y~2.txt}). A file never takes the name of a folder
 * and a folder never the name of a file. Call in a fixed order (sorted original paths) so an
 * export of the same case always gives the same paths; the original names stay in case.json.
 */
public final class BagNames {
    private final Set<String> files = new HashSet<>();
    private final Set<String> dirs = new HashSet<>();

    /**
     * Claims a path made of already-cleaned segments separated by '/', and returns it, with a
     * {@code ~N} suffix on any segment that would collide.
     */
    public String claim(String cleanedPath) {
        String[] segs = cleanedPath.split("/");
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < segs.length; i++) {
            boolean last = i == segs.length - 1;
            String seg = segs[i];
            String candidate = seg;
            for (int n = 2; ; n++) {
                String p = prefix.isEmpty() ? candidate : prefix + "/" + candidate;
                String k = key(p);
                boolean taken = last ? files.contains(k) || dirs.contains(k) : files.contains(k);
                if (!taken) {
                    break;
                }
                candidate = suffixed(seg, n, last);
            }
            if (!prefix.isEmpty()) {
                prefix.append('/');
            }
            prefix.append(candidate);
            if (last) {
                files.add(key(prefix.toString()));
            } else {
                dirs.add(key(prefix.toString()));
            }
        }
        return prefix.toString();
    }

    /** {@code name~n.ext} for a file (the extension after the last dot, not a leading dot), {@code name~n} for a folder. */
    static String suffixed(String seg, int n, boolean file) {
        int dot = file ? seg.lastIndexOf('.') : -1;
        if (dot <= 0) {
            return seg + "~" + n;
        }
        return seg.substring(0, dot) + "~" + n + seg.substring(dot);
    }

    /** The collision key: NFC, then case-folded. */
    static String key(String path) {
        return Normalizer.normalize(path, Normalizer.Form.NFC).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }
}
