package org.sakshi.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.sakshi.core.Actor;
import org.sakshi.core.SakshiException;
import org.sakshi.core.Signer;
import org.sakshi.core.SigningException;
import org.sakshi.core.TimestampSource;

/**
 * PAdES baseline signature of a finished PDF (ETSI EN 319 142-1): an incremental update adding a
 * signature field whose /Contents is a detached CMS (CAdES) over the /ByteRange, /Filter
 * /Adobe.PPKLite, /SubFilter /ETSI.CAdES.detached. The CMS comes from {@link Signer#signDetached},
 * which adds signing-certificate-v2 and, when {@code tsa} answers, a signature time-stamp.
 * The /ByteRange covers the whole file but the /Contents hole, so {@code pdfsig} reports
 * "Total document signed".
 *
 * <p>The signed file stays PDF/A-2b: the update adds only the form, an invisible printable widget
 * with an empty appearance, and the signature dictionary whose /Contents is sized to the CMS
 * ({@link #reserve}) and never longer than PDF/A allows.
 */
public final class PadesSigner {
    /**
     * The most room the /Contents placeholder may take (bytes of CMS): written as a hex string of
     * twice as many digits plus the angle brackets, 32,002 characters, under the 32,767-byte string
     * limit of PDF/A-2 (ISO 19005-2 6.1.13). A CMS larger than this cannot be carried by a PDF/A file.
     */
    static final int MAX_SIGNATURE_SIZE = 16_000;
    /** Room for the CMS structure, signed attributes and a signature value up to RSA-8192, beyond the certificates. */
    static final int SIGNED_DATA_ALLOWANCE = 2_048;
    /** Room for a signature time-stamp token: its SignedData, TSTInfo and the TSA's certificate chain. */
    static final int TIMESTAMP_ALLOWANCE = 8_192;
    static final COSName SUBFILTER_CADES = COSName.getPDFName("ETSI.CAdES.detached");

