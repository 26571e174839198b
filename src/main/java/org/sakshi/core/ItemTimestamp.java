package org.sakshi.core;

import java.time.Instant;

/** An item's import time-stamp: status, the TSA's genTime and the TSA's name (null unless granted). */
public record ItemTimestamp(TimestampStatus status, Instant time, String tsa) {
    public static final ItemTimestamp NONE = new ItemTimestamp(TimestampStatus.NONE, null, null);
    public static final ItemTimestamp PENDING = new ItemTimestamp(TimestampStatus.PENDING, null, null);
}
