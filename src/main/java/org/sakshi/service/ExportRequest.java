package org.sakshi.service;

import java.nio.file.Path;
import java.util.List;
import org.sakshi.core.Actor;
import org.sakshi.core.CertificateKind;
import org.sakshi.core.Signer;
import org.sakshi.core.TimestampSource;

/**
 * What to export: destination zip, signing identity, TSAs (each one asked), items (empty = all),
 * certificates to include, acting officer, and what the officer adds to the certificate forms.
 */
public record ExportRequest(Path out, Signer signer, List<TimestampSource> tsas, List<String> items,
                            List<CertificateKind> certificates, Actor actor, FormOptions forms) {
    public ExportRequest {
        tsas = tsas == null ? List.of() : List.copyOf(tsas);
        items = items == null ? List.of() : List.copyOf(items);
        certificates = certificates == null ? List.of() : List.copyOf(certificates);
        forms = forms == null ? FormOptions.NONE : forms;
    }

    /** A request whose forms get no officer values, the case's zone and English only. */
    public ExportRequest(Path out, Signer signer, List<TimestampSource> tsas, List<String> items,
                         List<CertificateKind> certificates, Actor actor) {
        this(out, signer, tsas, items, certificates, actor, FormOptions.NONE);
    }
}
