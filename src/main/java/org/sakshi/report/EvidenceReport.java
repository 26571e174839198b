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
        try (PDDocument doc = new PDDocument(IOUtils.createTempFileOnlyStreamCache())) {
            PdfDocs.describe(doc, "Evidence report " + data.caseInfo().number(), data);
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
        long count = TranscriptDocument.table(l, it, d.records());
        l.space(4);
        l.paragraph(count + " message(s) listed.", Style.MUTED);
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
                + "(RFC 8785 canonical JSON; see the Sakshi custody ledger specification). The head of the chain is " + d.custodyHead() + ".", Style.MUTED);
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
}
