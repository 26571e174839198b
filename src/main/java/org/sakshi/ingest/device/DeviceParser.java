package org.sakshi.ingest.device;

import java.io.IOException;
import org.sakshi.core.CancelFlag;
import org.sakshi.core.ItemKind;
import org.sakshi.ingest.ParseInput;
import org.sakshi.ingest.ParseResult;
import org.sakshi.ingest.Parser;
import org.sakshi.ingest.RecordSink;

/** Parser for device dumps: tar, zip, folders, raw images and EWF/E01 (issue 3). Not yet implemented: claims nothing. */
public final class DeviceParser implements Parser {
    @Override
    public ItemKind detect(ParseInput input) throws IOException {
        return null;
    }

    @Override
    public ParseResult parse(ParseInput input, RecordSink sink, CancelFlag cancel) throws IOException {
        return ParseResult.plain(ItemKind.FILE, java.util.List.of());
    }
}
