package org.sakshi.report;

import static org.sakshi.report.PdfLayout.Cell;
import static org.sakshi.report.PdfLayout.Style;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.sakshi.core.Check;
import org.sakshi.core.CertificateKind;
import org.sakshi.core.CheckResult;
import org.sakshi.core.CustodyEvent;
import org.sakshi.core.Item;
import org.sakshi.core.ItemKind;
import org.sakshi.core.TimestampStatus;
import org.sakshi.core.VerificationReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the unsigned PDFs of a bundle: the report, the certificates, chat transcripts, and the
 * verification report. Sign the report and certificates afterwards with {@link PadesSigner}.
 * Fonts (Noto Sans, Noto Sans Devanagari, Noto Sans Bengali) are embedded as subsets; text stays
 * searchable. Every page footer carries "Page x of y" and the bundle id.
 */
public final class ReportWriter {
    /** Certificate template ids shipped in the jar (one file each under templates/). */
    public static final List<String> CERTIFICATE_IDS = CertificateKind.allTemplates();

    private static final Logger LOG = LoggerFactory.getLogger(ReportWriter.class);
    /** Members of a device dump listed in the report; the full list is in the bundle's derived CSV. */
    static final int MAX_MEMBERS_LISTED = 500;

    private final Path templateOverrideDir;

    /** Uses the templates shipped in the jar. */
    public ReportWriter() {
        this(null);
    }

    /**
     * @param templateOverrideDir a folder whose {@code <templateId>.txt} files replace the shipped
     *                            templates (editable without a rebuild); null for none
     */
    public ReportWriter(Path templateOverrideDir) {
        this.templateOverrideDir = templateOverrideDir;
    }

    // ================================================================== report

    /** The human-readable report (issue 5 item 2), unsigned. Streams records; never holds a whole chat. */
    public void writeReport(ReportData data, OutputStream out) throws ReportException {
        try (PDDocument doc = new PDDocument(IOUtils.createTempFileOnlyStreamCache())) {
            info(doc, "Evidence report " + data.caseInfo().number(), data);
            PdfLayout l = new PdfLayout(doc, "Bundle " + data.bundleId());
            cover(l, data);
            inventory(l, data);
            for (Item item : data.items()) {
                itemSection(l, data, item);
            }
            custodyLog(l, data);
            hashReport(l, data);
            howToVerify(l, data);
            l.finish("Case " + data.caseInfo().number() + " — " + data.caseInfo().title());
            doc.save(out);
            LOG.debug("report for bundle {}: {} pages", data.bundleId(), l.pageCount());
        } catch (IOException | RuntimeException e) {
            throw new ReportException("Could not write the report PDF for case " + data.caseInfo().number()
                    + ": " + e.getMessage() + ". Check free disk space and try the export again.", e);
        }
    }

    private static void info(PDDocument doc, String title, ReportData data) {
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(title);
        info.setAuthor(data.exporter().name());
        info.setSubject("Bundle " + data.bundleId());
        info.setCreator(data.toolVersion().isEmpty() ? "Sakshi" : data.toolVersion());
        info.setProducer("Sakshi (Apache PDFBox)");
        info.setCreationDate(calendar(data.exportedAt()));
    }

