package org.sakshi.report;

import static org.sakshi.report.PdfLayout.Cell;
import static org.sakshi.report.PdfLayout.Style;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.sakshi.core.Item;

/**
 * A chat transcript (data/derived/ITEM/transcript.pdf): every message with its time, sender, text
 * and attachment hash. Its message table also lists the chat in the evidence report.
 */
final class TranscriptDocument {
    private TranscriptDocument() {
    }

    static void write(Item chat, RecordSource records, OutputStream out) throws ReportException {
        try (PDDocument doc = new PDDocument(IOUtils.createTempFileOnlyStreamCache())) {
            PdfDocs.describe(doc, "Transcript " + chat.id() + " " + chat.name(), (java.time.Instant) null);
            PdfLayout l = new PdfLayout(doc, "Transcript of " + chat.id() + " · SHA-256 " + chat.digests().sha256());
            l.newPage();
            l.paragraph("Chat transcript " + chat.id(), Style.H1);
            l.keyValue("File", chat.name(), 92);
            l.keyValue("SHA-256", chat.digests().sha256(), 92);
            Map<String, Object> s = Fmt.kindSummary(chat, "chat");
            l.keyValue("Platform", Fmt.str(s, "platform"), 92);
            l.keyValue("Participants", Fmt.str(s, "participants"), 92);
            l.keyValue("Time zone", Fmt.str(s, "zone"), 92);
            l.space(6);
            long n = table(l, chat, records == null ? RecordSource.NONE : records, null);
            l.paragraph(n + " message(s).", Style.MUTED);
            l.finish(chat.name());
            doc.save(out);
        } catch (IOException | RuntimeException e) {
            throw new ReportException("Could not write the transcript of " + chat.id() + ": " + e.getMessage(), e);
        }
    }

    /** The transcript's own words (a transcript PDF of its own is English, like the data it lists). */
    private static final Map<String, String> ENGLISH = Map.of("chat.col.time", "Time (phone)", "chat.col.sender",
            "Sender", "chat.col.message", "Message", "chat.system", "(system)", "chat.attachment", "Attachment");

    private static final float[] CHAT_COLS = {30, 76, 86, PdfLayout.WIDTH - 30 - 76 - 86};

    /**
     * Streams the chat's messages into a table; returns the number of messages written. The column
     * heads and fixed words come from {@code t} (both languages of a bilingual report), or are English
     * when {@code t} is null (the transcript of its own).
     */
    static long table(PdfLayout l, Item it, RecordSource records, ReportText t) throws IOException {
        java.util.function.Function<String, String> w = key -> t == null ? ENGLISH.get(key) : t.label(key);
        l.row(CHAT_COLS, List.of(new Cell("#", Style.SMALL_BOLD), new Cell(w.apply("chat.col.time"), Style.SMALL_BOLD),
                new Cell(w.apply("chat.col.sender"), Style.SMALL_BOLD), new Cell(w.apply("chat.col.message"),
                        Style.SMALL_BOLD)), true);
        String system = w.apply("chat.system");
        String attachment = w.apply("chat.attachment");
        long[] n = {0};
        records.stream(it, rec -> {
            n[0]++;
            Object sender = rec.get("sender");
            String text = rec.get("text") == null ? "" : rec.get("text").toString();
            List<Object> flags = Fmt.list(rec, "flags");
            if (!flags.isEmpty()) {
                text = "[" + Fmt.str(rec, "flags") + "] " + text;
            }
            Map<String, Object> att = Fmt.map(rec, "attachment");
            String idx = rec.get("index") == null ? Long.toString(n[0]) : rec.get("index").toString();
            l.row(CHAT_COLS, List.of(new Cell(idx, Style.SMALL), new Cell(Fmt.str(rec, "time").replace('T', ' '),
                            Style.SMALL),
                    new Cell(sender == null ? system : sender.toString(), sender == null ? Style.MUTED : Style.BOLD),
                    new Cell(text, Style.BODY)), att.isEmpty());
            if (!att.isEmpty()) {
                String hash = Fmt.str(att, "sha256");
                l.row(CHAT_COLS, List.of(new Cell("", Style.SMALL), new Cell("", Style.SMALL), new Cell("", Style.SMALL),
                        new Cell(attachment + ": " + Fmt.str(att, "name") + "\nSHA-256 "
                                + (hash.isEmpty() ? "(file not in the export)" : "\n" + hash), Style.MONO)), true);
            }
        });
        return n[0];
    }
}
