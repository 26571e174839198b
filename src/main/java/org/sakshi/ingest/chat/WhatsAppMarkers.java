package org.sakshi.ingest.chat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words WhatsApp writes in place of media, deletions, edits, locations, polls and contact cards,
 * and at the start of group notices. The strings are data, one file per language under
 * {@code markers/} ({@code index.txt} lists them and explains the format), each string with its
 * source: a public project that lists WhatsApp's own text, or "drafted" when it was written for
 * Sakshi and not confirmed from a real export. A lab adds a language by adding a file.
 *
 * <p>The lists cannot be complete, so every attachment rule also has a language-free fallback: an
 * attachment line is recognised when the named file is in the export or has WhatsApp's own media
 * file name shape. The text of a message is never changed by these rules, only its flags, its
 * attachment link and whether it is a group notice.
 */
final class WhatsAppMarkers {
    private WhatsAppMarkers() {
    }

    /** The kinds of marker a language file may list (see {@code markers/index.txt}). */
    enum Kind {
        MEDIA_OMITTED, OMITTED, CONTACT_OMITTED, DELETED, EDITED, FILE_ATTACHED, ATTACHED, LOCATION, LIVE_LOCATION,
        POLL, VIEW_ONCE, E2E, SYSTEM;

        String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One string of a language file. */
    record Entry(String language, Kind kind, String text, String source) {
        boolean drafted() {
            return !source.startsWith("public:");
        }
    }

    static final String DIR = "markers/";
    private static final Map<String, String> LANGUAGES = new LinkedHashMap<>();
    private static final List<Entry> ENTRIES = load();

    private static final Set<String> MEDIA_OMITTED = new HashSet<>();
    private static final Set<String> DELETED = new HashSet<>();
    private static final Set<String> LIVE_LOCATION = new HashSet<>();
    private static final Set<String> VIEW_ONCE = new HashSet<>();
    private static final Set<String> EDITED = new HashSet<>();
    private static final Set<String> FILE_ATTACHED = new HashSet<>();
    /**
     * Android attachment lines without parentheses, as a text before and after the file name (older
     * Tamil "NAME இணைக்கப்பட்டது", Persian "فایل پیوست شد NAME"): the {@code file_attached} entries with {@code %s}.
     */
    private static final List<String[]> FILE_ATTACHED_AROUND = new ArrayList<>();
    /** The last characters of those with a text after the name, the first of those without, for a cheap first test. */
    private static final Set<Character> AROUND_LAST = new HashSet<>();
    private static final Set<Character> AROUND_FIRST = new HashSet<>();
    private static final Set<String> ATTACHED = new HashSet<>();
    private static final Set<String> LOCATION = new HashSet<>();
    private static final Set<String> POLL = new HashSet<>();
    /** "<type> omitted" phrases by their last word; the value says whether it is a contact card. */
    private static final Map<String, Map<String, Boolean>> OMITTED_BY_LAST_WORD = new HashMap<>();
    private static final List<String> E2E = new ArrayList<>();
    private static final List<String> SYSTEM = new ArrayList<>();

    static {
        for (Entry e : ENTRIES) {
            String n = normalize(e.text());
            switch (e.kind()) {
                case MEDIA_OMITTED -> MEDIA_OMITTED.add(note(n));
                case DELETED -> DELETED.add(n);
                case LIVE_LOCATION -> LIVE_LOCATION.add(n);
                case VIEW_ONCE -> VIEW_ONCE.add(n);
                case EDITED -> EDITED.add(note(n));
                case FILE_ATTACHED -> {
                    int at = e.text().indexOf("%s");
                    if (at >= 0) {
                        String before = Marks.strip(e.text().substring(0, at)).stripLeading();
                        String after = Marks.strip(e.text().substring(at + 2)).stripTrailing();
                        if (before.isEmpty() && after.isEmpty()) {
                            throw new IllegalStateException(DIR + e.language() + ".tsv: \"" + e.text()
                                    + "\" has no words around %s");
                        }
                        FILE_ATTACHED_AROUND.add(new String[] {before, after});
                        if (after.isEmpty()) {
                            AROUND_FIRST.add(Character.toLowerCase(before.charAt(0)));
                        } else {
                            AROUND_LAST.add(Character.toLowerCase(after.charAt(after.length() - 1)));
                        }
                    } else {
                        FILE_ATTACHED.add(n);
                    }
                }
                case ATTACHED -> ATTACHED.add(n);
                case LOCATION -> LOCATION.add(n);
                case POLL -> POLL.add(n);
                case OMITTED, CONTACT_OMITTED -> OMITTED_BY_LAST_WORD.computeIfAbsent(lastWordOf(n), k -> new HashMap<>())
                        .put(n, e.kind() == Kind.CONTACT_OMITTED);
                case E2E -> E2E.add(n);
                case SYSTEM -> SYSTEM.add(n);
                default -> throw new IllegalStateException();
            }
        }
    }

