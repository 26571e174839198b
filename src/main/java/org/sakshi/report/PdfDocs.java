package org.sakshi.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

/** Document-level helpers shared by every PDF Sakshi writes: the information dictionary and PDF dates. */
final class PdfDocs {
    static final String PRODUCER = "Sakshi (Apache PDFBox)";

    private PdfDocs() {
    }

    /** Title, author (the exporting officer), subject (the bundle id), creator (the tool), export time. */
    static void describe(PDDocument doc, String title, ReportData data) {
        describe(doc, title, data.exportedAt());
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setAuthor(data.exporter().name());
        info.setSubject("Bundle " + data.bundleId());
        info.setCreator(data.toolVersion().isEmpty() ? "Sakshi" : data.toolVersion());
    }

    /** Title and producer; the creation date when {@code created} is given. */
    static void describe(PDDocument doc, String title, Instant created) {
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(title);
        info.setProducer(PRODUCER);
        if (created != null) {
            info.setCreationDate(calendar(created));
        }
    }

    /** A PDF date (ISO 32000-1 §7.9.4) in UTC. */
    static Calendar calendar(Instant t) {
        GregorianCalendar c = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC), Locale.ROOT);
        c.setTimeInMillis(t.toEpochMilli());
        return c;
    }
}
