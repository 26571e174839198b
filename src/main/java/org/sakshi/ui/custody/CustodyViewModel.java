package org.sakshi.ui.custody;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.sakshi.core.Actor;
import org.sakshi.core.CustodyEvent;
import org.sakshi.core.InputException;
import org.sakshi.core.SakshiException;
import org.sakshi.service.CustodyService;
import org.sakshi.service.LedgerPages;
import org.sakshi.service.LedgerStatus;
import org.sakshi.service.TransferRequest;
import org.sakshi.ui.common.Formats;
import org.sakshi.ui.common.Messages;
import org.sakshi.ui.common.PagedList;

/**
 * The custody view's logic: the ledger a page at a time (a million events are never all in memory:
 * {@link #visible()} reads the rows the table shows), filters by item, actor and type (null or blank =
 * all; applied by the database for a case, see {@link LedgerPages}), chain verification with its
 * status sentence, Transfer, Note and CSV export.
 */
public final class CustodyViewModel {
    /** Events read at a time. */
    public static final int PAGE = 200;

    private final Path caseDir;
    private final CustodyService custody;
    private final ObjectProperty<PagedList<CustodyEvent>> visible = new SimpleObjectProperty<>(
            new PagedList<>(0, PAGE, (f, n) -> List.of(), null));
    private final StringProperty itemFilter = new SimpleStringProperty("");
    private final StringProperty actorFilter = new SimpleStringProperty("");
    private final StringProperty typeFilter = new SimpleStringProperty("");
    private final ObjectProperty<LedgerStatus> status = new SimpleObjectProperty<>();
    private final ObjectProperty<Instant> checkedAt = new SimpleObjectProperty<>();
    private final BooleanProperty stale = new SimpleBooleanProperty(false);
    private final ObjectProperty<Exception> pageError = new SimpleObjectProperty<>();
    private LedgerPages.Listing listing;
    private List<CustodyEvent> inMemory;
    private Runnable onQueryChanged = () -> { };

    public CustodyViewModel(Path caseDir, CustodyService custody) {
        this.caseDir = caseDir;
        this.custody = custody;
        itemFilter.addListener((o, a, b) -> refilter());
        actorFilter.addListener((o, a, b) -> refilter());
        typeFilter.addListener((o, a, b) -> refilter());
    }

    /** Called (FX thread) when a filter changes and the ledger must be listed again ({@link #fetch()} then {@link #show}). */
    public void setOnQueryChanged(Runnable r) {
        this.onQueryChanged = r == null ? () -> { } : r;
    }

    private void refilter() {
        if (inMemory != null) {
            show(inMemory);
        } else {
            onQueryChanged.run();
        }
    }

    /** The query the filters describe now; the item filter's "case" word selects case-level events. */
    public LedgerPages.Query query() {
        String item = itemFilter.get() == null ? "" : itemFilter.get().strip();
        boolean caseLevel = item.equalsIgnoreCase(Messages.get("custody.filter.caseLevel"));
        return new LedgerPages.Query(typeFilter.get(), caseLevel ? null : item, caseLevel, actorFilter.get());
    }

