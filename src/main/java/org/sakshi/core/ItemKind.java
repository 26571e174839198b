package org.sakshi.core;

import java.util.Locale;

/** What an evidence item is; JSON uses the lower-case name ({@code screenshot|chat|device|file}). */
public enum ItemKind {
    SCREENSHOT, CHAT, DEVICE, FILE;

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ItemKind fromJson(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