    static List<Entry> entries() {
        return ENTRIES;
    }

    /** Language code to English name, in the order of {@code index.txt}. */
    static Map<String, String> languages() {
        return LANGUAGES;
    }

    private static List<Entry> load() {
        List<Entry> out = new ArrayList<>();
        for (String line : lines(DIR + "index.txt")) {
            String[] f = line.split("\t");
            if (f.length != 2) {
                throw new IllegalStateException(DIR + "index.txt: bad line \"" + line + "\"");
            }
            LANGUAGES.put(f[0], f[1]);
        }
        for (String code : LANGUAGES.keySet()) {
            for (String line : lines(DIR + code + ".tsv")) {
                String[] f = line.split("\t", -1);
                if (f.length != 3 || f[1].isBlank() || f[2].isBlank()) {
                    throw new IllegalStateException(DIR + code + ".tsv: bad line \"" + line + "\"");
                }
                Kind k;
                try {
                    k = Kind.valueOf(f[0].toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException(DIR + code + ".tsv: unknown kind in \"" + line + "\"", e);
                }
                out.add(new Entry(code, k, f[1], f[2]));
            }
        }
        return List.copyOf(out);
    }

    private static List<String> lines(String resource) {
        List<String> out = new ArrayList<>();
        try (InputStream in = WhatsAppMarkers.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the application; reinstall Sakshi");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * The comparable form of a text: invisible marks removed, spaces (NBSP, narrow NBSP, thin) as one
     * space, white space and a final full stop ({@code .} or {@code ।}) trimmed, lower case, NFC.
     */
    static String normalize(String s) {
        String t = Marks.strip(s);
        if (t.indexOf('\u00A0') >= 0 || t.indexOf('\u202F') >= 0 || t.indexOf('\u2009') >= 0) {
            t = t.replace('\u00A0', ' ').replace('\u202F', ' ').replace('\u2009', ' ');
        }
        t = t.strip();
        while (!t.isEmpty() && (t.charAt(t.length() - 1) == '.' || t.charAt(t.length() - 1) == '\u0964')) {
            t = t.substring(0, t.length() - 1).stripTrailing();
        }
        t = t.toLowerCase(Locale.ROOT);
        if (!Normalizer.isNormalized(t, Normalizer.Form.NFC)) {
            t = Normalizer.normalize(t, Normalizer.Form.NFC);
        }
        return t;
    }

    /** "< x. >" as "<x>": the inside of an angle-bracketed note trimmed of spaces and a final full stop. */
    private static String note(String n) {
        if (n.length() >= 2 && n.charAt(0) == '<' && n.charAt(n.length() - 1) == '>') {
            String in = n.substring(1, n.length() - 1).strip();
            while (!in.isEmpty() && (in.charAt(in.length() - 1) == '.' || in.charAt(in.length() - 1) == '\u0964')) {
                in = in.substring(0, in.length() - 1).stripTrailing();
            }
            return "<" + in + ">";
        }
        return n;
    }

    private static String lastWordOf(String n) {
        int i = n.lastIndexOf(' ');
        return i < 0 ? n : n.substring(i + 1);
    }

    // ---- attachments ----------------------------------------------------------------------------

    /** Android: "IMG-20210728-WA0001.jpg (file attached)" with the words localised. */
    private static final Pattern ANDROID_ATTACHED = Pattern.compile("^(.+?\\.[\\p{L}\\p{N}]{1,6}|.+?\\.) \\(([^()]{2,60})\\)$");
    /** WhatsApp's own media names, e.g. IMG-20210728-WA0001.jpg, PTT-20210728-WA0003.opus. */
    private static final Pattern WA_MEDIA_NAME = Pattern.compile(
            "^(?:IMG|VID|AUD|PTT|DOC|STK|GIF)-\\d{8}-WA\\d{4,}.*\\.[A-Za-z0-9]{0,6}$|^\\d{8}-(?:PHOTO|VIDEO|AUDIO|STICKER|GIF|DOCUMENT)-.+");
    /**
     * iOS: "<attached: 00000012-PHOTO-2021-07-28-14-05-00.jpg>", the word localised ("<Anhang: ...>"),
     * possibly after a document's name and page count ("report • 2 pages <attached: 00000003-report.pdf>");
     * Chinese and Japanese write a full-width colon ("<附件：00000012-PHOTO-...jpg>").
     */
    private static final Pattern IOS_ATTACHED = Pattern.compile("(?:^|\\s)<([^<>:\uFF1A]{1,40})[:\uFF1A]\\s?([^<>]+)>$");

    /** The attachment named by the message's first line, or null. */
    static String attachment(String firstLine, Predicate<String> inExport) {
        char last = lastVisible(firstLine);
        if (last != '>' && last != ')') {
            return AROUND_LAST.contains(Character.toLowerCase(last))
                    || AROUND_FIRST.contains(Character.toLowerCase(firstVisible(firstLine)))
                    ? around(Marks.strip(firstLine).strip(), inExport) : null;
        }
        String line = Marks.strip(firstLine).strip();
        if (last == '>') {
            int open = line.lastIndexOf('<');
            if (open < 0) {
                return null;
            }
            if (line.indexOf(':', open) < 0 && line.indexOf('\uFF1A', open) < 0) {
                // the word after the name, no colon (Turkish iOS: <NAME eklendi>): a %s template
                return around(line, inExport);
            }
            Matcher m = IOS_ATTACHED.matcher(line);
            if (m.find()) {
                String name = m.group(2).strip();
                if (ATTACHED.contains(normalize(m.group(1))) || name.indexOf('.') > 0 || inExport.test(name)) {
                    return name;
                }
            }
            return null;
        }
        Matcher m = ANDROID_ATTACHED.matcher(line);
        if (m.matches()) {
            String name = m.group(1).strip();
            String words = normalize(m.group(2));
            if (FILE_ATTACHED.contains(words) || inExport.test(name) || WA_MEDIA_NAME.matcher(name).matches()) {
                return name;
            }
        }
        return null;
    }

    /** An attachment line written as a text around the file name, or null. */
    private static String around(String line, Predicate<String> inExport) {
        for (String[] t : FILE_ATTACHED_AROUND) {
            int n = line.length() - t[0].length() - t[1].length();
            if (n > 0 && line.regionMatches(true, 0, t[0], 0, t[0].length())
                    && line.regionMatches(true, line.length() - t[1].length(), t[1], 0, t[1].length())) {
                String name = line.substring(t[0].length(), line.length() - t[1].length()).strip();
                if (!name.isEmpty() && (name.indexOf('.') > 0 || inExport.test(name) || WA_MEDIA_NAME.matcher(name).matches())) {
                    return name;
                }
            }
        }
        return null;
    }

    /** The first character that is neither white space nor an invisible mark (0 when there is none). */
    static char firstVisible(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c) && !Marks.isMark(c)) {
                return c;
            }
        }
        return 0;
    }

