package org.sakshi.ingest.chat;

import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.sakshi.core.CancelFlag;
import org.sakshi.core.CancelledException;

/**
 * Telegram Desktop's HTML export (its default format): {@code messages.html}, {@code messages2.html},
 * ... with the media in {@code photos/}, {@code files/}, {@code video_files/}, {@code voice_messages/},
 * ... beside them. Parsed with jsoup into the same messages as {@code result.json}
 * ({@link JsonChatParser}): time, sender, text, attachment linked by hash, flags and the extra keys
 * {@code instant}, {@code source_id}, {@code reply_to}, {@code forwarded_from}, {@code chat}.
 *
 * <p>The exporter's fixed structure: each message is a {@code div.message} with id
 * {@code messageN}; {@code div.message.default} is a person's message, with {@code div.from_name}
 * (absent in a {@code joined} message, which continues the previous sender), the time in the
 * {@code title} of {@code div.date} ({@code "28.07.2021 14:05:00 UTC+05:30"}, older exports without
 * the offset), {@code div.text}, {@code div.media_wrap} holding a link to the file (or "Not
 * included" when media was not exported), {@code div.forwarded} and {@code div.reply_to}.
 * {@code div.message.service} is a group notice; those with a negative id are the day separators and
 * are not messages. Service notices carry no time in the HTML; they get the time of the message
 * before them, flagged {@code time_inferred}.
 */
final class TelegramHtmlParser {
    /** One HTML page is read whole; the exporter writes at most about a thousand messages per page. */
    static final long MAX_PAGE_BYTES = 64L << 20;
    private static final Pattern TITLE_TIME = Pattern.compile(
            "(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4}) (\\d{1,2}):(\\d{2}):(\\d{2})(?:\\s*UTC([+-])(\\d{1,2}):(\\d{2}))?");
    private static final Pattern MESSAGE_ID = Pattern.compile("message(-?\\d+)");
    private static final Pattern GO_TO = Pattern.compile("(?:go_to_message|GoToMessage\\()(-?\\d+)");

    private final ZoneId zone;
    private final AttachmentIndex attachments;
    private final boolean hasFiles;
    private final ChatStats stats;
    private final CancelFlag cancel;
    private final List<String> warnings;
    private boolean usedLocalTime;
    private String lastSender;
    private LocalDateTime lastTime;
    private Instant lastInstant;

    TelegramHtmlParser(ZoneId zone, AttachmentIndex attachments, boolean hasFiles, ChatStats stats, CancelFlag cancel,
                       List<String> warnings) {
        this.zone = zone;
        this.attachments = attachments;
        this.hasFiles = hasFiles;
        this.stats = stats;
        this.cancel = cancel;
        this.warnings = warnings;
    }

    /** True when some message times had no UTC offset and were read as the exporting computer's wall clock. */
    boolean usedLocalTime() {
        return usedLocalTime;
    }

    /** True when the first bytes look like a Telegram Desktop HTML export page. */
    static boolean looksLikeExport(String head) {
        return head.contains("<div class=\"history\">") && head.contains("class=\"page_wrap\"");
    }

    /**
     * Parses one page. {@code path} is its path inside the export (media paths are relative to its
     * folder); {@code chat} names the chat on each message when the export holds several, else null.
     */
    void page(InputStream in, long size, String path, String chat) throws IOException, CancelledException {
        if (size > MAX_PAGE_BYTES) {
            warnings.add(path + " is larger than " + (MAX_PAGE_BYTES >> 20) + " MiB, more than Telegram writes in one "
                    + "page; it was not read (it is hashed and listed)");
            return;
        }
        String base = path.lastIndexOf('/') < 0 ? "" : path.substring(0, path.lastIndexOf('/') + 1);
        Document doc = Jsoup.parse(in, "UTF-8", "");
        Element history = doc.selectFirst("div.history");
        if (history == null) {
            warnings.add(path + " has no message list (div.history); no messages read from it");
            return;
        }
        for (Element m : history.select("div.message")) {
            if ((stats.messages() & 0xFFF) == 0) {
                cancel.throwIfCancelled();
            }
            message(m, base, chat);
        }
    }

