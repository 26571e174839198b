package org.sakshi.report;

import static org.sakshi.report.PdfLayout.Cell;
import static org.sakshi.report.PdfLayout.Style;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.sakshi.core.CustodyEvent;
import org.sakshi.core.Item;
import org.sakshi.core.TimestampStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bundle's human-readable evidence report (data/report/report.pdf): cover, 1 inventory, 2 one
 * section per item (image, chat, device dump), 3 custody log, 4 hash report, 5 how to verify.
 * Streams records; never holds a whole chat.
 */
final class EvidenceReport {
    private static final Logger LOG = LoggerFactory.getLogger(EvidenceReport.class);
    /** Members of a device dump listed in the report; the full list is in the bundle's derived CSV. */
    static final int MAX_MEMBERS_LISTED = 500;

    private EvidenceReport() {
    }

    static void write(ReportData data, OutputStream out) throws ReportException {
        write(data, ReportText.load(null, null), out);
    }

    /**
     * The report with the fixed words of {@code t}: English alone, or English beside the draft
     * translation ({@link ReportText}); the data is the same either way.
     */
    static void write(ReportData data, ReportText t, OutputStream out) throws ReportException {
        try (PDDocument doc = new PDDocument(IOUtils.createTempFileOnlyStreamCache())) {
            PdfDocs.describe(doc, "Evidence report " + data.caseInfo().number(), data);
            PdfLayout l = new PdfLayout(doc, t.label("footer.bundle") + " " + data.bundleId());
            l.pageLabel((i, n) -> t.label("footer.page", i, n));
            cover(l, data, t);
            inventory(l, data, t);
            for (Item item : data.items()) {
                itemSection(l, data, item, t);
            }
            custodyLog(l, data, t);
            hashReport(l, data, t);
            howToVerify(l, data, t);
            l.finish(t.label("footer.case") + " " + data.caseInfo().number() + " — " + data.caseInfo().title());
            doc.save(out);
            LOG.debug("report for bundle {}: {} pages", data.bundleId(), l.pageCount());
        } catch (IOException | RuntimeException e) {
            throw new ReportException("Could not write the report PDF for case " + data.caseInfo().number()
                    + ": " + e.getMessage() + ". Check free disk space and try the export again.", e);
        }
    }

    private static void cover(PdfLayout l, ReportData d, ReportText t) throws IOException {
        l.newPage();
        l.space(40);
        l.paragraph(t.en("title"), Style.H1.withSize(24));
        if (t.bilingual()) {
            l.paragraph(t.label("title").substring(t.en("title").length()).replaceFirst("^ / ", ""),
                    Style.H1.withSize(20));
            l.space(4);
            l.row(new float[] {PdfLayout.WIDTH}, List.of(new Cell(t.en("draft.notice",
                    CertificateDocument.LANGUAGE_NAMES.get(t.language())),
                    CertificateDocument.NOTICE)), true);
            String notice = t.tr("draft.notice", t.tr("language.name"));
            if (notice != null) {
                l.row(new float[] {PdfLayout.WIDTH}, List.of(new Cell(notice, CertificateDocument.NOTICE)), true);
            }
        }
        l.space(6);
        l.paragraph(d.caseInfo().title(), Style.H2.withSize(15));
        l.space(18);
        l.rule();
        l.space(8);
        float lw = t.width(130);
        ZoneId zone = d.caseInfo().zone();
        l.keyValue(t.label("cover.caseNumber"), d.caseInfo().number(), lw);
        l.keyValue(t.label("cover.caseTitle"), d.caseInfo().title(), lw);
        l.keyValue(t.label("cover.agency"), d.caseInfo().agency(), lw);
        l.keyValue(t.label("cover.jurisdiction"), d.caseInfo().jurisdiction().name(), lw);
        l.keyValue(t.label("cover.caseOpened"), Fmt.utcAndZone(d.caseInfo().createdAt(), zone), lw);
        l.keyValue(t.label("cover.exporter"), Fmt.actor(d.exporter()), lw);
        if (d.exporter().certSha256() != null) {
            l.keyValue(t.label("cover.officerCert"), d.exporter().certSha256(), lw);
        }
        l.keyValue(t.label("cover.bundleId"), d.bundleId(), lw);
        l.keyValue(t.label("cover.exportedAt"), Fmt.utcAndZone(d.exportedAt(), zone), lw);
        l.keyValue(t.label("cover.zone"), zone.getId(), lw);
        l.keyValue(t.label("cover.items"), Integer.toString(d.items().size()), lw);
        l.keyValue(t.label("cover.events"), Integer.toString(d.events().size()), lw);
        l.keyValue(t.label("cover.head"), d.custodyHead(), lw);
        l.keyValue(t.label("cover.tool"), d.toolVersion(), lw);
        l.space(14);
        l.rule();
        say(l, t, Style.MUTED, "cover.about");
        l.space(6);
        say(l, t, Style.MUTED, "cover.contents");
    }