    /** The last character that is neither white space nor an invisible mark (0 when there is none). */
    static char lastVisible(String s) {
        for (int i = s.length() - 1; i >= 0; i--) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c) && !Marks.isMark(c)) {
                return c;
            }
        }
        return 0;
    }

    // ---- flags ----------------------------------------------------------------------------------

    /** Longer texts are never a marker on their own (keeps the per-message cost flat). */
    private static final int MAX_MARKER_CHARS = 200;

    /**
     * Adds the flags the body's markers call for: {@code media_omitted} (with {@code contact_card} or
     * {@code view_once}), {@code deleted}, {@code edited}, {@code location}, {@code poll}. Returns true
     * when any marker (or none but an attachment, checked by the caller) shows person-made content.
     */
    static boolean flags(String body, List<String> flags) {
        boolean any = false;
        int nl = body.indexOf('\n');
        String first = nl < 0 ? body : body.substring(0, nl);
        String normalizedFirst = null;
        if (first.length() <= MAX_MARKER_CHARS && maybeMarker(first)) {
            // A long line ending with '>' and without a colon can only hold an edit note (checked below).
            boolean onlyEditNote = lastVisible(first) == '>' && first.indexOf(':') < 0 && first.length() > 60;
            String n = onlyEditNote ? "" : normalize(first);
            normalizedFirst = n;
            if (!onlyEditNote) {
                if (!n.isEmpty() && n.charAt(0) == '<' && n.charAt(n.length() - 1) == '>' && MEDIA_OMITTED.contains(note(n))) {
                    flags.add("media_omitted");
                    any = true;
                } else if (VIEW_ONCE.contains(n)) {
                    flags.add("media_omitted");
                    flags.add("view_once");
                    any = true;
                } else if (LIVE_LOCATION.contains(n)) {
                    flags.add("location");
                    any = true;
                } else {
                    Map<String, Boolean> omitted = OMITTED_BY_LAST_WORD.get(lastWordOf(n));
                    if (omitted != null) {
                        for (Map.Entry<String, Boolean> e : omitted.entrySet()) {
                            if (n.endsWith(e.getKey())) {
                                flags.add("media_omitted");
                                if (e.getValue()) {
                                    flags.add("contact_card");
                                }
                                any = true;
                                break;
                            }
                        }
                    }
                }
                if (!any) {
                    int colon = n.indexOf(':');
                    int wide = n.indexOf('\uFF1A'); // Chinese and Japanese builds write a full-width colon
                    if (wide > 0 && (colon < 0 || wide < colon)) {
                        colon = wide;
                    }
                    if (colon > 0 && colon <= 30) {
                        String word = n.substring(0, colon).strip();
                        if (LOCATION.contains(word) && n.indexOf("http", colon) >= 0) {
                            flags.add("location");
                            any = true;
                        } else if (POLL.contains(word)) {
                            flags.add("poll");
                            any = true;
                        }
                    }
                }
            }
        }
        if (nl < 0 && normalizedFirst != null && !normalizedFirst.isEmpty() && DELETED.contains(normalizedFirst)) {
            flags.add("deleted");
            any = true;
        }
        if (edited(body)) {
            flags.add("edited");
            any = true;
        }
        return any;
    }

    /** Last words (normalised) of the markers that are not angle-bracketed and have no colon. */
    private static final Set<String> LAST_WORDS = new HashSet<>();

    static {
        for (Entry e : ENTRIES) {
            switch (e.kind()) {
                case DELETED, OMITTED, CONTACT_OMITTED, VIEW_ONCE, LIVE_LOCATION, MEDIA_OMITTED ->
                        LAST_WORDS.add(lastWordOf(normalize(e.text())));
                default -> {
                }
            }
        }
    }

    /**
     * A cheap test run for every message before the full comparison: the line ends with {@code >},
     * has a colon near its start (location, poll) or ends with the last word of a known marker.
     */
    private static boolean maybeMarker(String first) {
        if (lastVisible(first) == '>') {
            return true;
        }
        int colon = first.indexOf(':');
        if (colon > 0 && colon <= 40) {
            return true;
        }
        String w = lastWord(first);
        if (!w.isEmpty() && w.charAt(w.length() - 1) > 0x8FF && !Normalizer.isNormalized(w, Normalizer.Form.NFC)) {
            w = Normalizer.normalize(w, Normalizer.Form.NFC);
        }
        return LAST_WORDS.contains(w);
    }

    /** The last word of a text, lower-case, without a final full stop (Latin or Devanagari) or marks. */
    static String lastWord(String s) {
        int end = s.length();
        while (end > 0 && (Character.isWhitespace(s.charAt(end - 1)) || Marks.isMark(s.charAt(end - 1))
                || s.charAt(end - 1) == '.' || s.charAt(end - 1) == '\u0964' || s.charAt(end - 1) == '\u00A0'
                || s.charAt(end - 1) == '\u202F')) {
            end--;
        }
        int start = end;
        while (start > 0 && !Character.isWhitespace(s.charAt(start - 1)) && !Marks.isMark(s.charAt(start - 1))
                && s.charAt(start - 1) != '\u00A0' && s.charAt(start - 1) != '\u202F') {
            start--;
        }
        return s.substring(start, end).toLowerCase(Locale.ROOT);
    }

    /** True when the message ends with a "<This message was edited>" note (any known language). */
    static boolean edited(String body) {
        if (lastVisible(body) != '>') {
            return false;
        }
        String s = Marks.strip(body).stripTrailing();
        int open = s.lastIndexOf('<');
        if (open < 0 || s.length() - open > 80) {
            return false;
        }
        return EDITED.contains(note(normalize(s.substring(open))));
    }

    /** "<Media omitted>" (Android) or "image omitted" (iOS), in any of the known languages. */
    static boolean mediaOmitted(String body) {
        List<String> f = new ArrayList<>(2);
        flags(body, f);
        return f.contains("media_omitted");
    }

    /** "This message was deleted" / "You deleted this message" and translations. */
    static boolean deleted(String body) {
        return body.length() <= MAX_MARKER_CHARS && DELETED.contains(normalize(body));
    }

    /**
     * iOS bodies that start with a mark but are written by a person: any marker of person-made
     * content (media, deletion, location, poll, contact card, edit) or an attachment.
     */
    static boolean iosUserContentAfterMark(String body) {
        int nl = body.indexOf('\n');
        String first = nl < 0 ? body : body.substring(0, nl);
        if (attachment(first, n -> false) != null) {
            return true;
        }
        return flags(body, new ArrayList<>(2));
    }

    /** The end-to-end encryption notice WhatsApp puts at the top of a chat, in any known language. */
    static boolean isEncryptionNotice(String body) {
        if (body.length() > 400 || body.length() < 10) {
            return false;
        }
        // cheap first test on the raw text (called for every message), the full one only when it passes
        int i = 0;
        while (i < body.length() && (Marks.isMark(body.charAt(i)) || Character.isWhitespace(body.charAt(i)))) {
            i++;
        }
        if (i >= body.length()) {
            return false;
        }
        List<String> candidates = E2E_RAW.get(Character.toLowerCase(body.charAt(i)));
        if (candidates == null) {
            return false;
        }
        for (String p : candidates) {
            if (body.regionMatches(true, i, p, 0, p.length())) {
                return true;
            }
        }
        return false;
    }

    /** The encryption-notice starts as written in the data files and in NFC and NFD, for a raw comparison. */
    private static final Map<Character, List<String>> E2E_RAW = new HashMap<>();

    static {
        Set<String> seen = new HashSet<>();
        for (Entry e : ENTRIES) {
            if (e.kind() == Kind.E2E) {
                for (String v : List.of(e.text(), Normalizer.normalize(e.text(), Normalizer.Form.NFC),
                        Normalizer.normalize(e.text(), Normalizer.Form.NFD))) {
                    String t = v.strip();
                    while (t.endsWith(".")) {
                        t = t.substring(0, t.length() - 1);
                    }
                    if (!t.isEmpty() && seen.add(t)) {
                        E2E_RAW.computeIfAbsent(Character.toLowerCase(t.charAt(0)), k -> new ArrayList<>()).add(t);
                    }
                }
            }
        }
    }

    /** A body that contains a part of a known group notice ("created group", "added", ...). */
    static boolean isGroupNotice(String body) {
        if (body.length() > 400) {
            return false;
        }
        String n = normalize(body);
        for (String p : SYSTEM) {
            if (n.contains(p)) {
                return true;
            }
        }
        return false;
    }
}
