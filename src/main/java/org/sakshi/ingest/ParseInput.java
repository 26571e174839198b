package org.sakshi.ingest;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.sakshi.core.FolderEntry;

/**
 * What a parser reads: a single file ({@code file}) or a folder ({@code entries}), never the
 * original source; always the read-only vault copy. {@code name} is the original file or folder name.
 */
public record ParseInput(String name, Path file, List<FolderEntry> entries, ParseOptions options) {
    public ParseInput {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(options, "options");
        if ((file == null) == (entries == null)) {
            throw new IllegalArgumentException("exactly one of file and entries must be given");
        }
        entries = entries == null ? null : List.copyOf(entries);
    }

    public boolean isFolder() {
        return entries != null;
    }

    public static ParseInput ofFile(String name, Path file, ParseOptions options) {
        return new ParseInput(name, file, null, options);
    }

    public static ParseInput ofFolder(String name, List<FolderEntry> entries, ParseOptions options) {
        return new ParseInput(name, null, entries, options);
    }
}
