package org.sakshi.timestamp;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.sakshi.core.TimestampException;
import org.sakshi.core.TimestampSource;
import org.sakshi.core.TimestampToken;

/**
 * Asks several configured TSAs (per case and per user) for the same imprint. Every TSA is asked;
 * the ones that fail are reported, never thrown, so that import itself never fails because of
 * time-stamping (docs/cli.md#import: the item then stays {@code pending}).
 */
public final class TimestampSources {
    private TimestampSources() {
    }

    /** The tokens obtained (in the order of the sources) and one sentence per TSA that failed. */
    public record Outcome(List<TimestampToken> tokens, List<String> failures) {
        public Outcome {
            tokens = List.copyOf(tokens);
            failures = List.copyOf(failures);
        }

        /** True when at least one TSA answered. */
        public boolean granted() {
            return !tokens.isEmpty();
        }
    }

    /** HTTP sources for the given URLs with the default time-outs (10 s connect, 30 s read). */
    public static List<TimestampSource> http(List<URI> urls) {
        List<TimestampSource> out = new ArrayList<>();
        for (URI u : urls) {
            out.add(new HttpTimestampSource(u, Duration.ofSeconds(10), Duration.ofSeconds(30)));
        }
        return out;
    }

    /** Asks every source in turn for a token over {@code sha256}. */
    public static Outcome stampAll(List<? extends TimestampSource> sources, byte[] sha256) {
        List<TimestampToken> tokens = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (TimestampSource s : sources) {
            try {
                tokens.add(s.stamp(sha256));
            } catch (TimestampException e) {
                failures.add(e.getMessage());
            }
        }
        return new Outcome(tokens, failures);
    }
}
