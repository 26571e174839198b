package org.sakshi.core;

import java.util.Locale;

/** Order of day, month and year in a chat export's dates; CLI and JSON use {@code dmy|mdy|ymd}. */
public enum DateOrder {
    DMY, MDY, YMD;

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DateOrder fromJson(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
