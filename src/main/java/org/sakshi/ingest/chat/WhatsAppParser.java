package org.sakshi.ingest.chat;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.sakshi.core.AmbiguousDateOrderException;
import org.sakshi.core.CancelFlag;
import org.sakshi.core.CancelledException;
import org.sakshi.core.DateOrder;
import org.sakshi.ingest.Assumption;

/**
 * WhatsApp "Export chat" text, read in two streaming passes over the same bytes: the first infers
 * the date order from every header line of the file (or checks the order the user chose), the
 * second emits the messages. Only the current message is held in memory.
 *
 * <p>Rules, decided for Sakshi and documented for the officer:
 * <ul>
 * <li>A header line starts a message ({@link WhatsAppGrammar}); any other line continues the previous
 *     message (multi-line messages, captions under an attachment line). Lines before the first header
 *     are kept as one message without time or sender, flagged {@code preamble}.</li>
 * <li>Sender: the text before the first {@code ": "} after the header, unless it has unbalanced
 *     quotes (then the line is a notice such as {@code X changed the subject from "a: b"}). Names may
 *     contain {@code -} and {@code :} not followed by a space.</li>
 * <li>Android system notices have no {@code Name: } part: sender null.</li>
 * <li>iOS writes notices as if sent by the chat or group name, with the body starting with U+200E
 *     (LRM). Such a message is a system notice (sender null, flag {@code system}) unless the body,
 *     marks removed, is person-made content that iOS also marks: any marker of {@link WhatsAppMarkers}
 *     in any listed language (media, deletion, location, poll, contact card, edit) or an attachment.
 *     The end-to-end encryption notice is a system notice on both platforms even without the LRM and
 *     under a name (older iOS, newer Android); later group notices ({@code created group}, ...) under
 *     that same name are notices too.</li>
 * <li>A line that looks like a header but cannot be read, or whose date is impossible, continues
 *     the previous message and is named by line number in a warning.</li>
 * <li>Two-digit years are 20yy (WhatsApp exports start in 2009).</li>
 * </ul>
 */
final class WhatsAppParser {
    /** Lines longer than this are cut (a 3 GiB file without line breaks must not fill the heap). */
    static final int MAX_LINE_BYTES = 1 << 20;
    /** Characters kept per message; the rest is dropped with the flag {@code truncated}. */
    static final int MAX_TEXT_CHARS = 4 << 20;
    private static final List<DateOrder> ORDERS = List.of(DateOrder.DMY, DateOrder.MDY, DateOrder.YMD);

    @FunctionalInterface
    interface Source {
        InputStream open() throws IOException;
    }

    /** The date order used and why. */
    record OrderDecision(DateOrder order, String reason, long headersChecked) {
    }

    private WhatsAppParser() {
    }

    /** Header lines read before pass 1 may stop early (evidence for the year-first check). */
    static final long EVIDENCE_LINES = 2000;

    /**
     * Out-of-order steps allowed under an order that still counts as "time runs forward": a few
     * lines (at least 3, or 1% of the header lines) may be out of order in a real export.
     */
    static long tolerance(long headers) {
        return Math.max(3, headers / 100);
    }

