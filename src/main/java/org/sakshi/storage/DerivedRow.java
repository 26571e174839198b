package org.sakshi.storage;

/** A file derived from an item by its parser, kept under {@code derived/<item>/<name>}. */
public record DerivedRow(String itemId, String name, String mediaType, String sha256, long size) {
}
