package org.sakshi.ingest.chat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sakshi.core.AmbiguousDateOrderException;
import org.sakshi.core.CancelFlag;
import org.sakshi.core.CancelledException;
import org.sakshi.core.DateOrder;
import org.sakshi.core.ItemKind;
import org.sakshi.ingest.Assumption;
import org.sakshi.ingest.ParseInput;
import org.sakshi.ingest.ParseResult;
import org.sakshi.ingest.Parser;
import org.sakshi.ingest.RecordSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parser for chat exports (docs/chat-formats.md): WhatsApp text (alone, the zip "with media" or its unzipped
 * folder), Telegram Desktop JSON ({@code result.json} alone, its folder or a zip of it) and
 * Facebook Messenger / Instagram "Download your information" JSON ({@code message_N.json}).
 *
 * <p>Detection looks at content only: a zip's or folder's listing and the first 64 KiB of candidate
 * files. A WhatsApp chat text is found whatever its localised name ("WhatsApp Chat with X.txt",
 * "_chat.txt", "WhatsApp-Chat mit X.txt", ...): any {@code .txt} at the top or one folder down whose
 * lines follow the {@link WhatsAppGrammar}.
 *
 * <p>The result is the docs/cli.md#json-of-an-item {@code chat} summary; messages go to the {@link RecordSink} in the
 * docs/cli.md#json-of-an-item {@code messages} shape ({@code index} counts from 0 in file order). Extra keys per message:
 * {@code instant} (Telegram, Messenger: the UTC instant the time was converted from),
 * {@code source_id}, {@code reply_to}, {@code forwarded_from}, {@code media_type}, {@code chat} (when one export holds several
 * chats: the Telegram chat name, or the Messenger thread folder). Extra summary key: {@code chat_file} {name,
 * sha256, size} for the chat file inside a zip or folder. Each {@code attachments} entry also says
 * whether a message {@code referenced} it.
 */
public final class ChatParser implements Parser {
    private static final Logger LOG = LoggerFactory.getLogger(ChatParser.class);
    static final int SNIFF_BYTES = 64 * 1024;
    private static final int MAX_SNIFFS = 20;
    private static final Pattern MESSENGER_NAME = Pattern.compile("(?:^|.*/)message_\\d+\\.json$");
    private static final Pattern TELEGRAM_HTML_NAME = Pattern.compile("(?:^|.*/)messages(\\d*)\\.html$");

    enum Platform {
        WHATSAPP, TELEGRAM, TELEGRAM_HTML, MESSENGER
    }

    /** Where the chat is: its platform and its file(s) inside a zip or folder (empty for a single file). */
    record Located(Platform platform, List<String> paths) {
    }