    /**
     * Pass 1: the order under which every header date of the file is a valid calendar date. A field
     * above 12 rules out the orders that read it as a month, above 31 those that read it as a day,
     * a 4-digit field fixes the year's place, and impossible dates (31/02) rule out an order too.
     * When several orders give valid dates everywhere, the evidence of time decides: the order under
     * which the message times run forward (allowing {@link #tolerance} steps back) is chosen when it
     * is the only such order; otherwise the user is asked.
     *
     * <p>With {@code chosen} (the user's {@code --date-order}) the same pass checks the choice: an
     * order under which no line, or under half of the lines, reads as a message header while another
     * order reads more, or under which the times run backwards on many lines while another order
     * runs forward, is refused.
     *
     * @return the decision, or null when the file has no header line at all
     * @throws AmbiguousDateOrderException when more than one order fits the whole file, or when the
     *                                     chosen order is refused ({@link DateOrderRefusedException})
     */
    static OrderDecision inferOrder(Source source, String fileName, CancelFlag cancel, List<String> warnings,
                                    DateOrder chosen)
            throws IOException, CancelledException, AmbiguousDateOrderException {
        Map<DateOrder, Long> invalid = new EnumMap<>(DateOrder.class);
        Map<DateOrder, Long> invalidRaw = new EnumMap<>(DateOrder.class);
        Map<DateOrder, Long> backwards = new EnumMap<>(DateOrder.class);
        Map<DateOrder, String> firstBad = new EnumMap<>(DateOrder.class);
        Map<DateOrder, String> firstBack = new EnumMap<>(DateOrder.class);
        Map<DateOrder, LocalDateTime> prev = new EnumMap<>(DateOrder.class);
        Map<DateOrder, Long> yearChanges = new EnumMap<>(DateOrder.class);
        Map<DateOrder, Long> future = new EnumMap<>(DateOrder.class);
        // a chat cannot hold messages from after its import (two days' margin for time zones)
        LocalDateTime latest = LocalDateTime.now().plusDays(2);
        for (DateOrder o : ORDERS) {
            future.put(o, 0L);
            yearChanges.put(o, 0L);
            invalid.put(o, 0L);
            invalidRaw.put(o, 0L);
            backwards.put(o, 0L);
        }
        long headers = 0;
        boolean complete = true;
        // dates that read differently under two orders, kept to show the user if the orders stay open
        List<Object[]> ambiguous = new ArrayList<>();
        try (LineReader r = new LineReader(source.open(), MAX_LINE_BYTES)) {
            String line;
            while ((line = r.readLine()) != null) {
                if ((r.lineNumber() & 0x1FFF) == 0) {
                    cancel.throwIfCancelled();
                }
                WhatsAppGrammar.Header h = WhatsAppGrammar.parse(line);
                if (h == null) {
                    continue;
                }
                headers++;
                if (ambiguous.size() < 10 && ambiguous.stream().noneMatch(x -> x[1].equals(h.dateText()))) {
                    java.util.Set<java.time.LocalDate> readings = new java.util.HashSet<>();
                    for (DateOrder o : ORDERS) {
                        LocalDateTime t = h.time(o);
                        if (t != null) {
                            readings.add(t.toLocalDate());
                        }
                    }
                    if (readings.size() > 1) {
                        ambiguous.add(new Object[] {r.lineNumber(), h.dateText(), h});
                    }
                }
                int alive = 0;
                for (DateOrder o : ORDERS) {
                    LocalDateTime t = h.time(o);
                    if (t == null) {
                        invalidRaw.merge(o, 1L, Long::sum);
                    } else {
                        LocalDateTime before = prev.put(o, t);
                        if (before != null && t.isBefore(before) && backwards.merge(o, 1L, Long::sum) == 1L) {
                            firstBack.put(o, "line " + r.lineNumber() + " (" + h.dateText() + ")");
                        }
                        if (before != null && before.getYear() != t.getYear()) {
                            yearChanges.merge(o, 1L, Long::sum);
                        }
                        if (t.isAfter(latest)) {
                            future.merge(o, 1L, Long::sum);
                        }
                    }
                    // Year-first is only inferred from a 4-digit year: "21/07/28" read as y/m/d would fit
                    // almost every d/m/y file too. The user can still choose ymd for 2-digit years.
                    if (t == null || (o == DateOrder.YMD && h.aDigits() != 4 && h.era() == 0)) {
                        if (invalid.merge(o, 1L, Long::sum) == 1L) {
                            firstBad.put(o, "line " + r.lineNumber() + " (" + h.dateText() + ")");
                        }
                    }
                    if (invalid.get(o) == 0L) {
                        alive++;
                    }
                }
                // One order left: stop early, but only after enough lines to see how its years behave.
                if (alive == 1 && chosen == null && headers >= EVIDENCE_LINES) {
                    complete = false;
                    break;
                }
            }
        } catch (CancelledException e) {
            throw e;
        } catch (IOException e) {
            complete = false;
            warnings.add("reading the chat text stopped while inferring the date order: " + e.getMessage());
        }
        if (headers == 0) {
            return null;
        }
        long tol = tolerance(headers);
        if (chosen != null) {
            checkChosen(chosen, fileName, headers, tol, invalidRaw, backwards);
            return new OrderDecision(chosen, "chosen by the user (--date-order)", headers);
        }
        List<DateOrder> fit = new ArrayList<>();
        for (DateOrder o : ORDERS) {
            if (invalid.get(o) == 0L) {
                fit.add(o);
            }
        }
        StringBuilder why = new StringBuilder();
        for (DateOrder o : ORDERS) {
            if (firstBad.containsKey(o)) {
                why.append("; ").append(o.json()).append(" ruled out by ").append(firstBad.get(o));
            }
        }
        if (fit.size() > 1) {
            List<DateOrder> forward = new ArrayList<>();
            for (DateOrder o : fit) {
                if (backwards.get(o) <= tol) {
                    forward.add(o);
                }
            }
            if (forward.size() != 1) {
                throw new AmbiguousDateOrderException(fileName, fit, examples(ambiguous, fit));
            }
            DateOrder o = forward.get(0);
            StringBuilder steps = new StringBuilder();
            for (DateOrder other : fit) {
                steps.append(steps.length() == 0 ? "" : ", ").append(other.json()).append(' ')
                        .append(backwards.get(other)).append(" step(s) back");
                if (firstBack.containsKey(other)) {
                    steps.append(" (first at ").append(firstBack.get(other)).append(')');
                }
            }
            return new OrderDecision(o, "inferred from the order of time: " + String.join(" and ",
                    fit.stream().map(DateOrder::json).toList()) + " both read every message date (" + headers
                    + " header lines) as a valid date, but only under " + o.json() + " do the message times run "
                    + "forward, allowing " + tol + " out-of-order line(s): " + steps + why, headers);
        }
        boolean ymdReads = invalidRaw.get(DateOrder.YMD) == 0L && future.get(DateOrder.YMD) == 0L
                && backwards.get(DateOrder.YMD) <= tol
                && yearChanges.get(DateOrder.YMD) <= tol;
        if (ymdReads && (fit.isEmpty() || (fit.size() == 1 && fit.get(0) != DateOrder.YMD
                && yearChanges.get(fit.get(0)) > tol))) {
            // "21/7/28" (yy/M/d, as Nepali phones write): read as d/m/y it has 1-digit years, or a year that
            // changes with every day; read year-first every date is valid and time runs forward.
            StringBuilder other = new StringBuilder();
            for (DateOrder o : ORDERS) {
                if (o != DateOrder.YMD) {
                    other.append("; under ").append(o.json()).append(' ').append(invalidRaw.get(o))
                            .append(" date(s) are impossible and the year would change ").append(yearChanges.get(o))
                            .append(" times");
                }
            }
            return new OrderDecision(DateOrder.YMD, "inferred: year-first dates with 2-digit years (yy/m/d): under ymd "
                    + "every message date (" + headers + " header lines) is valid, the year changes "
                    + yearChanges.get(DateOrder.YMD) + " times and the message times run forward ("
                    + backwards.get(DateOrder.YMD) + " step(s) back)" + other, headers);
        }
        if (fit.size() == 1) {
            return new OrderDecision(fit.get(0), "inferred: the only order under which every message date is a valid date ("
                    + headers + " header lines checked" + (complete ? "" : " until the other orders were ruled out")
                    + ")" + why, headers);
        }
        DateOrder best = ORDERS.get(0);
        for (DateOrder o : ORDERS) {
            if (invalid.get(o) < invalid.get(best)) {
                best = o;
            }
        }
        warnings.add("no date order fits every message date; " + best.json() + " fits most (" + invalid.get(best)
                + " of " + headers + " header lines do not fit and are kept as text of the previous message)");
        return new OrderDecision(best, "no order fits every date; " + best.json() + " fits most" + why, headers);
    }

