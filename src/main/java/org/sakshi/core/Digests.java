package org.sakshi.core;

import java.util.Objects;
import java.util.regex.Pattern;

/** SHA-256, SHA-1 and MD5 of one byte stream, lower-case hex. */
public record Digests(String sha256, String sha1, String md5) {
    private static final Pattern HEX = Pattern.compile("[0-9a-f]+");

    public Digests {
        check(sha256, 64, "sha256");
        check(sha1, 40, "sha1");
        check(md5, 32, "md5");
    }

    private static void check(String v, int len, String name) {
        Objects.requireNonNull(v, name);
        if (v.length() != len || !HEX.matcher(v).matches()) {
            throw new IllegalArgumentException(name + " must be " + len + " lower-case hex digits: " + v);
        }
    }
}
