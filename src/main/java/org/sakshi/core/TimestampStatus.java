package org.sakshi.core;

import java.util.Locale;

/** Time-stamp state of an item: {@code granted|pending|none}. */
public enum TimestampStatus {
    GRANTED, PENDING, NONE;

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
