package org.sakshi.ui.common;

import java.util.List;
import org.sakshi.core.InputException;
import org.sakshi.core.TimestampSource;
import org.sakshi.service.TimestampService;

/** The time-stamp authorities the operator configured (Settings.tsaUrls), as sources to ask in order. */
public final class Tsas {
    private Tsas() {
    }

    /** @throws IllegalArgumentException a configured address is not a URL (the message says which) */
    public static List<TimestampSource> from(TimestampService timestamps, List<String> urls) {
        try {
            return timestamps.sources(urls);
        } catch (InputException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