    /** Refuses a chosen order that the file's own dates contradict (see {@link #inferOrder}). */
    private static void checkChosen(DateOrder chosen, String fileName, long headers, long tol,
                                    Map<DateOrder, Long> invalidRaw, Map<DateOrder, Long> backwards)
            throws DateOrderRefusedException {
        long bad = invalidRaw.get(chosen);
        List<DateOrder> better = new ArrayList<>();
        for (DateOrder o : ORDERS) {
            if (o != chosen && invalidRaw.get(o) < bad && invalidRaw.get(o) * 2 <= headers) {
                better.add(o);
            }
        }
        if (bad == headers && !better.isEmpty()) {
            throw new DateOrderRefusedException("--date-order " + chosen.json() + " reads none of the " + headers
                    + " message lines of " + fileName + " as a valid date, so the whole chat would be one preamble; "
                    + "choose --date-order " + join(better) + " or leave the option out", better);
        }
        if (bad * 2 > headers && !better.isEmpty()) {
            throw new DateOrderRefusedException("--date-order " + chosen.json() + " reads " + bad + " of the " + headers
                    + " message lines of " + fileName + " as impossible dates, which would merge them into other "
                    + "messages; choose --date-order " + join(better) + " or leave the option out", better);
        }
        if (backwards.get(chosen) > tol) {
            List<DateOrder> forward = new ArrayList<>();
            for (DateOrder o : ORDERS) {
                if (o != chosen && invalidRaw.get(o) <= bad && backwards.get(o) <= tol) {
                    forward.add(o);
                }
            }
            if (!forward.isEmpty()) {
                throw new DateOrderRefusedException("--date-order " + chosen.json() + " makes the message times of "
                        + fileName + " run backwards on " + backwards.get(chosen) + " of " + headers + " lines, while "
                        + join(forward) + " keeps them in order; choose --date-order " + join(forward)
                        + " or leave the option out", forward);
            }
        }
    }

