package org.sakshi.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
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
 */
public final class PadesSigner {
    /** Room reserved for the CMS (bytes): chain of a few certificates plus a time-stamp token. */
    static final int SIGNATURE_SIZE = 48 * 1024;
    static final COSName SUBFILTER_CADES = COSName.getPDFName("ETSI.CAdES.detached");

    /** Signs {@code unsignedPdf} into {@code out} (which must differ from the input). */
    public void sign(Path unsignedPdf, Path out, Signer signer, TimestampSource tsaOrNull) throws SakshiException {
        if (unsignedPdf.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) {
            throw new ReportException("Cannot sign " + unsignedPdf + " in place: give a different output file.");
        }
        Path tmp = out.resolveSibling(out.getFileName() + ".part");
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
            try (SignatureOptions options = new SignatureOptions()) {
                options.setPreferredSignatureSize(SIGNATURE_SIZE);
                doc.addSignature(sig, options);
                Files.deleteIfExists(tmp); // a stale part or a planted link is removed, never followed
                try (OutputStream os = Files.newOutputStream(tmp, java.nio.file.StandardOpenOption.CREATE_NEW,
                        java.nio.file.StandardOpenOption.WRITE, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    ExternalSigningSupport ext = doc.saveIncrementalForExternalSigning(os);
                    byte[] cms;
                    try (InputStream content = ext.getContent()) {
                        cms = signer.signDetached(content, tsaOrNull);
                    }
                    // fill /Contents exactly: strict CMS parsers reject the zero padding after the DER
                    int[] range = sig.getByteRange();
                    int room = range != null && range.length == 4 ? (range[2] - range[1] - 2) / 2 : SIGNATURE_SIZE;
                    cms = org.sakshi.signing.CmsPadding.fill(cms, room);
                    if (cms.length > SIGNATURE_SIZE) {
                        throw new SigningException("The signature of " + unsignedPdf.getFileName() + " is "
                                + cms.length + " bytes, more than the " + SIGNATURE_SIZE
                                + " reserved; use a shorter certificate chain.");
                    }
                    ext.setSignature(cms);
                }
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
}
