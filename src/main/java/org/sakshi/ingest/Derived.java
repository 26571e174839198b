package org.sakshi.ingest;

/** A file derived from an item by its parser (a thumbnail PNG, for example). */
public record Derived(String name, String mediaType, byte[] content) {
}