    /** "line 3: 05/06/21 is 2021-06-05 (dmy) or 2021-05-06 (mdy)" for up to three ambiguous dates. */
    private static List<String> examples(List<Object[]> ambiguous, List<DateOrder> fit) {
        List<String> out = new ArrayList<>();
        for (Object[] a : ambiguous) {
            WhatsAppGrammar.Header h = (WhatsAppGrammar.Header) a[2];
            List<String> ways = new ArrayList<>();
            java.util.Set<java.time.LocalDate> seen = new java.util.HashSet<>();
            for (DateOrder o : fit) {
                LocalDateTime t = h.time(o);
                if (t != null && seen.add(t.toLocalDate())) {
                    ways.add(t.toLocalDate() + " (" + o.json() + ")");
                }
            }
            if (ways.size() > 1) {
                out.add("line " + a[0] + ": " + a[1] + " is " + String.join(" or ", ways));
            }
            if (out.size() == 3) {
                break;
            }
        }
        return out;
    }

    private static String join(List<DateOrder> orders) {
        return String.join("|", orders.stream().map(DateOrder::json).toList());
    }

    /** Pass 2: emits every message to {@code stats}; bad content becomes warnings, never an exception. */
    static void parse(Source source, DateOrder order, AttachmentIndex attachments, boolean hasFiles, ChatStats stats,
                      CancelFlag cancel, List<String> warnings, List<Assumption> assumptions)
            throws IOException, CancelledException {
        Pending p = new Pending(attachments, hasFiles, stats);
        long badHeaders = 0;
        long unreadHeaders = 0;
        List<Long> badLines = new ArrayList<>();
        List<Long> unreadLines = new ArrayList<>();
        long buddhist = 0;
        long japanese = 0;
        long persian = 0;
        String buddhistExample = null;
        String japaneseExample = null;
        String persianExample = null;
        LineReader r = new LineReader(source.open(), MAX_LINE_BYTES);
        try (r) {
            String line;
            while ((line = r.readLine()) != null) {
                if ((r.lineNumber() & 0x1FFF) == 0) {
                    cancel.throwIfCancelled();
                }
                WhatsAppGrammar.Header h = WhatsAppGrammar.parse(line);
                LocalDateTime t = null;
                if (h != null) {
                    t = h.time(order);
                    if (t == null && badHeaders++ < MAX_LINES_NAMED) {
                        badLines.add(r.lineNumber());
                    }
                } else if (!line.isEmpty() && (WhatsAppGrammar.digit(line.charAt(0)) >= 0 || line.charAt(0) == '['
                        || Marks.isMark(line.charAt(0))) && WhatsAppGrammar.looksLikeHeader(line)) {
                    if (unreadHeaders++ < MAX_LINES_NAMED) {
                        unreadLines.add(r.lineNumber());
                    }
                }
                if (t != null) {
                    String cal = h.calendar(order);
                    if (cal == WhatsAppGrammar.CAL_BUDDHIST) {
                        if (buddhist++ == 0) {
                            buddhistExample = "line " + r.lineNumber() + " (" + h.dateText() + " read as "
                                    + t.toLocalDate() + ")";
                        }
                    } else if (cal == WhatsAppGrammar.CAL_JAPANESE) {
                        if (japanese++ == 0) {
                            japaneseExample = "line " + r.lineNumber() + " (" + h.dateText() + " read as "
                                    + t.toLocalDate() + ")";
                        }
                    } else if (cal == WhatsAppGrammar.CAL_PERSIAN) {
                        if (persian++ == 0) {
                            persianExample = "line " + r.lineNumber() + " (" + h.dateText() + " read as "
                                    + t.toLocalDate() + ")";
                        }
                    }
                    p.flush();
                    p.start(h, t);
                } else {
                    p.append(line);
                }
            }
        } catch (CancelledException e) {
            throw e;
        } catch (IOException e) {
            warnings.add("reading the chat text stopped after line " + r.lineNumber() + ": " + e.getMessage()
                    + "; the messages before it are kept");
        }
        p.flush();
        if (buddhist > 0) {
            assumptions.add(new Assumption("calendar", WhatsAppGrammar.CAL_BUDDHIST, buddhist + " message date(s) have a "
                    + "4-digit year from " + WhatsAppGrammar.BUDDHIST_FROM + " on, which is a Buddhist-era year (Thai "
                    + "phones write 2565 for 2022); they were converted to the Gregorian year by subtracting 543, e.g. "
                    + buddhistExample));
        }
        if (japanese > 0) {
            assumptions.add(new Assumption("calendar", WhatsAppGrammar.CAL_JAPANESE, japanese + " message date(s) "
                    + "give the year as a Japanese era (M Meiji 1868, T Taisho 1912, S Showa 1926, H Heisei 1989, "
                    + "R Reiwa 2019; year 1 is the era's first year); they were converted to the Gregorian year, e.g. "
                    + japaneseExample));
        }
        if (persian > 0) {
            assumptions.add(new Assumption("calendar", WhatsAppGrammar.CAL_PERSIAN, persian + " message date(s) have a "
                    + "4-digit year from " + WhatsAppGrammar.PERSIAN_FROM + " to " + WhatsAppGrammar.PERSIAN_TO
                    + ", which is a Solar Hijri (Persian) year (phones set to Persian write 1402/07/15 for "
                    + "2023-10-07); they were converted to the Gregorian calendar (1 Farvardin is Nowruz, 20 or 21 "
                    + "March), e.g. " + persianExample));
        }
        if (badHeaders > 0) {
            warnings.add(badHeaders + " line(s) look like message headers but their date or time is impossible under "
                    + order.json() + "; they are kept as text of the previous message: " + lineList(badLines, badHeaders));
        }
        if (unreadHeaders > 0) {
            warnings.add(unreadHeaders + " line(s) look like message headers but could not be read as one (a word or "
                    + "format not known to Sakshi); they are kept as text of the previous message, check them in the "
                    + "original: " + lineList(unreadLines, unreadHeaders));
        }
        if (r.invalidLines() > 0) {
            warnings.add(r.invalidLines() + " line(s) are not valid UTF-8; the bad bytes show as U+FFFD in the "
                    + "transcript (the original bytes are kept in the vault copy)");
        }
        if (r.splitLines() > 0) {
            warnings.add(r.splitLines() + " line(s) longer than " + MAX_LINE_BYTES + " bytes were split");
        }
        if (p.truncated > 0) {
            warnings.add(p.truncated + " message(s) longer than " + MAX_TEXT_CHARS + " characters were cut (flag truncated)");
        }
    }

