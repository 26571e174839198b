package org.sakshi.report;

import java.nio.file.Path;
import org.sakshi.core.SakshiException;
import org.sakshi.core.Signer;
import org.sakshi.core.TimestampSource;

/**
 * PAdES baseline signature of a finished PDF (ETSI EN 319 142-1): an incremental update adding a
 * signature field whose /Contents is a detached CMS (CAdES) over the /ByteRange, /Filter
 * /Adobe.PPKLite, /SubFilter /ETSI.CAdES.detached. The CMS comes from {@link Signer#signDetached},
 * which adds signing-certificate-v2 and, when {@code tsa} answers, a signature time-stamp.
 */
public final class PadesSigner {
    /** Signs {@code unsignedPdf} into {@code out} (which must differ from the input). */
    public void sign(Path unsignedPdf, Path out, Signer signer, TimestampSource tsaOrNull) throws SakshiException {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