    /** Signs {@code unsignedPdf} into {@code out} (which must differ from the input). */
    public void sign(Path unsignedPdf, Path out, Signer signer, TimestampSource tsaOrNull) throws SakshiException {
        if (unsignedPdf.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) {
            throw new ReportException("Cannot sign " + unsignedPdf + " in place: give a different output file.");
        }
        Path tmp = out.resolveSibling(out.getFileName() + ".part");
        try {
            int reserved = reserve(signer.chain(), tsaOrNull != null);
            int needed = attempt(unsignedPdf, tmp, signer, tsaOrNull, reserved);
            if (needed > 0 && needed <= MAX_SIGNATURE_SIZE) {
                // a longer chain in the time-stamp token than allowed for: sign again with the room it needs
                reserved = Math.min(MAX_SIGNATURE_SIZE, roundUp(needed + 512));
                needed = attempt(unsignedPdf, tmp, signer, tsaOrNull, reserved);
            }
            if (needed > 0) {
                throw new SigningException("The signature of " + unsignedPdf.getFileName() + " is " + needed
                        + " bytes, more than the " + reserved + " reserved for it (a PDF/A file holds at most "
                        + MAX_SIGNATURE_SIZE + "); use a signing certificate with a shorter chain or a time-stamp "
                        + "authority that returns fewer certificates.");
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ReportException("Could not sign " + unsignedPdf.getFileName() + ": " + e.getMessage()
                    + ". Check that the file is a complete PDF and the disk has space.", e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // best effort: a stale .part file is harmless and overwritten next time
            }
        }
    }

    /**
     * The /Contents room for a CMS by {@code chain}: its certificates as embedded, the signer
     * info, and a time-stamp token when one is asked for; rounded up to 512 bytes, at most
     * {@link #MAX_SIGNATURE_SIZE}. Sized from the real chain so that the placeholder fits the CMS
     * (a few KiB of zeros to spare) instead of a fixed 48 KiB that breaks PDF/A.
     */
    static int reserve(List<X509Certificate> chain, boolean timestamped) {
        int certs = 0;
        for (X509Certificate c : chain) {
            try {
                certs += c.getEncoded().length;
            } catch (CertificateEncodingException e) {
                certs += 2_048; // counted as a typical certificate; the retry in sign() covers a larger one
            }
        }
        int size = certs + SIGNED_DATA_ALLOWANCE + (timestamped ? TIMESTAMP_ALLOWANCE : 0);
        return Math.min(MAX_SIGNATURE_SIZE, roundUp(size));
    }

    private static int roundUp(int n) {
        return (n + 511) / 512 * 512;
    }

    /**
     * One incremental signature into {@code tmp} with {@code reserved} bytes for the CMS. Returns 0
     * when the CMS fitted, else the CMS length (the file in {@code tmp} is then incomplete).
     */
    private static int attempt(Path unsignedPdf, Path tmp, Signer signer, TimestampSource tsaOrNull, int reserved)
            throws IOException, SakshiException {
        try (PDDocument doc = Loader.loadPDF(unsignedPdf.toFile())) {
            Actor actor = signer.actor();
            PDSignature sig = new PDSignature();
            sig.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            sig.setSubFilter(SUBFILTER_CADES);
            sig.setName(actor.name());
            if (actor.agency() != null) {
                sig.setLocation(actor.agency());
            }
            sig.setReason("Evidence report sealed by " + actor.name());
            // /M is informative in PAdES; the trusted time is the signature time-stamp in the CMS
            sig.setSignDate(PdfDocs.calendar(Instant.now()));
            prepareForm(doc);
            try (SignatureOptions options = new SignatureOptions()) {
                options.setPreferredSignatureSize(reserved);
                doc.addSignature(sig, options);
                printedWidget(doc, sig);
                Files.deleteIfExists(tmp); // a stale part or a planted link is removed, never followed
                try (OutputStream os = Files.newOutputStream(tmp, java.nio.file.StandardOpenOption.CREATE_NEW,
                        java.nio.file.StandardOpenOption.WRITE, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    ExternalSigningSupport ext = doc.saveIncrementalForExternalSigning(os);
                    byte[] cms;
                    try (InputStream content = ext.getContent()) {
                        cms = signer.signDetached(content, tsaOrNull);
                    }
                    if (cms.length > reserved) {
                        return cms.length;
                    }
                    // fill /Contents exactly: strict CMS parsers (Bouncy Castle 1.85+, so EU DSS) reject the
                    // zero padding after the DER; the room is filled inside the CMS instead (CmsPadding)
                    int[] range = sig.getByteRange();
                    int room = range != null && range.length == 4 ? (range[2] - range[1] - 2) / 2 : reserved;
                    cms = org.sakshi.signing.CmsPadding.fill(cms, room);
                    ext.setSignature(cms);
                }
            }
        }
        return 0;
    }

    /**
     * The interactive form the signature field joins, created without the default resources PDFBox
     * would add (Helvetica and ZapfDingbats, standard 14 fonts that PDF/A forbids unembedded) and
     * without NeedAppearances. An existing form (a document already signed once, or a later
     * document time-stamp) is kept: SigFlags 3 (SignaturesExist, AppendOnly) lets further
     * signature fields come in further incremental updates.
     */
    private static void prepareForm(PDDocument doc) {
        PDDocumentCatalog catalog = doc.getDocumentCatalog();
        PDAcroForm form = catalog.getAcroForm(null);
        if (form == null) {
            form = new PDAcroForm(doc);
            catalog.setAcroForm(form);
            catalog.getCOSObject().setNeedToBeUpdated(true);
        }
        form.getCOSObject().removeItem(COSName.NEED_APPEARANCES);
        form.getCOSObject().setNeedToBeUpdated(true);
    }

    /**
     * PDF/A-2 6.3.2: the invisible signature's widget (zero rectangle, on the first page, /P set by
     * PDFBox) is printable and neither hidden nor invisible.
     */
    private static void printedWidget(PDDocument doc, PDSignature sig) {
        PDAcroForm form = doc.getDocumentCatalog().getAcroForm(null);
        for (PDField f : form.getFieldTree()) {
            if (f instanceof PDSignatureField sf && sf.getCOSObject().getDictionaryObject(COSName.V) == sig.getCOSObject()) {
                for (PDAnnotationWidget w : sf.getWidgets()) {
                    w.setPrinted(true);
                    w.setHidden(false);
                    w.setInvisible(false);
                    w.setNoView(false);
                    w.getCOSObject().setNeedToBeUpdated(true);
                }
            }
        }
    }
}
