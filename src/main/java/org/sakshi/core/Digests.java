package org.sakshi.core;

import java.util.Objects;

/** SHA-256, SHA-1 and MD5 of one byte stream, lower-case hex. */
public record Digests(String sha256, String sha1, String md5) {
    public Digests {
        check(sha256, 64, "sha256");
        check(sha1, 40, "sha1");
        check(md5, 32, "md5");
    }

    private static void check(String v, int len, String name) {
        Objects.requireNonNull(v, name);
        if (v.length() != len || !lowerHex(v)) {
            throw new IllegalArgumentException(name + " must be " + len + " lower-case hex digits: " + v);
        }
    }

    /** Made for every file of a folder: a plain loop, not a regex matcher. */
    private static boolean lowerHex(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
                return false;
            }
        }
        return true;
    }
}