    /** Line numbers named in one warning; the rest are counted. */
    static final int MAX_LINES_NAMED = 20;

    private static String lineList(List<Long> lines, long total) {
        StringBuilder b = new StringBuilder(lines.size() == 1 ? "line " : "lines ");
        for (int i = 0; i < lines.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(lines.get(i));
        }
        if (total > lines.size()) {
            b.append(" and ").append(total - lines.size()).append(" more");
        }
        return b.toString();
    }

    /** The message being read: its header and the lines so far. */
    private static final class Pending {
        private final AttachmentIndex attachments;
        private final boolean hasFiles;
        private final ChatStats stats;
        private WhatsAppGrammar.Header header;
        private LocalDateTime time;
        private final StringBuilder text = new StringBuilder();
        private boolean open;
        private boolean cut;
        /** The name iOS writes notices under: the sender of the encryption notice. */
        private String chatName;
        private long truncated;

        Pending(AttachmentIndex attachments, boolean hasFiles, ChatStats stats) {
            this.attachments = attachments;
            this.hasFiles = hasFiles;
            this.stats = stats;
        }

        void start(WhatsAppGrammar.Header h, LocalDateTime t) {
            header = h;
            time = t;
            text.setLength(0);
            open = true;
            cut = false;
            text.append(h.rest());
        }