    private void message(Element m, String base, String chat) throws IOException {
        String id = null;
        Matcher idm = MESSAGE_ID.matcher(m.id());
        if (idm.matches()) {
            id = idm.group(1);
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        List<String> flags = new ArrayList<>(2);
        Element body = m.selectFirst("> div.body");
        if (m.hasClass("service")) {
            if (id == null || id.startsWith("-")) {
                return; // a day separator ("28 July 2021"), not a message
            }
            String text = body == null ? m.text() : body.text();
            extra.put("source_id", id);
            flags.add("system");
            if (lastTime != null) {
                flags.add("time_inferred");
                if (lastInstant != null) {
                    extra.put("instant", lastInstant.toString());
                }
            }
            if (chat != null) {
                extra.put("chat", chat);
            }
            stats.emit(lastTime, null, Marks.strip(text.strip()), null, flags, extra);
            return;
        }
        if (body == null) {
            return;
        }
        LocalDateTime time = null;
        Element date = body.selectFirst("> div.date");
        if (date != null) {
            time = time(date.attr("title"), extra);
        }
        Element from = body.selectFirst("> div.from_name");
        String sender;
        if (from != null) {
            sender = Marks.strip(from.ownText().isBlank() ? from.text() : from.ownText()).strip();
        } else if (m.hasClass("joined") && lastSender != null) {
            sender = lastSender;
        } else {
            sender = "(unknown sender)";
        }
        lastSender = sender;
        if (id != null) {
            extra.put("source_id", id);
        }
        Element reply = body.selectFirst("> div.reply_to");
        if (reply != null) {
            Element a = reply.selectFirst("a");
            String ref = a == null ? "" : a.attr("href") + " " + a.attr("onclick");
            Matcher g = GO_TO.matcher(ref);
            if (g.find()) {
                extra.put("reply_to", g.group(1));
            }
        }
        Element content = body;
        Element fwd = body.selectFirst("> div.forwarded.body");
        if (fwd != null) {
            flags.add("forwarded");
            Element fname = fwd.selectFirst("> div.from_name");
            if (fname != null) {
                extra.put("forwarded_from", Marks.strip(fname.ownText()).strip());
            }
            content = fwd;
        }
        Element textEl = content.selectFirst("> div.text");
        String text = textEl == null ? "" : text(textEl);
        Map<String, Object> attachment = null;
        Element media = content.selectFirst("> div.media_wrap");
        if (media != null) {
            Element link = null;
            for (Element a : media.select("a[href]")) {
                String href = a.attr("href");
                if (!href.isEmpty() && !href.startsWith("#") && !href.contains("://") && !href.startsWith("javascript:")) {
                    link = a;
                    break;
                }
            }
            if (link != null) {
                attachment = attachments.reference(base + link.attr("href"));
                if (hasFiles && attachment.get("sha256") == null) {
                    flags.add("attachment_missing");
                }
            } else if (media.selectFirst("div.media") != null) {
                flags.add("media_omitted");
            }
        }
        if (chat != null) {
            extra.put("chat", chat);
        }
        if (time != null) {
            lastTime = time;
        }
        stats.emit(time, sender, Marks.strip(text), attachment, flags, extra);
    }

    /** "28.07.2021 14:05:00 UTC+05:30": the instant (kept in {@code extra}) shown in the case zone. */
    private LocalDateTime time(String title, Map<String, Object> extra) {
        Matcher t = TITLE_TIME.matcher(title == null ? "" : title.strip());
        if (!t.find()) {
            return null;
        }
        try {
            LocalDateTime wall = LocalDateTime.of(Integer.parseInt(t.group(3)), Integer.parseInt(t.group(2)),
                    Integer.parseInt(t.group(1)), Integer.parseInt(t.group(4)), Integer.parseInt(t.group(5)),
                    Integer.parseInt(t.group(6)));
            if (t.group(7) == null) {
                usedLocalTime = true;
                lastInstant = null;
                return wall;
            }
            int sign = t.group(7).equals("-") ? -1 : 1;
            ZoneOffset off = ZoneOffset.ofHoursMinutes(sign * Integer.parseInt(t.group(8)),
                    sign * Integer.parseInt(t.group(9)));
            Instant at = wall.toInstant(off);
            extra.put("instant", at.toString());
            lastInstant = at;
            return LocalDateTime.ofInstant(at, zone);
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    /** The text of a {@code div.text}: line breaks as {@code \n}, links and formatting as their text. */
    static String text(Element el) {
        StringBuilder b = new StringBuilder();
        append(el, b);
        return b.toString().strip();
    }

    private static void append(Node n, StringBuilder b) {
        for (Node c : n.childNodes()) {
            if (c instanceof TextNode t) {
                String s = t.getWholeText().replace('\n', ' ');
                b.append(s);
            } else if (c instanceof Element e) {
                if (e.normalName().equals("br")) {
                    b.append('\n');
                } else {
                    append(e, b);
                }
            }
        }
    }
}
