package org.sakshi.service;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sakshi.core.CustodyEvent;
import org.sakshi.core.SakshiException;
import org.sakshi.core.ledger.EventCodec;
import org.sakshi.storage.CaseStore;

/**
 * Reads a custody ledger a page at a time, for views of ledgers too large to hold (a million
 * events is a few gigabytes as objects). A {@link Listing} says how many events a {@link Query}
 * selects and where each page of them begins (one seq per page, so a million events cost a few
 * kilobytes); {@link #page} then reads one page by seq (keyset paging, never OFFSET). Reading
 * records nothing in the ledger.
 */
public final class LedgerPages {
    private final CaseAccess access;

    LedgerPages(CaseAccess access) {
        this.access = access;
    }

    /**
     * Which events to list: one type, one item or only case-level events ({@code caseLevel}), and
     * events whose officer's name contains {@code actor} (case-insensitive); null or blank = any.
     */
    public record Query(String type, String itemId, boolean caseLevel, String actor) {
        public static final Query ALL = new Query(null, null, false, null);

        public Query {
            type = blankToNull(type);
            itemId = caseLevel ? null : blankToNull(itemId);
            actor = blankToNull(actor);
        }

        /** True when nothing is filtered. */
        public boolean all() {
            return type == null && itemId == null && !caseLevel && actor == null;
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s.strip();
        }
    }

    /**
     * The ledger as a whole ({@code total} events, the last one, the types it holds, the case's item ids) and
     * what the query selects: {@code count} events, page {@code k} starting at seq {@code pageStarts[k]}.
     */
    public record Listing(Query query, long total, CustodyEvent last, List<String> types, List<String> itemIds,
                          long count, int pageSize, long[] pageStarts) {
        /** The seq at which page {@code page} begins. */
        public long pageStart(int page) {
            return pageStarts[page];
        }
    }

    /** Counts what the query selects and where its pages begin; with the ledger's totals for the view. */
    public Listing list(Path caseDir, Query q, int pageSize) throws SakshiException {
        if (pageSize < 1) {
            throw new IllegalArgumentException("page size " + pageSize);
        }
        try (CaseStore s = access.read(caseDir)) {
            long[] bounds = s.eventBounds();
            List<CustodyEvent> last = s.lastEvents(1);
            List<String> types = s.eventTypes();
            // the case's item ids (each has its import event): the events table has no index to list its own quickly
            List<String> items = s.itemIds().stream().sorted(java.util.Comparator.comparingLong(LedgerPages::number)
                    .thenComparing(java.util.Comparator.naturalOrder())).toList();
            long total = bounds[0];
            if (q.all() && total > 0 && bounds[2] - bounds[1] + 1 == total) {
                // the usual ledger: seqs without gaps, so every page start is known without reading
                long[] starts = new long[(int) ((total + pageSize - 1) / pageSize)];
                for (int k = 0; k < starts.length; k++) {
                    starts[k] = bounds[1] + (long) k * pageSize;
                }
                return new Listing(q, total, last.isEmpty() ? null : last.get(0), types, items, total, pageSize, starts);
            }
            long[] count = {0};
            LongList starts = new LongList();
            ActorMatch actor = new ActorMatch(q.actor());
            s.forEachEvent(0, q.type(), q.itemId(), q.caseLevel(), 0, actor.active(), (seq, json) -> {
                if (actor.matches(json)) {
                    if (count[0] % pageSize == 0) {
                        starts.add(seq);
                    }
                    count[0]++;
                }
                return true;
            });
            return new Listing(q, total, last.isEmpty() ? null : last.get(0), types, items, count[0], pageSize,
                    starts.toArray());
        }
    }

    /** Up to {@code limit} events the query selects, from seq {@code fromSeq} on, in seq order. */
    public List<CustodyEvent> page(Path caseDir, Query q, long fromSeq, int limit) throws SakshiException {
        List<CustodyEvent> out = new ArrayList<>(Math.max(0, Math.min(limit, 10_000)));
        ActorMatch actor = new ActorMatch(q.actor());
        try (CaseStore s = access.read(caseDir)) {
            s.forEachEvent(fromSeq, q.type(), q.itemId(), q.caseLevel(), actor.active() ? 0 : limit, true,
                    (seq, json) -> {
                        if (actor.matches(json)) {
                            out.add(EventCodec.parseLine(json));
                        }
                        return out.size() < limit;
                    });
        }
        return out;
    }

    /** Every event the query selects, in seq order (for small selections, such as one item's events). */
    public List<CustodyEvent> events(Path caseDir, Query q) throws SakshiException {
        return page(caseDir, q, 0, Integer.MAX_VALUE);
    }

    private static long number(String itemId) {
        try {
            return Long.parseLong(itemId.substring(1));
        } catch (RuntimeException e) {
            return Long.MAX_VALUE;
        }
    }

    /** The officer-name test on a stored line, with a cheap test on the raw text before parsing it. */
    private static final class ActorMatch {
        private final String want;
        private final boolean quick;

        ActorMatch(String actor) {
            this.want = actor == null ? null : actor.toLowerCase(Locale.ROOT);
            // JSON escapes only quotes, backslashes and control characters: a text without them appears
            // in the stored line as it is in the name, so a line that does not contain it cannot match
            this.quick = want != null && want.chars().noneMatch(c -> c == '"' || c == '\\' || c < 0x20);
        }

        boolean active() {
            return want != null;
        }

        boolean matches(String json) {
            if (want == null) {
                return true;
            }
            if (quick && !json.toLowerCase(Locale.ROOT).contains(want)) {
                return false;
            }
            CustodyEvent e = EventCodec.parseLine(json);
            String name = e.actor() == null ? "" : e.actor().name();
            return name.toLowerCase(Locale.ROOT).contains(want);
        }
    }

    /** A growing array of longs. */
    private static final class LongList {
        private long[] a = new long[64];
        private int n;

        void add(long v) {
            if (n == a.length) {
                a = java.util.Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        long[] toArray() {
            return java.util.Arrays.copyOf(a, n);
        }
    }
}
