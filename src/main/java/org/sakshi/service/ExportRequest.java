package org.sakshi.service;

import java.nio.file.Path;
import java.util.List;
import org.sakshi.core.Actor;
import org.sakshi.core.CertificateKind;
import org.sakshi.core.Signer;
import org.sakshi.core.TimestampSource;

/**
 * What to export: destination zip, signing identity, TSAs (each one asked), items (empty = all),
 * certificates to include, acting officer, what the officer adds to the certificate forms, and whether
 * to seal for the long term (LTA, with revocation data fetched over HTTP).
 */
public record ExportRequest(Path out, Signer signer, List<TimestampSource> tsas, List<String> items,
                            List<CertificateKind> certificates, Actor actor, FormOptions forms, boolean longTerm) {
    public ExportRequest {
        tsas = tsas == null ? List.of() : List.copyOf(tsas);
        items = items == null ? List.of() : List.copyOf(items);
        certificates = certificates == null ? List.of() : List.copyOf(certificates);
        forms = forms == null ? FormOptions.NONE : forms;
    }

    /** Sealed for the long term when the revocation services and a TSA answer. */
    public ExportRequest(Path out, Signer signer, List<TimestampSource> tsas, List<String> items,
                         List<CertificateKind> certificates, Actor actor, FormOptions forms) {
        this(out, signer, tsas, items, certificates, actor, forms, true);
    }

    /** A request whose forms get no officer values, the case's zone and English only; long-term seal on. */
    public ExportRequest(Path out, Signer signer, List<TimestampSource> tsas, List<String> items,
                         List<CertificateKind> certificates, Actor actor) {
        this(out, signer, tsas, items, certificates, actor, FormOptions.NONE, true);
    }

    /** The same request, sealed for the long term or not ({@code --no-long-term}: B-T only, nothing fetched). */
    public ExportRequest withLongTerm(boolean on) {
        return new ExportRequest(out, signer, tsas, items, certificates, actor, forms, on);
    }
}
