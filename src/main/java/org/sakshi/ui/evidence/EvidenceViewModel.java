package org.sakshi.ui.evidence;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.sakshi.core.Actor;
import org.sakshi.core.CaseInfo;
import org.sakshi.core.CustodyEvent;
import org.sakshi.core.Item;
import org.sakshi.core.SakshiException;
import org.sakshi.service.CaseService;
import org.sakshi.service.CustodyService;
import org.sakshi.service.EvidenceService;
import org.sakshi.service.ItemView;
import org.sakshi.ui.common.Messages;

/**
 * The case window's logic: the case, its items (filterable), the selected item, and reading an
 * item's events, records and preview. Listing never records custody; {@link #open} does
 * (ITEM_ACCESSED), because it shows evidence to a person.
 */
public final class EvidenceViewModel {
    /**
     * What the window shows at once after loading: the case, its items and, per item (same order), the
     * lower-cased text the filter searches, prepared where the data is read (off the FX thread).
     */
    public record CaseData(CaseInfo info, List<Item> items, String[] texts) {
        public CaseData(CaseInfo info, List<Item> items) {
            this(info, items, texts(items));
        }

        private static String[] texts(List<Item> items) {
            String[] hay = new String[items.size()];
            for (int k = 0; k < hay.length; k++) {
                hay[k] = haystack(items.get(k));
            }
            return hay;
        }
    }

    private static final java.util.regex.Pattern WORDS = java.util.regex.Pattern.compile("\\s+");

    /**
     * An opened item: the view (vault file, folder entries) and its parsed records: a device's members
     * in {@code records}, a chat's messages in {@code chat} (read a page at a time, never all at once).
     */
    public record Opened(ItemView view, List<Map<String, Object>> records, boolean recordsTruncated,
                         ChatViewModel chat) {
        public Opened(ItemView view, List<Map<String, Object>> records, boolean recordsTruncated) {
            this(view, records, recordsTruncated, null);
        }
    }

    /** Members beyond this many are not loaded into the device viewer (the table says so); chats have no limit. */
    public static final int MAX_RECORDS = 200_000;

    private final Path caseDir;
    private final CaseService cases;
    private final EvidenceService evidence;
    private final CustodyService custody;
    private final ObjectProperty<CaseInfo> info = new SimpleObjectProperty<>();
    private final ObservableList<Item> items = FXCollections.observableArrayList();
    private final ObservableList<Item> visible = FXCollections.observableArrayList();
    /** Per item (same order as {@link #items}), the lower-cased text the filter searches: built once per load. */
    private String[] haystacks = new String[0];
    private final StringProperty filter = new SimpleStringProperty("");
    private final ObjectProperty<Item> selected = new SimpleObjectProperty<>();

    public EvidenceViewModel(Path caseDir, CaseService cases, EvidenceService evidence, CustodyService custody) {
        this.caseDir = caseDir;
        this.cases = cases;
        this.evidence = evidence;
        this.custody = custody;
        filter.addListener((o, a, q) -> refilter());
    }

    /**
     * Applies the filter: one pass over the prepared texts (a few milliseconds for 20,000 items), then
     * one replacement of the visible list, which a table redraws at once (a filtered view's many small
     * removals made a table of 20,000 rows take seconds per keystroke).
     */
    private void refilter() {
        String q = filter.get();
        if (q == null || q.isBlank()) {
            visible.setAll(items);
            return;
        }
        String[] words = WORDS.split(q.toLowerCase(Locale.ROOT).strip());
        List<Item> out = new ArrayList<>();
        for (int k = 0; k < haystacks.length; k++) {
            if (matches(items.get(k), haystacks[k], words)) {
                out.add(items.get(k));
            }
        }
        visible.setAll(out);
    }

    /**
     * True when every word of the query occurs in the item's id, name, kind, source or warnings, or
     * starts one of its hashes (so a pasted hash prefix finds the item).
     */
    public static boolean matches(Item i, String query) {
        if (query == null || query.isBlank()) {
            return true;
        }
        return matches(i, haystack(i), WORDS.split(query.toLowerCase(Locale.ROOT).strip()));
    }

