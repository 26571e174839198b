package org.sakshi.vault;

import java.io.IOException;
import java.nio.file.Path;
import org.sakshi.hashing.ByteSink;

/** Opens the sink that writes a new vault temp file. Tests inject one that fails (disk full). */
@FunctionalInterface
public interface SinkFactory {
    SinkFactory DIRECT = file -> new DirectFileSink(file, true);
    SinkFactory BUFFERED = file -> new DirectFileSink(file, false);

    ByteSink open(Path file) throws IOException;
}
