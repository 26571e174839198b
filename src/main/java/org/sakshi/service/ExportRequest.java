package org.sakshi.service;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import org.sakshi.core.Actor;
import org.sakshi.core.CertificateKind;
import org.sakshi.core.Signer;
import org.sakshi.core.TimestampSource;

/**
 * What to export: destination zip, signing identity, TSAs (each one asked), items (empty = all),
 * certificates to include, acting officer, and the recipients to encrypt the bundle to (empty: a
 * plain {@code BUNDLE.zip}; else only {@code BUNDLE.zip.p7m} is written, see
 * {@link EncryptionService#encryptedName}).
 */
public record ExportRequest(Path out, Signer signer, List<TimestampSource> tsas, List<String> items,
                            List<CertificateKind> certificates, Actor actor, List<X509Certificate> recipients) {
    public ExportRequest {
        tsas = tsas == null ? List.of() : List.copyOf(tsas);
        items = items == null ? List.of() : List.copyOf(items);
        certificates = certificates == null ? List.of() : List.copyOf(certificates);
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }

    /** A plain (not encrypted) export. */
    public ExportRequest(Path out, Signer signer, List<TimestampSource> tsas, List<String> items,
                         List<CertificateKind> certificates, Actor actor) {
        this(out, signer, tsas, items, certificates, actor, List.of());
    }

    /** True when the bundle is to travel encrypted. */
    public boolean encrypted() {
        return !recipients.isEmpty();
    }
}
