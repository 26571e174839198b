package org.sakshi.ingest;

import java.io.IOException;
import org.sakshi.core.AmbiguousDateOrderException;
import org.sakshi.core.CancelFlag;
import org.sakshi.core.CancelledException;
import org.sakshi.core.ItemKind;

/**
 * A parser for one family of evidence. Parsers are pure functions of the bytes they are given:
 * they never write files, never follow links, never extract archives to disk.
 */
public interface Parser {
    /**
     * Looks at the content (magic bytes, archive listing, JSON shape; the name only as a hint) and
     * says which kind this parser would make of it, or null when it is not for this parser.
     * Must be cheap and must not throw for bad content.
     */
    ItemKind detect(ParseInput input) throws IOException;

    /**
     * Parses the input. Bad content never throws: the result carries warnings and whatever could
     * be read. Throws only when the user must decide something, on cancellation, or when the
     * vault copy itself cannot be read.
     */
    ParseResult parse(ParseInput input, RecordSink sink, CancelFlag cancel)
            throws AmbiguousDateOrderException, CancelledException, IOException;
}
