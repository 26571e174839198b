package org.sakshi.ui.common;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.collections.ObservableListBase;

/**
 * A read-only list of a fixed size whose rows are read a page at a time, when a virtualised
 * TableView or ListView asks for them (only the rows on screen), and kept in a small LRU of pages;
 * so a view of a million rows holds a few hundred. The list never changes: a new query makes a new
 * list. Ask it by index ({@code select(int)}, {@code scrollTo(int)}); {@code indexOf} and
 * {@code contains} read every page. A page that cannot be read shows as empty rows (null) and the
 * error is reported once.
 */
public final class PagedList<T> extends ObservableListBase<T> {
    /** Reads rows {@code from .. from + count - 1}. */
    @FunctionalInterface
    public interface PageSource<T> {
        List<T> read(int from, int count) throws Exception;
    }

    /** Pages kept in memory. */
    public static final int CACHED_PAGES = 16;

    private final int size;
    private final int pageSize;
    private final PageSource<T> source;
    private final Consumer<Exception> onError;
    private final AtomicLong rowsRead = new AtomicLong();
    private final Map<Integer, List<T>> pages = new LinkedHashMap<>(CACHED_PAGES * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, List<T>> eldest) {
            return size() > CACHED_PAGES;
        }
    };
    private boolean reported;

    public PagedList(int size, int pageSize, PageSource<T> source, Consumer<Exception> onError) {
        if (size < 0 || pageSize < 1) {
            throw new IllegalArgumentException("size " + size + ", page size " + pageSize);
        }
        this.size = size;
        this.pageSize = pageSize;
        this.source = source;
        this.onError = onError;
    }

    @Override
    public synchronized T get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index + " of " + size);
        }
        int page = index / pageSize;
        List<T> rows = pages.get(page);
        if (rows == null) {
            int from = page * pageSize;
            int count = Math.min(pageSize, size - from);
            try {
                rows = new ArrayList<>(source.read(from, count));
                rowsRead.addAndGet(rows.size());
            } catch (Exception e) {
                rows = Collections.nCopies(count, null);
                if (!reported && onError != null) {
                    reported = true;
                    onError.accept(e);
                }
            }
            pages.put(page, rows);
        }
        int at = index - page * pageSize;
        return at < rows.size() ? rows.get(at) : null;
    }

    @Override
    public int size() {
        return size;
    }

    /** Rows read from the source so far (pages read again after leaving the cache count again). */
    public long rowsRead() {
        return rowsRead.get();
    }

    /** Pages held in memory now. */
    public synchronized int cachedPages() {
        return pages.size();
    }
}
