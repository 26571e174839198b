package org.sakshi.service;

import java.nio.file.Path;

/** A file a parser derived from an item (e.g. {@code thumbnail.png}): name, media type, where it is, SHA-256, size. */
public record DerivedFile(String name, String mediaType, Path file, String sha256, long size) {
}
