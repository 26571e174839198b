package org.sakshi.report;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Calendar;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.type.BadFieldValueException;
import org.apache.xmpbox.xml.XmpSerializer;

/**
 * PDF/A-2b (ISO 19005-2, level B) for every PDF Sakshi writes. The page builders already draw only
 * with embedded subset fonts (the Noto faces shipped in the jar), DeviceRGB colours and images;
 * {@link #apply} adds what the document level needs just before saving:
 * <ul>
 * <li>XMP metadata in the catalog, uncompressed, built from the information dictionary so the two
 *     agree (6.6.2.3): pdfaid:part 2 and conformance B, dc:title, dc:creator (the author),
 *     dc:description (the subject), xmp:CreatorTool, xmp:CreateDate and xmp:ModifyDate,
 *     pdf:Producer;</li>
 * <li>an sRGB output intent (GTS_PDFA1) whose ICC profile is the JDK's own sRGB profile, so that
 *     DeviceRGB and DeviceGray are device independent (6.2.4.3) and image soft masks have a
 *     blending colour space (6.2.10).</li>
 * </ul>
 * PDFBox writes the trailer /ID on every save and never encrypts here. The PAdES signature added
 * later by {@link PadesSigner} is an incremental update that keeps all of this.
 */
public final class PdfAConformance {
    /** The output condition named in the output intent (the ICC registry's name for sRGB). */
    public static final String SRGB = "sRGB IEC61966-2.1";

    private PdfAConformance() {
    }

    /**
     * Makes {@code doc} PDF/A-2b at the document level. Call once, after the information dictionary
     * is complete and the pages are drawn, right before {@code save}.
     */
    public static void apply(PDDocument doc) throws IOException {
        PDDocumentInformation info = doc.getDocumentInformation();
        if (info.getProducer() == null) {
            info.setProducer(PdfDocs.PRODUCER);
        }
        Calendar created = info.getCreationDate();
        if (created != null) {
            // whole seconds: a PDF date has no fraction, and XMP must state the same instant
            created = PdfDocs.calendar(created.toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
            info.setCreationDate(created);
            if (info.getModificationDate() == null) {
                info.setModificationDate(created);
            }
        }
        PDDocumentCatalog catalog = doc.getDocumentCatalog();
        PDMetadata metadata = new PDMetadata(doc, new ByteArrayInputStream(xmp(info)));
        catalog.setMetadata(metadata);
        if (catalog.getOutputIntents().isEmpty()) {
            try (InputStream icc = new ByteArrayInputStream(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData())) {
                PDOutputIntent intent = new PDOutputIntent(doc, icc);
                intent.setInfo(SRGB);
                intent.setOutputCondition(SRGB);
                intent.setOutputConditionIdentifier(SRGB);
                intent.setRegistryName("http://www.color.org");
                catalog.addOutputIntent(intent);
            }
        }
    }

    /** The XMP packet mirroring {@code info}, with the PDF/A-2b identification. */
    static byte[] xmp(PDDocumentInformation info) throws IOException {
        XMPMetadata xmp = XMPMetadata.createXMPMetadata();
        try {
            PDFAIdentificationSchema id = xmp.createAndAddPDFAIdentificationSchema();
            id.setPart(2);
            id.setConformance("B");
        } catch (BadFieldValueException e) {
            throw new IOException("PDF/A identification rejected: " + e.getMessage(), e);
        }
        DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
        if (info.getTitle() != null) {
            dc.setTitle(info.getTitle());
        }
        if (info.getAuthor() != null) {
            dc.addCreator(info.getAuthor());
        }
        if (info.getSubject() != null) {
            dc.setDescription(info.getSubject());
        }
        XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
        if (info.getCreator() != null) {
            basic.setCreatorTool(info.getCreator());
        }
        if (info.getCreationDate() != null) {
            basic.setCreateDate(info.getCreationDate());
        }
        if (info.getModificationDate() != null) {
            basic.setModifyDate(info.getModificationDate());
        }
        AdobePDFSchema pdf = xmp.createAndAddAdobePDFSchema();
        pdf.setProducer(info.getProducer());
        if (info.getKeywords() != null) {
            pdf.setKeywords(info.getKeywords());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new XmpSerializer().serialize(xmp, out, true);
        } catch (javax.xml.transform.TransformerException e) {
            throw new IOException("XMP metadata could not be written: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }
}
