package org.sakshi.ui.common;

import java.util.List;
import org.sakshi.app.AppContext;
import org.sakshi.core.TimestampSource;

/** The time-stamp authorities the operator configured (Settings.tsaUrls), as sources to ask in order. */
public final class Tsas {
    private Tsas() {
    }

    public static List<TimestampSource> from(AppContext app, List<String> urls) {
        return urls == null ? List.of() : urls.stream().filter(u -> u != null && !u.isBlank()).map(app::tsa).toList();
    }
}