        void append(String line) {
            if (!open) {
                if (line.isBlank()) {
                    return;
                }
                open = true;
                header = null;
                time = null;
                cut = false;
                text.setLength(0);
                add(line);
                return;
            }
            add("\n");
            add(line);
        }

        private void add(String s) {
            if (cut) {
                return;
            }
            if (text.length() + s.length() > MAX_TEXT_CHARS) {
                text.append(s, 0, MAX_TEXT_CHARS - text.length());
                cut = true;
                truncated++;
                return;
            }
            text.append(s);
        }

        void flush() throws IOException {
            if (!open) {
                return;
            }
            open = false;
            List<String> flags = new ArrayList<>(2);
            if (cut) {
                flags.add("truncated");
            }
            if (header == null) {
                flags.add("preamble");
                stats.emit(null, null, Marks.strip(text.toString()), null, flags, null);
                return;
            }
            String all = text.toString();
            String sender = null;
            String body = all;
            int nl = all.indexOf('\n');
            String firstLine = nl < 0 ? all : all.substring(0, nl);
            int idx = firstLine.indexOf(": ");
            if (idx > 0 && plausibleSender(firstLine.substring(0, idx))) {
                sender = firstLine.substring(0, idx);
                body = all.substring(idx + 2);
            } else if (idx < 0 && firstLine.endsWith(":") && firstLine.length() > 1
                    && plausibleSender(firstLine.substring(0, firstLine.length() - 1))) {
                sender = firstLine.substring(0, firstLine.length() - 1);
                body = all.substring(firstLine.length());
                if (body.startsWith("\n")) {
                    body = body.substring(1);
                }
            }
            boolean system = sender == null;
            boolean e2e = sender != null && WhatsAppMarkers.isEncryptionNotice(body);
            if (e2e && chatName == null) {
                // iOS writes the notices of a chat under the chat's own name (or the other person's).
                chatName = Marks.strip(sender).strip();
            }
            if (sender != null && header.ios() && Marks.startsWithMark(body)
                    && !WhatsAppMarkers.iosUserContentAfterMark(body)) {
                system = true;
            }
            // The encryption notice, and group notices under the name it was written under, are notices
            // on both platforms (newer Android exports also put the chat's name before the notice).
            if (sender != null && (e2e || (chatName != null && chatName.equals(Marks.strip(sender).strip())
                    && WhatsAppMarkers.isGroupNotice(body)))) {
                system = true;
            }
            String cleanSender = system ? null : Marks.strip(sender).strip();
            if (cleanSender != null && cleanSender.isEmpty()) {
                cleanSender = null;
                system = true;
            }
            // A system notice keeps the words as shown, including the chat name iOS puts first.
            String shown = system ? Marks.strip(all) : Marks.strip(body);
            if (system) {
                flags.add("system");
            }
            int bnl = body.indexOf('\n');
            String bodyFirst = bnl < 0 ? body : body.substring(0, bnl);
            Map<String, Object> attachment = null;
            if (!system) {
                String name = WhatsAppMarkers.attachment(bodyFirst, attachments::contains);
                if (name != null) {
                    attachment = attachments.reference(name);
                    if (hasFiles && attachment.get("sha256") == null) {
                        flags.add("attachment_missing");
                    }
                }
                WhatsAppMarkers.flags(body, flags);
                if (name != null) {
                    flags.remove("media_omitted");
                }
            }
            stats.emit(time, cleanSender, shown, attachment, flags, null);
        }

        private static boolean plausibleSender(String s) {
            if (s.isBlank() || s.length() > 120) {
                return false;
            }
            int quotes = 0;
            int open = 0;
            int close = 0;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '"') {
                    quotes++;
                } else if (c == '\u201C') {
                    open++;
                } else if (c == '\u201D') {
                    close++;
                }
            }
            return quotes % 2 == 0 && open == close;
        }
    }
}