    @Override
    public ItemKind detect(ParseInput input) {
        try {
            if (input.isFolder()) {
                if (!anyExportName(input.entries())) {
                    return null; // no file named as a chat export's could be: no map of a folder of 100,000 files
                }
                try (ExportFiles f = ExportFiles.ofFolder(input.entries(), input.options())) {
                    return locateIn(f) == null && !exportByName(input.name(), f) ? null : ItemKind.CHAT;
                }
            }
            if (ExportFiles.isZip(input.file())) {
                try (ExportFiles f = ExportFiles.openZip(input.file(), input.options())) {
                    return locateIn(f) == null && !exportByName(input.name(), f) ? null : ItemKind.CHAT;
                }
            }
            try (InputStream in = Files.newInputStream(input.file())) {
                return classify(in.readNBytes(SNIFF_BYTES)) == null && !exportByName(input.name()) ? null : ItemKind.CHAT;
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("not a chat export: {}", input.name(), e);
            return null;
        }
    }

    @Override
    public ParseResult parse(ParseInput input, RecordSink sink, CancelFlag cancel)
            throws AmbiguousDateOrderException, CancelledException, IOException {
        List<String> warnings = new ArrayList<>();
        ItemKind failKind = input.options().forcedKind() == ItemKind.CHAT ? ItemKind.CHAT : ItemKind.FILE;
        ExportFiles files = null;
        Located loc;
        try {
            if (input.isFolder()) {
                files = ExportFiles.ofFolder(input.entries(), input.options());
                loc = locateIn(files);
            } else {
                Path file = input.file();
                if (!Files.isReadable(file)) {
                    throw new IOException("the vault copy " + file + " of " + input.name() + " cannot be read");
                }
                if (Files.size(file) == 0) {
                    return ParseResult.plain(failKind, List.of("the file is empty; there is no chat to read"));
                }
                if (ExportFiles.isZip(file)) {
                    try {
                        files = ExportFiles.openZip(file, input.options());
                    } catch (IOException | RuntimeException e) {
                        return ParseResult.plain(failKind, List.of("not a readable zip (" + e.getMessage()
                                + "); it is kept and hashed as is"));
                    }
                    loc = locateIn(files);
                } else {
                    try (InputStream in = Files.newInputStream(file)) {
                        Platform p = classify(in.readNBytes(SNIFF_BYTES));
                        loc = p == null ? null : new Located(p, List.of());
                    }
                }
            }
            if (loc == null) {
                if (exportByName(input.name(), files)) {
                    return ParseResult.plain(failKind, List.of("the name says " + input.name() + " is a chat export, "
                            + "but no message could be read from it (its format is not one Sakshi knows); it is kept "
                            + "and hashed as is: check it against the phone, and report the format so it can be added"));
                }
                return ParseResult.plain(failKind, List.of("no WhatsApp, Telegram or Messenger chat was found in "
                        + input.name() + "; it is kept and hashed as is"));
            }
            return parseLocated(input, loc, files, sink, cancel, warnings);
        } finally {
            if (files != null) {
                files.close();
            }
        }
    }

    private ParseResult parseLocated(ParseInput input, Located loc, ExportFiles files, RecordSink sink,
                                     CancelFlag cancel, List<String> warnings)
            throws AmbiguousDateOrderException, CancelledException, IOException {
        List<Assumption> assumptions = new ArrayList<>();
        ZoneId zone = input.options().zone();
        boolean zoneGiven = zone != null;
        if (zone == null) {
            zone = ZoneOffset.UTC;
        }
        List<Member> members = files == null ? List.of() : files.hashAll(cancel, warnings);
        List<Member> others = new ArrayList<>();
        Member chatFile = null;
        for (Member m : members) {
            if (loc.paths().contains(m.path())) {
                if (chatFile == null) {
                    chatFile = m;
                }
            } else {
                others.add(m);
            }
        }
        boolean hasFiles = files != null;
        AttachmentIndex attachments = new AttachmentIndex(others);
        ChatStats stats = new ChatStats(sink);
        DateOrder order = null;
        String platform = switch (loc.platform()) {
            case WHATSAPP -> "whatsapp";
            case TELEGRAM, TELEGRAM_HTML -> "telegram";
            case MESSENGER -> isInstagram(input, loc, files) ? "instagram" : "messenger";
        };
        String zoneWhy = zoneGiven ? "the zone given for this import (or the case zone)"
                : "no zone was given, so UTC is assumed; re-import with --zone if the phone used another zone";
        try {
            switch (loc.platform()) {
                case WHATSAPP -> {
                    String path = loc.paths().isEmpty() ? null : loc.paths().get(0);
                    final ExportFiles f = files;
                    WhatsAppParser.Source src = path == null ? () -> Files.newInputStream(input.file()) : () -> f.open(path);
                    String label = path == null ? input.name() : input.name() + "/" + path;
                    WhatsAppParser.OrderDecision d = WhatsAppParser.inferOrder(src, label, cancel, warnings,
                            input.options().dateOrder());
                    if (d != null) {
                        order = d.order();
                        assumptions.add(new Assumption("date_order", order.json(), d.reason()));
                    } else if (input.options().dateOrder() != null) {
                        order = input.options().dateOrder();
                        assumptions.add(new Assumption("date_order", order.json(), "chosen by the user (--date-order)"));
                    }
                    if (order == null) {
                        warnings.add("no WhatsApp message line was found in " + label);
                    } else {
                        assumptions.add(new Assumption("zone", zone.getId(), "WhatsApp writes the phone's wall-clock "
                                + "time without an offset; the message times are read as local time in " + zone.getId()
                                + ": " + zoneWhy));
                        WhatsAppParser.parse(src, order, attachments, hasFiles, stats, cancel, warnings, assumptions);
                    }
                }
                case TELEGRAM_HTML -> {
                    TelegramHtmlParser html = new TelegramHtmlParser(zone, attachments, hasFiles, stats, cancel, warnings);
                    List<String> paths = loc.paths().isEmpty() ? List.of(input.name()) : loc.paths();
                    long chats = paths.stream().map(ChatParser::folderOf).distinct().count();
                    for (String path : paths) {
                        long size = files == null ? Files.size(input.file()) : files.size(path);
                        try (InputStream in = files == null ? Files.newInputStream(input.file()) : files.open(path)) {
                            html.page(in, size, path, chats > 1 ? folderOf(path) : null);
                        } catch (IOException e) {
                            if (files == null) {
                                throw e;
                            }
                            warnings.add(path + " could not be read: " + e.getMessage());
                        }
                    }
                    assumptions.add(new Assumption("zone", zone.getId(), "the HTML export gives each message's time "
                            + "with its UTC offset; it is shown as wall-clock time in " + zone.getId() + ", the instant "
                            + "is kept with each message: " + zoneWhy));
                    if (html.usedLocalTime()) {
                        assumptions.add(new Assumption("local_date", "date", "some Telegram HTML message times have no "
                                + "UTC offset (older exports); they are the wall-clock time of the computer that exported "
                                + "and are used as is"));
                    }
                }
                case TELEGRAM, MESSENGER -> {
                    JsonChatParser json = new JsonChatParser(zone, attachments, hasFiles, stats, cancel, warnings);
                    List<String> paths = loc.paths().isEmpty() ? List.of(input.name()) : loc.paths();
                    long threads = paths.stream().map(ChatParser::folderOf).distinct().count();
                    for (String path : paths) {
                        try (InputStream in = files == null ? Files.newInputStream(input.file()) : files.open(path)) {
                            if (loc.platform() == Platform.TELEGRAM) {
                                json.telegram(in, files == null ? null : path, path);
                            } else {
                                json.messenger(in, path, threads > 1);
                            }
                        } catch (IOException e) {
                            if (files == null) {
                                throw e;
                            }
                            warnings.add(path + " could not be opened: " + e.getMessage());
                        }
                    }
                    String field = loc.platform() == Platform.TELEGRAM ? "date_unixtime" : "timestamp_ms";
                    assumptions.add(new Assumption("zone", zone.getId(), "the export gives each message's instant ("
                            + field + "); it is shown as wall-clock time in " + zone.getId() + ", the instant is kept "
                            + "with each message: " + zoneWhy));
                    if (json.usedLocalDate()) {
                        assumptions.add(new Assumption("local_date", "date", "some Telegram messages have no "
                                + "date_unixtime; their \"date\" (wall-clock time of the computer that exported) is used as is"));
                    }
                    if (json.escapeRepairs() > 0) {
                        assumptions.add(new Assumption("json_repair", "\\xHH -> \\u00HH", json.escapeRepairs()
                                + " \\xHH escapes (not valid JSON) were read as the characters they name"));
                    }
                    if (json.mojibakeRepairs() > 0) {
                        assumptions.add(new Assumption("text_encoding", "utf-8 bytes escaped as latin-1", json.mojibakeRepairs()
                                + " strings were Facebook mojibake (UTF-8 bytes written as \\u00XX) and were decoded as UTF-8; "
                                + "strings that are not valid UTF-8 that way were left as written"));
                    }
                }
                default -> throw new IllegalStateException();
            }
        } catch (AmbiguousDateOrderException | CancelledException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            if (files == null && e instanceof IOException io && !Files.isReadable(input.file())) {
                throw io;
            }
            LOG.warn("chat parse of {} stopped", input.name(), e);
            warnings.add("reading the chat stopped (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + "); the " + stats.messages() + " message(s) read before are kept");
        }
        if (loc.paths().size() > 1 && loc.platform() == Platform.WHATSAPP) {
            warnings.add("the export holds more than one chat text; " + loc.paths().get(0) + " was read, the others ("
                    + String.join(", ", loc.paths().subList(1, loc.paths().size())) + ") are hashed and listed only");
        }
        attachments.warnings(warnings, hasFiles);
        Map<String, Object> summary = stats.summary(platform, zone, order, attachments, warnings);
        if (chatFile != null) {
            Map<String, Object> cf = new LinkedHashMap<>();
            cf.put("name", chatFile.path());
            cf.put("sha256", chatFile.sha256());
            cf.put("size", chatFile.size());
            summary.put("chat_file", cf);
        }
        return new ParseResult(ItemKind.CHAT, "chat", summary, stats.messages(), warnings, List.of(), assumptions);
    }

    /**
     * Instagram's "Download your information" uses the same message_N.json shape as Facebook's. It is
     * told apart by the download's name, the current layout's top folder ({@code your_instagram_activity/})
     * or, in the older layout ({@code messages/inbox/...} at the top), by the folders only Instagram writes
     * beside it ({@code followers_and_following/}, {@code connections/followers_and_following/}).
     */
    private static boolean isInstagram(ParseInput input, Located loc, ExportFiles files) {
        if (input.name().toLowerCase(Locale.ROOT).contains("instagram")) {
            return true;
        }
        for (String p : loc.paths()) {
            if (p.toLowerCase(Locale.ROOT).contains("instagram")) {
                return true;
            }
        }
        if (files != null) {
            for (String n : files.names()) {
                String l = n.toLowerCase(Locale.ROOT);
                if (l.startsWith("followers_and_following/") || l.contains("/followers_and_following/")
                        || l.startsWith("your_instagram_activity/") || l.contains("instagram_profile_information")) {
                    return true;
                }
            }
        }
        return false;
    }

    // ---- detection ------------------------------------------------------------------------------

    /** Names WhatsApp gives its export in every language keep the brand; iOS names the text "_chat.txt". */
    private static final Pattern WHATSAPP_EXPORT_NAME = Pattern.compile("(?i)(?:^|.*/)(?:.*whatsapp.*\\.(?:txt|zip)|_chat\\.txt)$");

    /** True when the file's name alone says it is a WhatsApp chat export. */
    static boolean exportByName(String name) {
        return name != null && WHATSAPP_EXPORT_NAME.matcher(name).matches();
    }

    /**
     * True when a single file's name, or the name of a text at the top of a zip or folder, says it is a
     * WhatsApp chat export (a zip or folder named "WhatsApp" alone may be a phone's media folder).
     */
    static boolean exportByName(String name, ExportFiles files) {
        if (files == null) {
            return exportByName(name);
        }
        for (String n : files.names()) {
            if (depth(n) <= 1 && n.toLowerCase(Locale.ROOT).endsWith(".txt") && exportByName(n)) {
                return true;
            }
        }
        return false;
    }

    /**
     * False only when no name in the folder could be one that {@link #locateIn} or
     * {@link #exportByName(String, ExportFiles)} looks at: a text at the top or one folder down, or
     * any {@code .json} or {@code .html} file (a superset of their names, checked without a regex or a
     * lower-case copy per name).
     */
    static boolean anyExportName(List<org.sakshi.core.FolderEntry> entries) {
        for (org.sakshi.core.FolderEntry e : entries) {
            String n = e.path();
            if ((endsWithIgnoreCase(n, ".txt") && depth(n) <= 1) || endsWithIgnoreCase(n, ".json")
                    || endsWithIgnoreCase(n, ".html")) {
                return true;
            }
        }
        return false;
    }

    private static boolean endsWithIgnoreCase(String s, String suffix) {
        return s.regionMatches(true, s.length() - suffix.length(), suffix, 0, suffix.length());
    }

    /** The chat inside a zip or folder, or null. */
    static Located locateIn(ExportFiles files) {
        List<String> names = files.names();
        List<String> txt = new ArrayList<>();
        List<String> telegram = new ArrayList<>();
        List<String> messenger = new ArrayList<>();
        List<String> telegramHtml = new ArrayList<>();
        for (String n : names) {
            String lower = n.toLowerCase(Locale.ROOT);
            int depth = depth(n);
            if (lower.endsWith(".txt") && depth <= 1 && !ExportFiles.unsafeName(n)) {
                txt.add(n);
            } else if (lower.endsWith("result.json") && baseName(lower).equals("result.json") && depth <= 1) {
                telegram.add(n);
            } else if (TELEGRAM_HTML_NAME.matcher(lower).matches() && depth <= 3) {
                telegramHtml.add(n);
            } else if (MESSENGER_NAME.matcher(lower).matches()) {
                messenger.add(n);
            }
        }
        // Names that WhatsApp gives its chat text in any language come first ("WhatsApp", "_chat").
        txt.sort(Comparator.comparingInt(n -> {
            String l = n.toLowerCase(Locale.ROOT);
            return l.contains("whatsapp") || l.contains("_chat") ? 0 : 1;
        }));
        List<String> chats = new ArrayList<>();
        int sniffs = 0;
        for (String n : txt) {
            if (sniffs++ >= MAX_SNIFFS) {
                break;
            }
            if (sniff(files, n) == Platform.WHATSAPP) {
                chats.add(n);
            }
        }
        if (!chats.isEmpty()) {
            return new Located(Platform.WHATSAPP, chats);
        }
        for (String n : telegram) {
            if (sniff(files, n) == Platform.TELEGRAM) {
                return new Located(Platform.TELEGRAM, List.of(n));
            }
        }
        if (!telegramHtml.isEmpty()) {
            telegramHtml.sort(Comparator.comparing(ChatParser::folderOf).thenComparingInt(ChatParser::htmlPage));
            List<String> pages = new ArrayList<>();
            for (String n : telegramHtml) {
                if (htmlPage(n) != 1 || sniff(files, n) == Platform.TELEGRAM_HTML) {
                    pages.add(n);
                }
            }
            // keep only the folders whose first page is a Telegram page
            List<String> firstOk = pages.stream().filter(n -> htmlPage(n) == 1).map(ChatParser::folderOf).toList();
            pages.removeIf(n -> !firstOk.contains(folderOf(n)));
            if (!pages.isEmpty()) {
                return new Located(Platform.TELEGRAM_HTML, pages);
            }
        }
        if (!messenger.isEmpty()) {
            messenger.sort(Comparator.comparing(ChatParser::folderOf).thenComparingInt(ChatParser::partNumber));
            if (sniff(files, messenger.get(0)) == Platform.MESSENGER) {
                return new Located(Platform.MESSENGER, messenger);
            }
        }
        return null;
    }

    private static String folderOf(String path) {
        int i = path.lastIndexOf('/');
        return i < 0 ? "" : path.substring(0, i);
    }

    /** messages.html is page 1, messages2.html page 2, ... */
    private static int htmlPage(String path) {
        Matcher m = TELEGRAM_HTML_NAME.matcher(path.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Integer.MAX_VALUE;
        }
        try {
            return m.group(1).isEmpty() ? 1 : Integer.parseInt(m.group(1));
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    private static int partNumber(String path) {
        String b = baseName(path);
        try {
            return Integer.parseInt(b.substring("message_".length(), b.length() - ".json".length()));
        } catch (RuntimeException e) {
            return Integer.MAX_VALUE;
        }
    }

    private static Platform sniff(ExportFiles files, String name) {
        try (InputStream in = files.open(name)) {
            return classify(in.readNBytes(SNIFF_BYTES));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static int depth(String path) {
        int d = 0;
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '/') {
                d++;
            }
        }
        return d;
    }

    private static String baseName(String path) {
        int i = path.lastIndexOf('/');
        return i < 0 ? path : path.substring(i + 1);
    }

    /** What the first bytes of a file look like: a WhatsApp text, a Telegram or Messenger JSON, or null. */
    static Platform classify(byte[] head) {
        if (head.length == 0) {
            return null;
        }
        String text = new String(head, StandardCharsets.UTF_8);
        int i = 0;
        while (i < text.length() && (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == '\uFEFF')) {
            i++;
        }
        if (i < text.length() && text.charAt(i) == '{') {
            if (text.contains("\"date_unixtime\"") || text.contains("\"from_id\"") || text.contains("\"actor_id\"")
                    || (text.contains("\"about\"") && text.contains("Telegram"))) {
                return Platform.TELEGRAM;
            }
            if ((text.contains("\"sender_name\"") && text.contains("\"timestamp_ms\""))
                    || (text.contains("\"participants\"") && text.contains("\"thread_path\""))) {
                return Platform.MESSENGER;
            }
            return null;
        }
        if (i < text.length() && text.charAt(i) == '<') {
            return TelegramHtmlParser.looksLikeExport(text) ? Platform.TELEGRAM_HTML : null;
        }
        return looksLikeWhatsApp(text) ? Platform.WHATSAPP : null;
    }

    /** The first non-blank line is a WhatsApp header, or at least three of the first 200 lines are. */
    static boolean looksLikeWhatsApp(String text) {
        int lines = 0;
        int headers = 0;
        boolean firstSeen = false;
        int start = 0;
        while (start < text.length() && lines < 200) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            String line = text.substring(start, end);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            start = end + 1;
            if (line.isBlank()) {
                continue;
            }
            lines++;
            boolean header = WhatsAppGrammar.parse(line) != null;
            if (!firstSeen) {
                firstSeen = true;
                if (header) {
                    return true;
                }
            }
            if (header && ++headers >= 3) {
                return true;
            }
        }
        return false;
    }
}
