package org.sakshi.service;

import java.nio.file.Path;
import java.util.List;
import org.sakshi.core.FolderEntry;
import org.sakshi.core.Item;

/** An item opened for viewing: the record, its read-only vault file (null for a folder) or entries. */
public record ItemView(Item item, Path content, List<FolderEntry> entries) {
}
