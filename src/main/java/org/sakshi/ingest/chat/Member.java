package org.sakshi.ingest.chat;

/**
 * One file of a chat export (zip member or folder entry): its path as stored ({@code /}-separated),
 * size in bytes and SHA-256 (lower-case hex), or a null hash when it could not be read in full
 * (zip-bomb cap, corrupt data: a warning says which).
 */
record Member(String path, long size, String sha256) {
    String baseName() {
        int i = path.lastIndexOf('/');
        return i < 0 ? path : path.substring(i + 1);
    }
}
