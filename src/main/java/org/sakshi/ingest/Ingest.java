package org.sakshi.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.sakshi.core.AmbiguousDateOrderException;
import org.sakshi.core.CancelFlag;
import org.sakshi.core.CancelledException;
import org.sakshi.core.ItemKind;
import org.sakshi.ingest.chat.ChatParser;
import org.sakshi.ingest.device.DeviceParser;
import org.sakshi.ingest.image.ImageParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kind detection and dispatch. Parsers are asked in a fixed order (chat, image, device): a zip
 * holding a WhatsApp chat text is a chat, any other zip a device dump. A parser that fails is
 * contained here: the item is kept as a plain file with a warning saying what failed.
 */
public final class Ingest {
    private static final Logger LOG = LoggerFactory.getLogger(Ingest.class);

    private final List<Parser> parsers;

    public Ingest() {
        this(List.of(new ChatParser(), new ImageParser(), new DeviceParser()));
    }

    public Ingest(List<Parser> parsers) {
        this.parsers = List.copyOf(parsers);
    }

    /** The kind of the input: the forced kind when given, else the first parser that claims it, else FILE. */
    public ItemKind detect(ParseInput input) {
        if (input.options().forcedKind() != null) {
            return input.options().forcedKind();
        }
        for (Parser p : parsers) {
            try {
                ItemKind k = p.detect(input);
                if (k != null) {
                    return k;
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("kind detection by {} failed for {}", p.getClass().getSimpleName(), input.name(), e);
            }
        }
        return ItemKind.FILE;
    }

    /** Detects and parses; never throws for bad content. */
    public ParseResult parse(ParseInput input, RecordSink sink, CancelFlag cancel)
            throws AmbiguousDateOrderException, CancelledException, IOException {
        if (input.file() != null && java.nio.file.Files.size(input.file()) == 0) {
            ItemKind k = input.options().forcedKind() == null ? ItemKind.FILE : input.options().forcedKind();
            return ParseResult.plain(k, List.of("the file is empty (0 bytes); it is kept and hashed as is"));
        }
        ItemKind kind;
        Parser chosen = null;
        if (input.options().forcedKind() == null) {
            // one pass: the first parser that claims the input is the one detect() would name (each parser's
            // detection looks at the content once, not twice: on a folder of 100,000 files it walks the listing)
            kind = ItemKind.FILE;
            for (Parser p : parsers) {
                ItemKind k;
                try {
                    k = p.detect(input);
                } catch (IOException | RuntimeException e) {
                    LOG.warn("kind detection by {} failed for {}", p.getClass().getSimpleName(), input.name(), e);
                    k = null;
                }
                if (k != null) {
                    kind = k;
                    chosen = p;
                    break;
                }
            }
        } else {
            kind = input.options().forcedKind();
        }
        if (kind == ItemKind.FILE) {
            return ParseResult.plain(ItemKind.FILE, List.of());
        }
        for (Parser p : chosen != null ? List.<Parser>of() : parsers) {
            ItemKind k;
            try {
                k = p.detect(input.options().forcedKind() == null ? input
                        : new ParseInput(input.name(), input.file(), input.entries(), input.options().withKind(null)));
            } catch (IOException | RuntimeException e) {
                k = null;
            }
            if (k == kind || (input.options().forcedKind() != null && handles(p, kind))) {
                chosen = p;
                break;
            }
        }
        if (chosen == null) {
            return ParseResult.plain(kind, List.of("no parser understood this content as " + kind.json()
                    + "; it is kept and hashed as a file"));
        }
        try {
            return chosen.parse(input, sink, cancel);
        } catch (AmbiguousDateOrderException | CancelledException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // hostile content may exhaust a parser's stack or heap; the stack is unwound here and the
            // parser's garbage is unreachable, so the item is kept as a plain file with a warning
            LOG.warn("parser {} failed on {}", chosen.getClass().getSimpleName(), input.name(), e);
            List<String> w = new ArrayList<>();
            w.add("could not be parsed as " + kind.json() + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); it is kept and hashed as is");
            return ParseResult.plain(kind, w);
        }
    }

    private static boolean handles(Parser p, ItemKind kind) {
        return switch (kind) {
            case CHAT -> p instanceof ChatParser;
            case SCREENSHOT -> p instanceof ImageParser;
            case DEVICE -> p instanceof DeviceParser;
            case FILE -> false;
        };
    }
}