    static Calendar calendar(Instant t) {
        GregorianCalendar c = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC), Locale.ROOT);
        c.setTimeInMillis(t.toEpochMilli());
        return c;
    }

    private static void cover(PdfLayout l, ReportData d) throws IOException {
        l.newPage();
        l.space(40);
        l.paragraph("Digital Evidence Report", Style.H1.withSize(24));
        l.space(6);
        l.paragraph(d.caseInfo().title(), Style.H2.withSize(15));
        l.space(18);
        l.rule();
        l.space(8);
        float lw = 130;
        ZoneId zone = d.caseInfo().zone();
        l.keyValue("Case number", d.caseInfo().number(), lw);
        l.keyValue("Case title", d.caseInfo().title(), lw);
        l.keyValue("Agency", d.caseInfo().agency(), lw);
        l.keyValue("Jurisdiction", d.caseInfo().jurisdiction().name(), lw);
        l.keyValue("Case opened", Fmt.utcAndZone(d.caseInfo().createdAt(), zone), lw);
        l.keyValue("Exporting officer", Fmt.actor(d.exporter()), lw);
        if (d.exporter().certSha256() != null) {
            l.keyValue("Officer certificate SHA-256", d.exporter().certSha256(), lw);
        }
        l.keyValue("Bundle id", d.bundleId(), lw);
        l.keyValue("Exported at", Fmt.utcAndZone(d.exportedAt(), zone), lw);
        l.keyValue("Case time zone", zone.getId(), lw);
        l.keyValue("Items in bundle", Integer.toString(d.items().size()), lw);
        l.keyValue("Custody events", Integer.toString(d.events().size()), lw);
        l.keyValue("Custody chain head", d.custodyHead(), lw);
        l.keyValue("Tool", d.toolVersion(), lw);
        l.space(14);
        l.rule();
        l.paragraph("This report is part of the evidence bundle named above. It is signed (PAdES) by the exporting "
                + "officer; the bundle's manifest and signature protect every file listed here. Hash values are "
                + "given in full, in lower-case hexadecimal. Chat times are the phone's local wall-clock time in "
                + "the case time zone; all other times are UTC with the case zone in brackets.", Style.MUTED);
        l.space(6);
        l.paragraph("Contents: 1 Inventory · 2 Evidence items · 3 Custody log · 4 Hash report · 5 How to verify",
                Style.MUTED);
    }

    private static void inventory(PdfLayout l, ReportData d) throws IOException {
        l.newPage();
        l.heading("1  Inventory of evidence", Style.H2);
        l.paragraph(d.items().size() + " item(s). Each item was hashed (SHA-256, SHA-1, MD5) in one pass when it "
                + "was imported, stored read-only, and time-stamped by a time-stamp authority (TSA).", Style.MUTED);
        l.space(4);
        ZoneId zone = d.caseInfo().zone();
        float lw = 92;
        for (Item it : d.items()) {
            l.ensure(150);
            l.space(4);
            l.paragraph(it.id() + "  " + it.name(), Style.H3);
            l.keyValue("Kind", it.kind().json() + (it.folder() ? " (folder)" : ""), lw);
            l.keyValue("Size", Fmt.size(it.size()), lw);
            l.keyValue("SHA-256", it.digests().sha256(), lw);
            l.keyValue("SHA-1", it.digests().sha1(), lw);
            l.keyValue("MD5", it.digests().md5(), lw);
            l.keyValue("Imported", Fmt.utcAndZone(it.importedAt(), zone)
                    + (it.importedBy() == null ? "" : " by " + it.importedBy()), lw);
            l.keyValue("TSA time", tsa(it, zone), lw);
            l.keyValue("Bag path", Fmt.bagPath(it), lw);
            if (it.derivedFrom() != null) {
                l.keyValue("Derived from", it.derivedFrom(), lw);
            }
            String src = source(it);
            if (!src.isEmpty()) {
                l.keyValue("Source", src, lw);
            }
            for (String w : it.warnings()) {
                l.keyValue("Warning", w, lw);
            }
            l.rule();
        }
    }

    static String tsa(Item it, ZoneId zone) {
        if (it.timestamp().status() == TimestampStatus.GRANTED) {
            return Fmt.utcAndZone(it.timestamp().time(), zone)
                    + (it.timestamp().tsa() == null ? "" : " — " + it.timestamp().tsa());
        }
        return it.timestamp().status() == TimestampStatus.PENDING ? "pending (no TSA answered yet)" : "none";
    }

    static String source(Item it) {
        List<String> parts = new ArrayList<>();
        var s = it.source();
        add(parts, null, s.text());
        add(parts, "make", s.deviceMake());
        add(parts, "model", s.deviceModel());
        add(parts, "serial", s.deviceSerial());
        add(parts, "IMEI", s.deviceImei());
        add(parts, "location", s.location());
        return String.join("; ", parts);
    }

    private static void add(List<String> parts, String label, String v) {
        if (v != null && !v.isBlank()) {
            parts.add(label == null ? v : label + " " + v);
        }
    }

    private static void itemSection(PdfLayout l, ReportData d, Item it) throws IOException {
        l.newPage();
        l.heading("2  Evidence item " + it.id() + " — " + it.name(), Style.H2);
        float lw = 92;
        l.keyValue("Kind", it.kind().json(), lw);
        l.keyValue("SHA-256", it.digests().sha256(), lw);
        l.space(4);
        switch (it.kind()) {
            case SCREENSHOT -> imageSection(l, d, it);
            case CHAT -> chatSection(l, d, it);
            case DEVICE -> deviceSection(l, d, it);
            default -> {
                if (it.summary().containsKey("image") || it.summary().containsKey("format")
                        && it.summary().containsKey("width")) {
                    imageSection(l, d, it);
                } else {
                    l.paragraph("A file preserved as imported; its content is not interpreted by this report.",
                            Style.MUTED);
                }
            }
        }
    }

    private static void imageSection(PdfLayout l, ReportData d, Item it) throws IOException {
        Optional<byte[]> thumb = d.thumbnails().thumbnail(it);
        if (thumb.isPresent() && PdfLayout.isImage(thumb.get())) {
            l.image(thumb.get(), it.id(), 0, 260, 300);
        } else {
            l.paragraph("(no thumbnail available)", Style.MUTED);
        }
        Map<String, Object> img = Fmt.kindSummary(it, "image");
        Map<String, Object> exif = Fmt.map(img, "exif");
        float lw = 120;
        l.keyValue("Format", Fmt.str(img, "format"), lw);
        String wh = Fmt.str(img, "width");
        l.keyValue("Dimensions", wh.isEmpty() ? "" : wh + " × " + Fmt.str(img, "height") + " pixels", lw);
        l.keyValue("EXIF date taken", Fmt.str(exif, "datetime_original"), lw);
        l.keyValue("EXIF camera make", Fmt.str(exif, "make"), lw);
        l.keyValue("EXIF camera model", Fmt.str(exif, "model"), lw);
        l.keyValue("EXIF GPS (lat, lon)", Fmt.str(exif, "gps"), lw);
        l.keyValue("EXIF software", Fmt.str(exif, "software"), lw);
    }

    private static void chatSection(PdfLayout l, ReportData d, Item it) throws IOException {
        Map<String, Object> chat = Fmt.kindSummary(it, "chat");
        float lw = 120;
        l.keyValue("Platform", Fmt.str(chat, "platform"), lw);
        l.keyValue("Participants", Fmt.str(chat, "participants"), lw);
        l.keyValue("Messages", Fmt.str(chat, "messages") + " (user " + Fmt.str(chat, "user_messages")
                + ", system " + Fmt.str(chat, "system_messages") + ")", lw);
        l.keyValue("First / last message", Fmt.str(chat, "first_time") + " / " + Fmt.str(chat, "last_time"), lw);
        l.keyValue("Time zone (phone clock)", Fmt.str(chat, "zone"), lw);
        l.keyValue("Date order", Fmt.str(chat, "date_order"), lw);
        List<Object> atts = Fmt.list(chat, "attachments");
        l.keyValue("Attachments", Integer.toString(atts.size()), lw);
        l.space(6);
        long count = transcriptTable(l, it, d.records());
        l.space(4);
        l.paragraph(count + " message(s) listed.", Style.MUTED);
    }

    private static final float[] CHAT_COLS = {30, 76, 86, PdfLayout.WIDTH - 30 - 76 - 86};

    /** Streams the chat's messages into a table; returns the number of messages written. */
    static long transcriptTable(PdfLayout l, Item it, RecordSource records) throws IOException {
        l.row(CHAT_COLS, List.of(new Cell("#", Style.SMALL_BOLD), new Cell("Time (phone)", Style.SMALL_BOLD),
                new Cell("Sender", Style.SMALL_BOLD), new Cell("Message", Style.SMALL_BOLD)), true);
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
                    new Cell(sender == null ? "(system)" : sender.toString(), sender == null ? Style.MUTED : Style.BOLD),
                    new Cell(text, Style.BODY)), att.isEmpty());
            if (!att.isEmpty()) {
                String hash = Fmt.str(att, "sha256");
                l.row(CHAT_COLS, List.of(new Cell("", Style.SMALL), new Cell("", Style.SMALL), new Cell("", Style.SMALL),
                        new Cell("Attachment: " + Fmt.str(att, "name") + "\nSHA-256 "
                                + (hash.isEmpty() ? "(file not in the export)" : "\n" + hash), Style.MONO)), true);
            }
        });
        return n[0];
    }

    private static void deviceSection(PdfLayout l, ReportData d, Item it) throws IOException {
        Map<String, Object> dev = Fmt.kindSummary(it, "device");
        Map<String, Object> acq = Fmt.map(dev, "acquisition");
        float lw = 140;
        l.keyValue("Format", Fmt.str(dev, "format"), lw);
        l.keyValue("Member files", Fmt.str(dev, "members"), lw);
        l.keyValue("Total member bytes", Fmt.str(dev, "total_member_bytes"), lw);
        l.keyValue("Device", source(it), lw);
        l.space(4);
        l.paragraph("Acquisition verification", Style.H3);
        String verified = Fmt.str(acq, "verified");
        l.keyValue("Result", switch (verified) {
            case "true" -> "VERIFIED: the hashes stored by the acquisition tool match the hashes computed on import";
            case "false" -> "MISMATCH: the stored and computed hashes differ";
            default -> "not applicable (the format stores no acquisition hash)";
        }, lw);
        l.keyValue("MD5 stored", Fmt.str(acq, "md5_stored"), lw);
        l.keyValue("MD5 computed", Fmt.str(acq, "md5_computed"), lw);
        l.keyValue("SHA-1 stored", Fmt.str(acq, "sha1_stored"), lw);
        l.keyValue("SHA-1 computed", Fmt.str(acq, "sha1_computed"), lw);
        l.keyValue("Case number (image)", Fmt.str(acq, "case_number"), lw);
        l.keyValue("Examiner", Fmt.str(acq, "examiner"), lw);
        l.keyValue("Evidence number", Fmt.str(acq, "evidence_number"), lw);
        l.keyValue("Description", Fmt.str(acq, "description"), lw);
        l.keyValue("Notes", Fmt.str(acq, "notes"), lw);
        l.space(6);
        float[] cols = {PdfLayout.WIDTH - 56 - 310, 56, 310};
        l.paragraph("Member files (first " + MAX_MEMBERS_LISTED + "; the full list with hashes is in "
                + "data/derived/" + it.id() + "/ of the bundle)", Style.H3);
        l.row(cols, List.of(new Cell("Path", Style.SMALL_BOLD), new Cell("Size", Style.SMALL_BOLD),
                new Cell("SHA-256", Style.SMALL_BOLD)), true);
        long[] n = {0};
        d.records().stream(it, rec -> {
            n[0]++;
            if (n[0] <= MAX_MEMBERS_LISTED) {
                l.row(cols, List.of(new Cell(Fmt.str(rec, "path"), Style.SMALL), new Cell(Fmt.str(rec, "size"),
                        Style.SMALL), new Cell(Fmt.str(rec, "sha256"), Style.SMALL)), true);
            }
        });
        l.paragraph(n[0] + " member record(s) in the dump listing.", Style.MUTED);
    }

    private static final float[] LOG_COLS = {30, 84, 92, 110, PdfLayout.WIDTH - 30 - 84 - 92 - 110};
    private static final float[] LOG_HASH_COLS = {30, PdfLayout.WIDTH - 30};

    private static void custodyLog(PdfLayout l, ReportData d) throws IOException {
        l.newPage();
        l.heading("3  Custody log", Style.H2);
        l.paragraph(d.events().size() + " event(s), each linked to the previous by its SHA-256 hash "
                + "(custody-ledger.md). The head of the chain is " + d.custodyHead() + ".", Style.MUTED);
        l.space(4);
        l.row(LOG_COLS, List.of(new Cell("Seq", Style.SMALL_BOLD), new Cell("Time (UTC)", Style.SMALL_BOLD),
                new Cell("Event", Style.SMALL_BOLD), new Cell("Actor", Style.SMALL_BOLD),
                new Cell("Item and details", Style.SMALL_BOLD)), true);
        for (CustodyEvent e : d.events()) {
            String det = (e.itemId() == null ? "" : e.itemId() + ". ") + Fmt.details(e.details());
            l.row(LOG_COLS, List.of(new Cell(Long.toString(e.seq()), Style.SMALL),
                    new Cell(Fmt.utc(e.at()).replace(" UTC", ""), Style.SMALL), new Cell(e.type(), Style.SMALL_BOLD),
                    new Cell(Fmt.actorShort(e.actor()), Style.SMALL), new Cell(det, Style.SMALL)), e.hash() == null);
            if (e.hash() != null) {
                l.row(LOG_HASH_COLS, List.of(new Cell("", Style.SMALL),
                        new Cell("event hash " + e.hash() + "   prev " + abbreviate(e.prev()), Style.SMALL)), true);
            }
        }
    }

    private static String abbreviate(String hash) {
        return hash == null || hash.length() < 16 ? String.valueOf(hash) : hash.substring(0, 12) + "…";
    }

    private static final float[] HASH_COLS = {48, 58, PdfLayout.WIDTH - 48 - 58};

    private static void hashReport(PdfLayout l, ReportData d) throws IOException {
        l.newPage();
        l.heading("4  Hash report", Style.H2);
        l.paragraph("Every evidence file of the bundle with its hash values. The SHA-256 values are the ones in "
                + "manifest-sha256.txt; recompute them with sha256sum (Linux), shasum -a 256 (macOS) or "
                + "certutil -hashfile FILE SHA256 (Windows).", Style.MUTED);
        l.space(4);
        l.row(HASH_COLS, List.of(new Cell("Item", Style.SMALL_BOLD), new Cell("Algorithm", Style.SMALL_BOLD),
                new Cell("Path in the bundle and hash value", Style.SMALL_BOLD)), true);
        for (Item it : d.items()) {
            l.ensure(60);
            l.row(HASH_COLS, List.of(new Cell(it.id(), Style.BOLD), new Cell("Path", Style.SMALL),
                    new Cell(Fmt.bagPath(it), Style.BODY)), false);
            l.row(HASH_COLS, List.of(new Cell("", Style.BOLD), new Cell("SHA-256", Style.SMALL),
                    new Cell(it.digests().sha256(), Style.MONO)), false);
            l.row(HASH_COLS, List.of(new Cell("", Style.BOLD), new Cell("SHA-1", Style.SMALL),
                    new Cell(it.digests().sha1(), Style.MONO)), false);
            l.row(HASH_COLS, List.of(new Cell("", Style.BOLD), new Cell("MD5", Style.SMALL),
                    new Cell(it.digests().md5(), Style.MONO)), true);
        }
        l.space(8);
        l.keyValue("Custody chain head", d.custodyHead(), 120);
        l.keyValue("Bundle id", d.bundleId(), 120);
    }

    private static void howToVerify(PdfLayout l, ReportData d) throws IOException {
        l.newPage();
        l.heading("5  How to verify this bundle", Style.H2);
        String[] steps = {
            "1. Unzip the bundle. It holds one folder named " + d.bundleId() + "; open a terminal in that folder.",
            "2. Check every evidence file: sha256sum -c manifest-sha256.txt — every line must end in OK.",
            "3. Check the tag files: sha256sum -c tagmanifest-sha256.txt — every line must end in OK.",
            "4. Check the officer's signature over tagmanifest-sha256.txt: openssl cms -verify -binary -inform DER "
                    + "-in signature/tagmanifest-sha256.txt.p7s -content tagmanifest-sha256.txt "
                    + "-CAfile AGENCY-CA.pem -purpose any -out /dev/null — it must print "
                    + "\"CMS Verification successful\".",
            "5. Check the time-stamp: openssl ts -verify -data tagmanifest-sha256.txt -in "
                    + "signature/tagmanifest-sha256.txt.tsr -CAfile TSA-ROOT.pem — it must print \"Verification: OK\".",
            "6. Check this report's own signature: pdfsig data/report/report.pdf — it must say "
                    + "\"Signature is Valid.\" and \"Total document signed\".",
            "7. Or run: sakshi verify BUNDLE.zip --trust AGENCY-CA.pem --trust TSA-ROOT.pem — PASSED means every "
                    + "check passed and the signer and time-stamp authority are trusted.",
            "The hash values in section 4 must equal the lines of manifest-sha256.txt, and the custody chain head "
                    + "(" + d.custodyHead() + ") must equal data/case.json and bag-info.txt.",
        };
        for (String s : steps) {
            l.paragraph(s, Style.BODY);
            l.space(4);
        }
    }

    // ================================================================== certificates

    /**
     * A certificate filled from its template ({@link #CERTIFICATE_IDS}); {@code extra} supplies or
     * overrides placeholders (e.g. {@code place}, {@code certifier.designation}); missing values
     * print as blank lines to fill by hand.
     */
    public void writeCertificate(String templateId, ReportData data, Map<String, String> extra, OutputStream out)
            throws ReportException {
        String template = Templates.load(templateId, templateOverrideDir);
        List<Templates.Line> lines = Templates.fill(template, data, extra == null ? Map.of() : extra);
        try (PDDocument doc = new PDDocument()) {
            info(doc, "Certificate " + templateId + " — case " + data.caseInfo().number(), data);
            PdfLayout l = new PdfLayout(doc, "Bundle " + data.bundleId() + " · " + templateId);
            l.newPage();
            for (Templates.Line line : lines) {
                switch (line.kind()) {
                    case TITLE -> {
                        l.paragraph(line.text(), Style.H1.withSize(15));
                        l.space(4);
                    }
                    case HEADING -> l.heading(line.text(), Style.H3.withSize(11));
                    case RULE -> l.rule();
                    case BLANK -> l.space(6);
                    case PAGE -> l.newPage();
                    case FIELD -> l.keyValue(line.label(), line.text(), 170);
                    case MONO -> {
                        if (line.label().isEmpty()) {
                            l.paragraph(line.text(), Style.BODY, 12);
                        } else {
                            l.row(new float[] {12, 52, PdfLayout.WIDTH - 64}, List.of(new Cell("", Style.MONO),
                                    new Cell(line.label(), Style.SMALL_BOLD), new Cell(line.text(), Style.MONO)), false);
                        }
                    }
                    case TEXT -> l.paragraph(line.text(), Style.BODY);
                }
            }
            l.finish("Case " + data.caseInfo().number());
            doc.save(out);
        } catch (IOException | RuntimeException e) {
            throw new ReportException("Could not write certificate " + templateId + " for case "
                    + data.caseInfo().number() + ": " + e.getMessage(), e);
        }
    }

    // ================================================================== verification report

    /** The verification report a court clerk reads (sakshi verify --report). */
    public void writeVerificationReport(VerificationReport report, String bundleFileName, String bundleSha256,
                                        OutputStream out) throws ReportException {
        try (PDDocument doc = new PDDocument()) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("Verification report " + bundleFileName);
            info.setProducer("Sakshi (Apache PDFBox)");
            info.setCreationDate(calendar(Instant.now()));
            String id = report.bundleId() == null ? "unknown" : report.bundleId();
            PdfLayout l = new PdfLayout(doc, "Verification of bundle " + id);
            l.newPage();
            l.paragraph("Bundle Verification Report", Style.H1.withSize(22));
            l.space(10);
            float[] rgb = switch (report.verdict()) {
                case PASSED -> new float[] {0.05f, 0.45f, 0.15f};
                case FAILED -> new float[] {0.75f, 0.05f, 0.05f};
                case INDETERMINATE -> new float[] {0.75f, 0.45f, 0.0f};
            };
            l.paragraph("Verdict: " + report.verdict().name(), Style.H1.withSize(20).colored(rgb[0], rgb[1], rgb[2]));
            l.paragraph(switch (report.verdict()) {
                case PASSED -> "Every check passed: the files are exactly as the officer sealed them, and the signer and "
                        + "the time-stamp authority chain to trusted roots.";
                case FAILED -> "At least one integrity check failed: the bundle is not as it was sealed. See the failed "
                        + "checks below.";
                case INDETERMINATE -> "The files are intact, but trust could not be established (unknown signer root, no "
                        + "time-stamp, or an untrusted time-stamp authority). See below.";
            }, Style.BODY);
            Check deciding = report.decidingCheck();
            if (deciding != null) {
                l.paragraph("Reason: " + deciding.message() + (deciding.target().isEmpty() ? ""
                        : " (" + deciding.target() + ")"), Style.BOLD);
            }
            l.space(8);
            float lw = 130;
            l.keyValue("Bundle file", bundleFileName, lw);
            l.keyValue("Bundle file SHA-256", bundleSha256, lw);
            l.keyValue("Bundle id", id, lw);
            l.keyValue("Case number", report.caseNumber(), lw);
            l.keyValue("Verified at", Fmt.utc(Instant.now()), lw);
            if (report.signer() != null) {
                l.keyValue("Signed by", report.signer().subject(), lw);
                l.keyValue("Signer certificate SHA-256", report.signer().certSha256(), lw);
                l.keyValue("Signer trusted", report.signer().trusted() ? "yes" : "no", lw);
            }
            for (VerificationReport.TimestampInfo t : report.timestamps()) {
                l.keyValue("Time-stamp " + t.file(), Fmt.utc(t.time()) + " by " + t.tsa() + " — "
                        + (t.valid() ? "valid" : "INVALID") + ", " + (t.trusted() ? "trusted" : "not trusted"), lw);
            }
            l.space(8);
            l.heading("Checks", Style.H2);
            float[] cols = {88, 96, 120, PdfLayout.WIDTH - 88 - 96 - 120};
            l.row(cols, List.of(new Cell("Result", Style.SMALL_BOLD), new Cell("Check", Style.SMALL_BOLD),
                    new Cell("Concerns", Style.SMALL_BOLD), new Cell("Explanation", Style.SMALL_BOLD)), true);
            for (Check c : report.checks()) {
                l.row(cols, List.of(new Cell(c.result().name(), resultStyle(c.result())),
                        new Cell(c.code(), Style.SMALL), new Cell(c.target(), Style.SMALL),
                        new Cell(c.message(), Style.BODY)), true);
            }
            if (!report.items().isEmpty()) {
                l.space(8);
                l.heading("Evidence items", Style.H2);
                float[] ic = {36, PdfLayout.WIDTH - 36 - 303 - 60, 303, 60};
                l.row(ic, List.of(new Cell("Item", Style.SMALL_BOLD), new Cell("Path", Style.SMALL_BOLD),
                        new Cell("SHA-256", Style.SMALL_BOLD), new Cell("Result", Style.SMALL_BOLD)), true);
                for (VerificationReport.ItemResult r : report.items()) {
                    l.row(ic, List.of(new Cell(r.id(), Style.BOLD), new Cell(r.path(), Style.SMALL),
                            new Cell(r.sha256(), Style.MONO), new Cell(r.result().name(), resultStyle(r.result()))),
                            true);
                }
            }
            l.finish("Verdict " + report.verdict().name());
            doc.save(out);
        } catch (IOException | RuntimeException e) {
            throw new ReportException("Could not write the verification report for " + bundleFileName + ": "
                    + e.getMessage(), e);
        }
    }

    private static Style resultStyle(CheckResult r) {
        return switch (r) {
            case PASSED -> Style.BOLD.colored(0.05f, 0.45f, 0.15f);
            case FAILED -> Style.BOLD.colored(0.75f, 0.05f, 0.05f);
            case INDETERMINATE -> Style.BOLD.colored(0.75f, 0.45f, 0f);
            case WARNING -> Style.BOLD.colored(0.55f, 0.4f, 0f);
        };
    }

    // ================================================================== transcript

    /** A chat transcript PDF (data/derived/ITEM/transcript.pdf): every message, time, sender, text, attachment hash. */
    public void writeTranscript(Item chat, RecordSource records, OutputStream out) throws ReportException {
        try (PDDocument doc = new PDDocument(IOUtils.createTempFileOnlyStreamCache())) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("Transcript " + chat.id() + " " + chat.name());
            info.setProducer("Sakshi (Apache PDFBox)");
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
            long n = transcriptTable(l, chat, records == null ? RecordSource.NONE : records);
            l.paragraph(n + " message(s).", Style.MUTED);
            l.finish(chat.name());
            doc.save(out);
        } catch (IOException | RuntimeException e) {
            throw new ReportException("Could not write the transcript of " + chat.id() + ": " + e.getMessage(), e);
        }
    }


}