    private static void inventory(PdfLayout l, ReportData d, ReportText t) throws IOException {
        l.newPage();
        l.heading(t.label("inventory.heading"), Style.H2);
        say(l, t, Style.MUTED, "inventory.intro", d.items().size());
        l.space(4);
        ZoneId zone = d.caseInfo().zone();
        float lw = t.width(92);
        for (Item it : d.items()) {
            l.ensure(150);
            l.space(4);
            l.paragraph(it.id() + "  " + it.name(), Style.H3);
            l.keyValue(t.label("label.kind"), it.kind().json() + (it.folder() ? " (folder)" : ""), lw);
            l.keyValue(t.label("label.size"), Fmt.size(it.size()), lw);
            l.keyValue("SHA-256", it.digests().sha256(), lw);
            l.keyValue("SHA-1", it.digests().sha1(), lw);
            l.keyValue("MD5", it.digests().md5(), lw);
            l.keyValue(t.label("label.imported"), Fmt.utcAndZone(it.importedAt(), zone)
                    + (it.importedBy() == null ? "" : " by " + it.importedBy()), lw);
            l.keyValue(t.label("label.tsaTime"), tsa(it, zone), lw);
            l.keyValue(t.label("label.bagPath"), Fmt.bagPath(it), lw);
            if (it.derivedFrom() != null) {
                l.keyValue(t.label("label.derivedFrom"), it.derivedFrom(), lw);
            }
            String src = source(it);
            if (!src.isEmpty()) {
                l.keyValue(t.label("label.source"), src, lw);
            }
            for (String w : it.warnings()) {
                l.keyValue(t.label("label.warning"), w, lw);
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

    private static void itemSection(PdfLayout l, ReportData d, Item it, ReportText t) throws IOException {
        l.newPage();
        l.heading(t.label("item.heading") + " " + it.id() + " — " + it.name(), Style.H2);
        float lw = t.width(92);
        l.keyValue(t.label("label.kind"), it.kind().json(), lw);
        l.keyValue("SHA-256", it.digests().sha256(), lw);
        l.space(4);
        switch (it.kind()) {
            case SCREENSHOT -> imageSection(l, d, it, t);
            case CHAT -> chatSection(l, d, it, t);
            case DEVICE -> deviceSection(l, d, it, t);
            default -> {
                if (it.summary().containsKey("image") || it.summary().containsKey("format")
                        && it.summary().containsKey("width")) {
                    imageSection(l, d, it, t);
                } else {
                    say(l, t, Style.MUTED, "item.uninterpreted");
                }
            }
        }
    }

    private static void imageSection(PdfLayout l, ReportData d, Item it, ReportText t) throws IOException {
        Optional<byte[]> thumb = d.thumbnails().thumbnail(it);
        if (thumb.isPresent() && PdfLayout.isImage(thumb.get())) {
            l.image(thumb.get(), it.id(), 0, 260, 300);
        } else {
            say(l, t, Style.MUTED, "image.noThumbnail");
        }
        Map<String, Object> img = Fmt.kindSummary(it, "image");
        Map<String, Object> exif = Fmt.map(img, "exif");
        float lw = t.width(120);
        l.keyValue(t.label("label.format"), Fmt.str(img, "format"), lw);
        String wh = Fmt.str(img, "width");
        l.keyValue(t.label("image.dimensions"), wh.isEmpty() ? "" : wh + " × " + Fmt.str(img, "height") + " pixels", lw);
        l.keyValue(t.label("image.exifDate"), Fmt.str(exif, "datetime_original"), lw);
        l.keyValue(t.label("image.exifMake"), Fmt.str(exif, "make"), lw);
        l.keyValue(t.label("image.exifModel"), Fmt.str(exif, "model"), lw);
        l.keyValue(t.label("image.exifGps"), Fmt.str(exif, "gps"), lw);
        l.keyValue(t.label("image.exifSoftware"), Fmt.str(exif, "software"), lw);
    }

    private static void chatSection(PdfLayout l, ReportData d, Item it, ReportText t) throws IOException {
        Map<String, Object> chat = Fmt.kindSummary(it, "chat");
        float lw = t.width(120);
        l.keyValue(t.label("chat.platform"), Fmt.str(chat, "platform"), lw);
        l.keyValue(t.label("chat.participants"), Fmt.str(chat, "participants"), lw);
        l.keyValue(t.label("chat.messages"), Fmt.str(chat, "messages") + " (user " + Fmt.str(chat, "user_messages")
                + ", system " + Fmt.str(chat, "system_messages") + ")", lw);
        l.keyValue(t.label("chat.firstLast"), Fmt.str(chat, "first_time") + " / " + Fmt.str(chat, "last_time"), lw);
        l.keyValue(t.label("chat.zone"), Fmt.str(chat, "zone"), lw);
        l.keyValue(t.label("chat.dateOrder"), Fmt.str(chat, "date_order"), lw);
        List<Object> atts = Fmt.list(chat, "attachments");
        l.keyValue(t.label("chat.attachments"), Integer.toString(atts.size()), lw);
        l.space(6);
        long count = TranscriptDocument.table(l, it, d.records(), t);
        l.space(4);
        say(l, t, Style.MUTED, "chat.listed", count);
    }

    private static void deviceSection(PdfLayout l, ReportData d, Item it, ReportText t) throws IOException {
        Map<String, Object> dev = Fmt.kindSummary(it, "device");
        Map<String, Object> acq = Fmt.map(dev, "acquisition");
        float lw = t.width(140);
        l.keyValue(t.label("label.format"), Fmt.str(dev, "format"), lw);
        l.keyValue(t.label("device.members"), Fmt.str(dev, "members"), lw);
        l.keyValue(t.label("device.totalBytes"), Fmt.str(dev, "total_member_bytes"), lw);
        l.keyValue(t.label("device.device"), source(it), lw);
        l.space(4);
        l.paragraph(t.label("device.acquisition"), Style.H3);
        String verified = Fmt.str(acq, "verified");
        l.keyValue(t.label("device.result"), switch (verified) {
            case "true" -> t.label("device.verified");
            case "false" -> t.label("device.mismatch");
            default -> t.label("device.notApplicable");
        }, lw);
        l.keyValue(t.label("device.md5Stored"), Fmt.str(acq, "md5_stored"), lw);
        l.keyValue(t.label("device.md5Computed"), Fmt.str(acq, "md5_computed"), lw);
        l.keyValue(t.label("device.sha1Stored"), Fmt.str(acq, "sha1_stored"), lw);
        l.keyValue(t.label("device.sha1Computed"), Fmt.str(acq, "sha1_computed"), lw);
        l.keyValue(t.label("device.caseNumber"), Fmt.str(acq, "case_number"), lw);
        l.keyValue(t.label("device.examiner"), Fmt.str(acq, "examiner"), lw);
        l.keyValue(t.label("device.evidenceNumber"), Fmt.str(acq, "evidence_number"), lw);
        l.keyValue(t.label("device.description"), Fmt.str(acq, "description"), lw);
        l.keyValue(t.label("device.notes"), Fmt.str(acq, "notes"), lw);
        l.space(6);
        float[] cols = {PdfLayout.WIDTH - 56 - 310, 56, 310};
        l.paragraph(t.label("device.membersHeading", MAX_MEMBERS_LISTED, it.id()), Style.H3);
        l.row(cols, List.of(new Cell(t.label("device.path"), Style.SMALL_BOLD), new Cell(t.label("label.size"), Style.SMALL_BOLD),
                new Cell("SHA-256", Style.SMALL_BOLD)), true);
        long[] n = {0};
        d.records().stream(it, rec -> {
            n[0]++;
            if (n[0] <= MAX_MEMBERS_LISTED) {
                l.row(cols, List.of(new Cell(Fmt.str(rec, "path"), Style.SMALL), new Cell(Fmt.str(rec, "size"),
                        Style.SMALL), new Cell(Fmt.str(rec, "sha256"), Style.SMALL)), true);
            }
        });
        say(l, t, Style.MUTED, "device.count", n[0]);
    }

    private static final float[] LOG_COLS = {30, 84, 92, 110, PdfLayout.WIDTH - 30 - 84 - 92 - 110};
    private static final float[] LOG_HASH_COLS = {30, PdfLayout.WIDTH - 30};

    private static void custodyLog(PdfLayout l, ReportData d, ReportText t) throws IOException {
        l.newPage();
        l.heading(t.label("custody.heading"), Style.H2);
        say(l, t, Style.MUTED, "custody.intro", d.events().size(), d.custodyHead());
        l.space(4);
        l.row(LOG_COLS, List.of(new Cell(t.label("custody.seq"), Style.SMALL_BOLD),
                new Cell(t.label("custody.time"), Style.SMALL_BOLD), new Cell(t.label("custody.event"), Style.SMALL_BOLD),
                new Cell(t.label("custody.actor"), Style.SMALL_BOLD),
                new Cell(t.label("custody.details"), Style.SMALL_BOLD)), true);
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

    private static void hashReport(PdfLayout l, ReportData d, ReportText t) throws IOException {
        l.newPage();
        l.heading(t.label("hash.heading"), Style.H2);
        say(l, t, Style.MUTED, "hash.intro");
        l.space(4);
        l.row(HASH_COLS, List.of(new Cell(t.label("hash.item"), Style.SMALL_BOLD),
                new Cell(t.label("hash.algorithm"), Style.SMALL_BOLD),
                new Cell(t.label("hash.pathAndHash"), Style.SMALL_BOLD)), true);
        for (Item it : d.items()) {
            l.ensure(60);
            l.row(HASH_COLS, List.of(new Cell(it.id(), Style.BOLD), new Cell(t.label("hash.path"), Style.SMALL),
                    new Cell(Fmt.bagPath(it), Style.BODY)), false);
            l.row(HASH_COLS, List.of(new Cell("", Style.BOLD), new Cell("SHA-256", Style.SMALL),
                    new Cell(it.digests().sha256(), Style.MONO)), false);
            l.row(HASH_COLS, List.of(new Cell("", Style.BOLD), new Cell("SHA-1", Style.SMALL),
                    new Cell(it.digests().sha1(), Style.MONO)), false);
            l.row(HASH_COLS, List.of(new Cell("", Style.BOLD), new Cell("MD5", Style.SMALL),
                    new Cell(it.digests().md5(), Style.MONO)), true);
        }
        l.space(8);
        l.keyValue(t.label("cover.head"), d.custodyHead(), t.width(120));
        l.keyValue(t.label("cover.bundleId"), d.bundleId(), t.width(120));
    }

    private static void howToVerify(PdfLayout l, ReportData d, ReportText t) throws IOException {
        l.newPage();
        l.heading(t.label("verify.heading"), Style.H2);
        for (int i = 1; i <= 7; i++) {
            say(l, t, Style.BODY, "verify." + i, d.bundleId());
            l.space(4);
        }
        say(l, t, Style.BODY, "verify.8", d.custodyHead());
        l.space(4);
    }

    /** A fixed sentence in English and, below it, its translation when there is one. */
    private static void say(PdfLayout l, ReportText t, Style st, String key, Object... args) throws IOException {
        l.paragraph(t.en(key, args), st);
        String tr = t.tr(key, args);
        if (tr != null) {
            l.space(1);
            l.paragraph(tr, st);
        }
    }
}