    private static String haystack(Item i) {
        return String.join(" ", i.id(), i.name(), i.kind().json(),
                i.source().text() == null ? "" : i.source().text(), String.join(" ", i.warnings()))
                .toLowerCase(Locale.ROOT);
    }

    private static boolean matches(Item i, String hay, String[] words) {
        for (String w : words) {
            boolean hashHit = w.length() >= 6 && (i.digests().sha256().startsWith(w)
                    || i.digests().sha1().startsWith(w) || i.digests().md5().startsWith(w));
            if (!hashHit && !hay.contains(w)) {
                return false;
            }
        }
        return true;
    }

    /** Reads the case and its items (worker thread). */
    public CaseData fetch() throws SakshiException {
        return new CaseData(cases.open(caseDir), evidence.items(caseDir));
    }

    /** Shows fetched data (FX thread), keeping the selection on the same item id when it is still there. */
    public void show(CaseData data) {
        info.set(data.info());
        String keep = selected.get() == null ? null : selected.get().id();
        haystacks = data.texts();
        items.setAll(data.items());
        refilter();
        if (keep != null) {
            selected.set(items.stream().filter(i -> i.id().equals(keep)).findFirst().orElse(null));
        }
    }

    /** The custody events that concern one item, in seq order (worker thread). */
    public List<CustodyEvent> itemEvents(String itemId) throws SakshiException {
        // the database selects them: a ledger of a million events is not read to show one item's few
        return custody.pages().events(caseDir, new org.sakshi.service.LedgerPages.Query(null, itemId, false, null));
    }

    /** Opens an item for viewing: records ITEM_ACCESSED, then reads its parsed records (worker thread). */
    public Opened open(String itemId, Actor actor, String purpose) throws SakshiException {
        ItemView view = evidence.open(caseDir, itemId, actor, purpose);
        if (view.item().kind() == org.sakshi.core.ItemKind.CHAT) {
            return new Opened(view, List.of(), false, ChatViewModel.load(evidence, caseDir, itemId));
        }
        List<Map<String, Object>> records = new ArrayList<>();
        boolean[] truncated = {false};
        evidence.records(caseDir, itemId, r -> {
            if (records.size() < MAX_RECORDS) {
                records.add(r);
            } else {
                truncated[0] = true;
            }
        });
        return new Opened(view, records, truncated[0]);
    }

    /** The item's thumbnail PNG when its parser made one (worker thread; no custody event: not the evidence itself). */
    public Optional<byte[]> thumbnail(String itemId) throws SakshiException {
        return evidence.thumbnail(caseDir, itemId);
    }

    public Path caseDir() {
        return caseDir;
    }

    public ObjectProperty<CaseInfo> infoProperty() {
        return info;
    }

    public ObservableList<Item> items() {
        return items;
    }

    /** The items the filter selects, in id order. */
    public ObservableList<Item> visible() {
        return visible;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ObjectProperty<Item> selectedProperty() {
        return selected;
    }

    /** Reads a nested summary value such as {@code exif.make}; null when any part is missing. */
    public static Object summaryValue(Item item, String dottedPath) {
        Object cur = item.summary();
        for (String part : dottedPath.split("\\.")) {
            if (!(cur instanceof Map<?, ?> m)) {
                return null;
            }
            cur = m.get(part);
        }
        return cur;
    }

    /** Image facts and EXIF rows from the item's summary (docs/cli.md#json-of-an-item "image"); absent parts are left out. */
    public static Map<String, String> imageFacts(Item item) {
        Map<String, String> rows = new LinkedHashMap<>();
        put(rows, "format", summaryValue(item, "format"));
        Object w = summaryValue(item, "width");
        Object h = summaryValue(item, "height");
        if (w != null && h != null) {
            rows.put(Messages.get("exif.dimensions"), w + " \u00d7 " + h);
        }
        for (String k : List.of("datetime_original", "make", "model", "software")) {
            put(rows, k, summaryValue(item, "exif." + k));
        }
        if (summaryValue(item, "exif.gps") instanceof List<?> gps && gps.size() == 2) {
            rows.put(Messages.get("exif.gps"), gps.get(0) + ", " + gps.get(1));
        }
        return rows;
    }

    private static void put(Map<String, String> rows, String key, Object v) {
        if (v != null) {
            rows.put(Messages.get("exif." + key), String.valueOf(v));
        }
    }

}
