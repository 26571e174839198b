package org.sakshi.storage;

/** One file of a folder item: path inside the folder, size, SHA-256, vault blob (relative). */
public record EntryRow(String path, long size, String sha256, String blob) {
}