    /**
     * Item: the event's item id equals the filter (case-insensitive), or "case" selects case-level
     * events; actor: the actor's name contains it; type: equals it.
     */
    public static boolean matches(CustodyEvent e, String item, String actor, String type) {
        if (item != null && !item.isBlank()) {
            String want = item.strip();
            boolean caseLevel = want.equalsIgnoreCase(Messages.get("custody.filter.caseLevel")) && e.itemId() == null;
            if (!caseLevel && (e.itemId() == null || !e.itemId().equalsIgnoreCase(want))) {
                return false;
            }
        }
        if (actor != null && !actor.isBlank()) {
            String name = e.actor() == null ? "" : e.actor().name();
            if (!name.toLowerCase(Locale.ROOT).contains(actor.strip().toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return type == null || type.isBlank() || e.type().equals(type.strip());
    }

    /** Lists the ledger for the current filters: counts and page starts, no rows (worker thread). */
    public LedgerPages.Listing fetch() throws SakshiException {
        return fetch(query());
    }

    /** Lists the ledger for {@code q} (worker thread; take the query on the FX thread). */
    public LedgerPages.Listing fetch(LedgerPages.Query q) throws SakshiException {
        return custody.pages().list(caseDir, q, PAGE);
    }

    /** Shows a listing (FX thread): the table reads its rows page by page from the case as it scrolls. */
    public void show(LedgerPages.Listing l) {
        inMemory = null;
        listing = l;
        LedgerPages pages = custody.pages();
        visible.set(new PagedList<>((int) Math.min(Integer.MAX_VALUE - 8, l.count()), PAGE,
                (from, n) -> pages.page(caseDir, l.query(), l.pageStart(from / PAGE), n), pageError::set));
        LedgerStatus s = status.get();
        if (s != null && changedSince(s, l.total(), l.last() == null ? null : l.last().hash())) {
            stale.set(true);
        }
    }

    /** Shows events held in memory (FX thread), filtered here; for small ledgers and tests. */
    public void show(List<CustodyEvent> list) {
        List<CustodyEvent> all = List.copyOf(list);
        List<CustodyEvent> shown = all.stream()
                .filter(e -> matches(e, itemFilter.get(), actorFilter.get(), typeFilter.get())).toList();
        listing = new LedgerPages.Listing(query(), all.size(), all.isEmpty() ? null : all.get(all.size() - 1),
                List.copyOf(new TreeSet<>(all.stream().map(CustodyEvent::type).toList())),
                List.copyOf(new TreeSet<>(all.stream().map(CustodyEvent::itemId).filter(Objects::nonNull).toList())),
                shown.size(), PAGE, new long[0]);
        inMemory = all;
        visible.set(new PagedList<>(shown.size(), PAGE, (from, n) -> shown.subList(from, from + n), pageError::set));
        LedgerStatus s = status.get();
        if (s != null && changedSince(s, all.size(), all.isEmpty() ? null : all.get(all.size() - 1).hash())) {
            stale.set(true);
        }
    }

    /** True when the ledger shown is not the one the status was computed on (events were added since). */
    static boolean changedSince(LedgerStatus s, long count, String lastHash) {
        if (count != s.events()) {
            return true;
        }
        return s.intact() && s.head() != null && lastHash != null && !s.head().equals(lastHash);
    }

    /** The row of the event with this seq among the visible ones, reading only its page; -1 when not shown. */
    public int indexOfSeq(long seq) {
        PagedList<CustodyEvent> v = visible.get();
        if (inMemory != null || listing == null) {
            for (int i = 0; i < v.size(); i++) {
                if (v.get(i) != null && v.get(i).seq() == seq) {
                    return i;
                }
            }
            return -1;
        }
        long[] starts = listing.pageStarts();
        int k = java.util.Arrays.binarySearch(starts, seq);
        int page = k >= 0 ? k : -k - 2;
        if (page < 0) {
            return -1;
        }
        for (int i = page * PAGE; i < Math.min(v.size(), (page + 1) * PAGE); i++) {
            CustodyEvent e = v.get(i);
            if (e != null && e.seq() == seq) {
                return i;
            }
        }
        return -1;
    }

    /** Records a chain check made at {@code at} (FX thread): the banner shows it, no longer stale. */
    public void checked(LedgerStatus s, Instant at) {
        // the new status first: a banner redrawn in between never shows the old verdict as current
        status.set(s);
        checkedAt.set(at);
        stale.set(false);
    }

    /** The banner: the verdict sentence, when it was checked (with zone), and whether events were added since. */
    public String bannerText() {
        return bannerText(status.get(), checkedAt.get(), ZoneId.systemDefault(), stale.get());
    }

    static String bannerText(LedgerStatus s, Instant at, ZoneId zone, boolean stale) {
        if (s == null) {
            return "";
        }
        String text = statusText(s);
        if (at != null) {
            text += " " + Messages.get("custody.checkedAt", Formats.instant(at, zone));
        }
        return stale ? text + " " + Messages.get("custody.stale") : text;
    }

    /** Recomputes the chain (worker thread). */
    public LedgerStatus verify() throws SakshiException {
        return custody.verify(caseDir);
    }

    /** The sentence shown in green or red after Verify chain. */
    public static String statusText(LedgerStatus s) {
        if (s == null) {
            return "";
        }
        if (s.intact()) {
            return Messages.get("custody.intact", s.events(), s.head() == null ? "" : s.head(), s.signedHeads(),
                    s.anchors());
        }
        return Messages.get("custody.broken", s.firstBadSeq() == null ? "?" : s.firstBadSeq(),
                s.message() == null ? "" : s.message(), s.fault() == null ? "CHAIN_BROKEN" : s.fault());
    }

    /** The one current holder of the items in {@code itemsText} (all when blank) by the ledger; "" when none or several. */
    public String holder(String itemsText) throws SakshiException {
        return custody.holder(caseDir, parseItems(itemsText == null ? "" : itemsText)).orElse("");
    }

    public List<CustodyEvent> transfer(Actor actor, TransferRequest request) throws SakshiException {
        return custody.transfer(caseDir, actor, request);
    }

    public CustodyEvent note(Actor actor, String text, List<String> items) throws SakshiException {
        return custody.note(caseDir, actor, text, items);
    }

    /** Writes the ledger as CSV (worker thread). */
    public void exportCsv(Path out) throws SakshiException {
        try (OutputStream os = org.sakshi.core.OutputFiles.create(out)) {
            custody.writeCsv(caseDir, os);
        } catch (IOException e) {
            throw new InputException("cannot write " + out + " (" + e.getMessage() + "); choose another place", e);
        }
    }

    /** Item ids split from a comma or space separated text field; empty means "all" or "case-level". */
    public static List<String> parseItems(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(text.split("[,\\s]+")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.toUpperCase(Locale.ROOT)).distinct().toList();
    }

    /** Distinct values present in the ledger, for the filter drop-downs. */
    public List<String> types() {
        return listing == null ? List.of() : listing.types();
    }

    public List<String> itemIds() {
        return listing == null ? List.of() : listing.itemIds();
    }

    public Path caseDir() {
        return caseDir;
    }

    /** Events in the ledger (all of them, whatever the filters). */
    public long total() {
        return listing == null ? 0 : listing.total();
    }

    /** The events the filters select, read page by page as they are shown. */
    public PagedList<CustodyEvent> visible() {
        return visible.get();
    }

    public ObjectProperty<PagedList<CustodyEvent>> visibleProperty() {
        return visible;
    }

    /** A page of the ledger that could not be read (the table shows its rows empty). */
    public ObjectProperty<Exception> pageErrorProperty() {
        return pageError;
    }

    public StringProperty itemFilterProperty() {
        return itemFilter;
    }

    public StringProperty actorFilterProperty() {
        return actorFilter;
    }

    public StringProperty typeFilterProperty() {
        return typeFilter;
    }

    public ObjectProperty<Instant> checkedAtProperty() {
        return checkedAt;
    }

    public BooleanProperty staleProperty() {
        return stale;
    }

    public ObjectProperty<LedgerStatus> statusProperty() {
        return status;
    }
}
