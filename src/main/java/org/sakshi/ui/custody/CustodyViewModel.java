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
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.sakshi.core.Actor;
import org.sakshi.core.CustodyEvent;
import org.sakshi.core.InputException;
import org.sakshi.core.SakshiException;
import org.sakshi.service.CustodyService;
import org.sakshi.service.LedgerStatus;
import org.sakshi.service.TransferRequest;
import org.sakshi.ui.common.Formats;
import org.sakshi.ui.common.Messages;

/**
 * The custody view's logic: the whole ledger, filters by item, actor and type (null or blank = all),
 * chain verification with its status sentence, Transfer, Note and CSV export.
 */
public final class CustodyViewModel {
    private final Path caseDir;
    private final CustodyService custody;
    private final ObservableList<CustodyEvent> events = FXCollections.observableArrayList();
    private final FilteredList<CustodyEvent> visible = new FilteredList<>(events);
    private final StringProperty itemFilter = new SimpleStringProperty("");
    private final StringProperty actorFilter = new SimpleStringProperty("");
    private final StringProperty typeFilter = new SimpleStringProperty("");
    private final ObjectProperty<LedgerStatus> status = new SimpleObjectProperty<>();
    private final ObjectProperty<Instant> checkedAt = new SimpleObjectProperty<>();
    private final BooleanProperty stale = new SimpleBooleanProperty(false);

    public CustodyViewModel(Path caseDir, CustodyService custody) {
        this.caseDir = caseDir;
        this.custody = custody;
        itemFilter.addListener((o, a, b) -> refilter());
        actorFilter.addListener((o, a, b) -> refilter());
        typeFilter.addListener((o, a, b) -> refilter());
    }

    private void refilter() {
        visible.setPredicate(e -> matches(e, itemFilter.get(), actorFilter.get(), typeFilter.get()));
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

    /** Reads every event (worker thread). */
    public List<CustodyEvent> fetch() throws SakshiException {
        return custody.events(caseDir);
    }

    /** Shows events (FX thread). */
    public void show(List<CustodyEvent> list) {
        events.setAll(list);
        LedgerStatus s = status.get();
        if (s != null && changedSince(s, list)) {
            stale.set(true);
        }
    }

    /** True when the ledger shown is not the one the status was computed on (events were added since). */
    static boolean changedSince(LedgerStatus s, List<CustodyEvent> list) {
        if (list.size() != s.events()) {
            return true;
        }
        String last = list.isEmpty() ? null : list.get(list.size() - 1).hash();
        return s.intact() && s.head() != null && last != null && !s.head().equals(last);
    }

    /** Records a chain check made at {@code at} (FX thread): the banner shows it, no longer stale. */
    public void checked(LedgerStatus s, Instant at) {
        // the new status first: whoever sees "no longer stale" sees the new count with it
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
        return List.copyOf(new TreeSet<>(events.stream().map(CustodyEvent::type).toList()));
    }

    public List<String> itemIds() {
        return List.copyOf(new TreeSet<>(events.stream().map(CustodyEvent::itemId).filter(Objects::nonNull).toList()));
    }

    public Path caseDir() {
        return caseDir;
    }

    public ObservableList<CustodyEvent> events() {
        return events;
    }

    public FilteredList<CustodyEvent> visible() {
        return visible;
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
