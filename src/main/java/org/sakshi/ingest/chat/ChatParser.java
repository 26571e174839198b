package org.sakshi.ingest.chat;

import java.io.IOException;
import org.sakshi.core.CancelFlag;
import org.sakshi.core.ItemKind;
import org.sakshi.ingest.ParseInput;
import org.sakshi.ingest.ParseResult;
import org.sakshi.ingest.Parser;
import org.sakshi.ingest.RecordSink;

/** Parser for WhatsApp, Telegram and Messenger/Instagram exports (issue 3). Not yet implemented: claims nothing. */
public final class ChatParser implements Parser {
    @Override
    public ItemKind detect(ParseInput input) throws IOException {
        return null;
    }

    @Override
    public ParseResult parse(ParseInput input, RecordSink sink, CancelFlag cancel) throws IOException {
        return ParseResult.plain(ItemKind.FILE, java.util.List.of());
    }
}
