package org.sakshi.core;

/** Seizure details of an item (docs/cli.md#json-of-an-item "source"); every part may be null. */
public record SourceDetails(String text, String deviceMake, String deviceModel, String deviceSerial,
                            String deviceImei, String location) {
    public static final SourceDetails NONE = new SourceDetails(null, null, null, null, null, null);
}
