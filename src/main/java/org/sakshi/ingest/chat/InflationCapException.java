package org.sakshi.ingest.chat;

import java.io.IOException;

/** An archive member inflated past the cap of {@link org.sakshi.ingest.ParseOptions} (zip bomb guard). */
final class InflationCapException extends IOException {
    InflationCapException(String message) {
        super(message);
    }
}
