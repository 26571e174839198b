package org.sakshi.core;

import java.nio.file.Path;

/**
 * One regular file of a folder item: its path inside the folder ({@code /}-separated, no leading
 * slash), the file holding its bytes (the read-only vault blob), size and SHA-256.
 */
public record FolderEntry(String path, Path blob, long size, String sha256) {
}
