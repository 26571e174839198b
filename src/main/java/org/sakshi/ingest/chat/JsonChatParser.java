package org.sakshi.ingest.chat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sakshi.core.CancelFlag;
import org.sakshi.core.CancelledException;

/**
 * Telegram Desktop ({@code result.json}) and Facebook Messenger / Instagram ("Download your
 * information" {@code message_N.json}) exports, streamed with Jackson's {@link JsonParser}: the
 * document is walked token by token and only one message object at a time is read as a tree, so
 * large exports stay flat in memory. Input first passes through {@link JsonEscapeRepair} (Telegram's
 * {@code \xHH}). A truncated or invalid document keeps the messages read before the fault and
 * reports where it stopped.
 * <p>
 * Caps (hostile input costs a warning, never memory): the document may nest at most
 * {@value #MAX_DEPTH} levels, hold strings of at most {@value #MAX_STRING} characters and names of
 * at most {@value #MAX_NAME} characters (Jackson's {@link StreamReadConstraints}; past them the rest
 * of the document is not read); one message or participant list may hold at most
 * {@value #MAX_MESSAGE_TOKENS} JSON tokens (a larger one is skipped, streaming, with one warning, and
 * the next message is read); at most {@value #MAX_MESSAGES} messages are read per item.
 */
final class JsonChatParser {
    static final int MAX_DEPTH = 200;
    static final int MAX_STRING = 16 << 20;
    static final int MAX_NAME = 64 << 10;
    static final int MAX_MESSAGE_TOKENS = 200_000;
    static final long MAX_MESSAGES = 50_000_000L;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = MAPPER.getFactory().rebuild()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(MAX_STRING)
                    .maxNameLength(MAX_NAME)
                    .maxNumberLength(1000)
                    .build())
            .build();

    private final ZoneId zone;
    private final AttachmentIndex attachments;
    private final boolean hasFiles;
    private final ChatStats stats;
    private final CancelFlag cancel;
    private final List<String> warnings;
    /** Directory of the JSON file inside the export, with a trailing slash ("" at the top). */
    private String base = "";
    private long repairs;
    private long mojibake;
    private boolean usedLocalDate;
    private long oversized;
    private boolean messagesCapped;

    JsonChatParser(ZoneId zone, AttachmentIndex attachments, boolean hasFiles, ChatStats stats, CancelFlag cancel,
                   List<String> warnings) {
        this.zone = zone;
        this.attachments = attachments;
        this.hasFiles = hasFiles;
        this.stats = stats;
        this.cancel = cancel;
        this.warnings = warnings;
    }

    long escapeRepairs() {
        return repairs;
    }

    long mojibakeRepairs() {
        return mojibake;
    }

    boolean usedLocalDate() {
        return usedLocalDate;
    }

    /**
     * Parses one Telegram result.json. {@code path} is its path inside the export (media paths are
     * relative to its folder), or null for a file given alone; {@code label} names it in warnings.
     */
    void telegram(InputStream raw, String path, String label) throws IOException, CancelledException {
        base = path == null ? "" : dirOf(path);
        run(raw, label, true, false);
    }

    /**
     * Parses one Messenger/Instagram message_N.json; {@code nameChat} adds the thread's folder to each
     * message (when the export holds several threads).
     */
    void messenger(InputStream raw, String label, boolean nameChat) throws IOException, CancelledException {
        base = "";
        run(raw, label, false, nameChat);
    }

    private void run(InputStream raw, String path, boolean telegram, boolean nameChat)
            throws IOException, CancelledException {
        JsonEscapeRepair in = new JsonEscapeRepair(raw);
        long before = stats.messages();
        try (in; JsonParser p = FACTORY.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                warnings.add(path + " is not a JSON object; no messages read");
                return;
            }
            if (telegram) {
                walkTelegram(p, 0, null);
            } else {
                walkMessenger(p, path, nameChat);
            }
        } catch (CancelledException e) {
            throw e;
        } catch (StreamConstraintsException e) {
            warnings.add(path + " exceeds a safety limit of the JSON reader (" + firstLine(e.getMessage())
                    + "); the rest of it was not read, the " + (stats.messages() - before)
                    + " message(s) before that point are kept");
        } catch (IOException | RuntimeException e) {
            warnings.add(path + " could not be read to the end (" + firstLine(e.getMessage()) + "); the "
                    + (stats.messages() - before) + " message(s) before that point are kept");
        } finally {
            repairs += in.repairs();
            if (oversized > 0) {
                warnings.add(path + ": " + oversized + " message(s) or lists larger than " + MAX_MESSAGE_TOKENS
                        + " JSON tokens were skipped (not read, not listed); the file itself is kept and hashed");
                oversized = 0;
            }
        }
    }

    /**
     * Reads the value that starts at the parser's current token (an object or array) as a tree, or
     * returns null after skipping it, streaming, when it holds more than {@link #MAX_MESSAGE_TOKENS}
     * tokens. The tree is built from a bounded token copy, so a hostile message costs bounded memory.
     */
    private JsonNode readCapped(JsonParser p) throws IOException {
        TokenBuffer buf = new TokenBuffer(p);
        boolean keep = true; // false once the value is too large: the rest is only walked to its end
        int depth = 0;
        long tokens = 0;
        for (JsonToken t = p.currentToken(); ; t = p.nextToken()) {
            if (t == null) {
                throw new IOException("the JSON ends early");
            }
            if (t.isStructStart()) {
                depth++;
            } else if (t.isStructEnd()) {
                depth--;
            }
            if (keep && ++tokens > MAX_MESSAGE_TOKENS) {
                keep = false;
                buf.close();
            }
            if (keep) {
                buf.copyCurrentEvent(p);
            }
            if (depth == 0) {
                break;
            }
        }
        if (!keep) {
            oversized++;
            return null;
        }
        try (JsonParser bp = buf.asParser(MAPPER)) {
            return MAPPER.readTree(bp);
        }
    }

    /** True when the per-item message cap is reached (and says so once). */
    private boolean messageCapReached() {
        if (stats.messages() < MAX_MESSAGES) {
            return false;
        }
        if (!messagesCapped) {
            messagesCapped = true;
            warnings.add("more than " + MAX_MESSAGES + " messages; the messages after the first " + MAX_MESSAGES
                    + " are not listed (the file itself is kept and hashed)");
        }
        return true;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int i = s.indexOf('\n');
        return i < 0 ? s : s.substring(0, i);
    }

    private static String dirOf(String path) {
        int i = path.lastIndexOf('/');
        return i < 0 ? "" : path.substring(0, i + 1);
    }

    // ---- Telegram -------------------------------------------------------------------------------

    /** Single-chat export {name, type, id, messages[]} or full export {chats: {list: [chat...]}}. */
    private void walkTelegram(JsonParser p, int depth, String chat) throws IOException, CancelledException {
        String name = null;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            t = p.nextToken();
            if ("name".equals(f) && t == JsonToken.VALUE_STRING) {
                name = p.getText();
            } else if ("messages".equals(f) && t == JsonToken.START_ARRAY) {
                String chatKey = depth >= 2 ? name : null;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
                    if (t == JsonToken.START_OBJECT && !messageCapReached()) {
                        JsonNode m = readCapped(p);
                        if (m != null) {
                            telegramMessage(m, chatKey);
                        }
                    } else {
                        p.skipChildren();
                    }
                }
            } else if (("chats".equals(f) || "left_chats".equals(f)) && t == JsonToken.START_OBJECT && depth == 0) {
                walkTelegram(p, 1, null);
            } else if ("list".equals(f) && t == JsonToken.START_ARRAY && depth == 1) {
                while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
                    if (t == JsonToken.START_OBJECT) {
                        walkTelegram(p, 2, null);
                    } else {
                        p.skipChildren();
                    }
                }
            } else {
                p.skipChildren();
            }
        }
        if (t == null) {
            throw new IOException("the JSON ends early");
        }
    }

    private void telegramMessage(JsonNode m, String chat) throws IOException, CancelledException {
        if ((stats.messages() & 0xFFF) == 0) {
            cancel.throwIfCancelled();
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        LocalDateTime time = null;
        JsonNode unix = m.get("date_unixtime");
        if (unix != null && !unix.isNull()) {
            try {
                Instant at = Instant.ofEpochSecond(Long.parseLong(unix.asText().strip()));
                time = LocalDateTime.ofInstant(at, zone);
                extra.put("instant", at.toString());
            } catch (NumberFormatException e) {
                time = null;
            }
        }
        if (time == null && m.hasNonNull("date")) {
            String date = m.get("date").asText().strip();
            try {
                // "2021-07-28T14:05:00", also with fractions; with "Z" or an offset it is an instant
                java.time.temporal.TemporalAccessor p = java.time.format.DateTimeFormatter.ISO_DATE_TIME.parse(date);
                if (p.isSupported(java.time.temporal.ChronoField.OFFSET_SECONDS)) {
                    Instant at = java.time.OffsetDateTime.from(p).toInstant();
                    time = LocalDateTime.ofInstant(at, zone);
                    extra.put("instant", at.toString());
                } else {
                    time = LocalDateTime.from(p);
                    usedLocalDate = true;
                }
            } catch (java.time.DateTimeException e) {
                time = null;
            }
        }
        if (m.has("id")) {
            extra.put("source_id", m.get("id").asText());
        }
        List<String> flags = new ArrayList<>(2);
        String text = telegramText(m);
        String sender;
        Map<String, Object> attachment = null;
        if ("service".equals(m.path("type").asText("message"))) {
            sender = null;
            flags.add("system");
            StringBuilder b = new StringBuilder();
            String actor = m.hasNonNull("actor") ? m.get("actor").asText() : null;
            if (actor != null) {
                b.append(actor).append(' ');
            }
            b.append(m.path("action").asText("service"));
            if (m.hasNonNull("title")) {
                b.append(": ").append(m.get("title").asText());
            }
            if (m.path("members").isArray() && !m.get("members").isEmpty()) {
                List<String> names = new ArrayList<>();
                m.get("members").forEach(x -> names.add(x.isNull() ? "(deleted account)" : x.asText()));
                b.append(": ").append(String.join(", ", names));
            }
            if (!text.isEmpty()) {
                b.append(": ").append(text);
            }
            text = b.toString();
            if (actor != null) {
                stats.participant(Marks.strip(actor));
            }
        } else {
            JsonNode from = m.get("from");
            if (from == null || from.isNull()) {
                String id = m.path("from_id").asText("");
                sender = id.isEmpty() ? "(deleted account)" : "(deleted account " + id + ")";
                flags.add("deleted_account");
            } else {
                sender = Marks.strip(from.asText()).strip();
            }
            String media = m.hasNonNull("photo") ? m.get("photo").asText() : m.hasNonNull("file") ? m.get("file").asText() : null;
            if (media != null) {
                if (media.startsWith("(File ")) {
                    flags.add("media_omitted");
                } else {
                    String rel = media.startsWith("./") ? media.substring(2) : media;
                    attachment = attachments.reference(base + rel);
                    if (hasFiles && attachment.get("sha256") == null) {
                        flags.add("attachment_missing");
                    }
                }
            }
            if (m.hasNonNull("media_type")) {
                extra.put("media_type", m.get("media_type").asText());
            }
            if (m.hasNonNull("edited") || m.hasNonNull("edited_unixtime")) {
                flags.add("edited");
            }
            if (m.hasNonNull("forwarded_from")) {
                flags.add("forwarded");
                extra.put("forwarded_from", m.get("forwarded_from").asText());
            }
        }
        if (m.hasNonNull("reply_to_message_id")) {
            extra.put("reply_to", m.get("reply_to_message_id").asText());
        }
        if (chat != null) {
            extra.put("chat", chat);
        }
        stats.emit(time, sender, Marks.strip(text), attachment, flags, extra);
    }

    /** {@code text_entities} when present, else {@code text} as a string or an array of strings and entities. */
    private static String telegramText(JsonNode m) {
        JsonNode ents = m.get("text_entities");
        JsonNode t = ents != null && ents.isArray() ? ents : m.get("text");
        if (t == null || t.isNull()) {
            return "";
        }
        if (t.isTextual()) {
            return t.asText();
        }
        StringBuilder b = new StringBuilder();
        if (t.isArray()) {
            for (JsonNode part : t) {
                if (part.isTextual()) {
                    b.append(part.asText());
                } else if (part.isObject()) {
                    b.append(part.path("text").asText(""));
                }
            }
        }
        return b.toString();
    }

    // ---- Messenger / Instagram ------------------------------------------------------------------

    private void walkMessenger(JsonParser p, String path, boolean many) throws IOException, CancelledException {
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            t = p.nextToken();
            if ("participants".equals(f) && t == JsonToken.START_ARRAY) {
                JsonNode list = readCapped(p);
                for (JsonNode n : list == null ? List.<JsonNode>of() : list) {
                    stats.participant(fix(n.path("name").asText(null)));
                }
            } else if ("messages".equals(f) && t == JsonToken.START_ARRAY) {
                while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
                    if (t == JsonToken.START_OBJECT && !messageCapReached()) {
                        // Facebook writes "title" after "messages", so the thread is named by its folder.
                        JsonNode m = readCapped(p);
                        if (m != null) {
                            messengerMessage(m, many ? dirOf(path).replaceAll("/$", "") : null);
                        }
                    } else {
                        p.skipChildren();
                    }
                }
            } else {
                p.skipChildren();
            }
        }
        if (t == null) {
            throw new IOException("the JSON ends early");
        }
    }

    private String fix(String s) {
        String r = Mojibake.repair(s);
        if (r != null && !r.equals(s)) {
            mojibake++;
        }
        return r;
    }

    private void messengerMessage(JsonNode m, String chat) throws IOException, CancelledException {
        if ((stats.messages() & 0xFFF) == 0) {
            cancel.throwIfCancelled();
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        LocalDateTime time = null;
        if (m.has("timestamp_ms")) {
            Instant at = Instant.ofEpochMilli(m.get("timestamp_ms").asLong());
            time = LocalDateTime.ofInstant(at, zone);
            extra.put("instant", at.toString());
        }
        List<String> flags = new ArrayList<>(2);
        String type = m.path("type").asText("Generic");
        String sender = m.hasNonNull("sender_name") ? Marks.strip(fix(m.get("sender_name").asText())).strip() : null;
        String text = m.hasNonNull("content") ? fix(m.get("content").asText()) : "";
        if ("Subscribe".equals(type) || "Unsubscribe".equals(type)) {
            flags.add("system");
            sender = null;
        } else if (sender == null) {
            sender = "(unknown sender)";
        }
        if (m.path("is_unsent").asBoolean(false)) {
            flags.add("deleted");
        }
        List<String> uris = new ArrayList<>();
        for (String k : List.of("photos", "videos", "audio_files", "gifs", "files")) {
            if (m.path(k).isArray()) {
                m.get(k).forEach(x -> {
                    if (x.hasNonNull("uri")) {
                        uris.add(x.get("uri").asText());
                    }
                });
            }
        }
        if (m.path("sticker").hasNonNull("uri")) {
            uris.add(m.get("sticker").get("uri").asText());
        }
        Map<String, Object> attachment = null;
        if (!uris.isEmpty()) {
            attachment = attachments.reference(uris.get(0));
            if (hasFiles && attachment.get("sha256") == null) {
                flags.add("attachment_missing");
            }
            if (uris.size() > 1) {
                List<Map<String, Object>> all = new ArrayList<>();
                all.add(attachment);
                for (int i = 1; i < uris.size(); i++) {
                    all.add(attachments.reference(uris.get(i)));
                }
                extra.put("attachments", all);
            }
        }
        if (m.has("share") && m.get("share").hasNonNull("link")) {
            extra.put("link", m.get("share").get("link").asText());
        }
        if (chat != null) {
            extra.put("chat", chat);
        }
        stats.emit(time, sender, Marks.strip(text), attachment, flags, extra);
    }
}
