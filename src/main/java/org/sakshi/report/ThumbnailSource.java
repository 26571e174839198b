package org.sakshi.report;

import java.io.IOException;
import java.util.Optional;
import org.sakshi.core.Item;

/** The thumbnail of an item as PNG (or JPEG) bytes, when one was derived at import. */
@FunctionalInterface
public interface ThumbnailSource {
    ThumbnailSource NONE = item -> Optional.empty();

    Optional<byte[]> thumbnail(Item item) throws IOException;
}
