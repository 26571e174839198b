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
 * certificates to include, acting officer, what the officer adds to the certificate forms, whether to
 * seal for the long term (LTA, with revocation data fetched over HTTP), and the recipients to encrypt
 * the bundle to (empty: a plain {@code BUNDLE.zip}; else only {@code BUNDLE.zip.p7m} is written, see
 * {@link EncryptionService#encryptedName}).
 */
public record ExportRequest(Path out, Signer signer, List<TimestampSource> tsas, List<String> items,
                            List<CertificateKind> certificates, Actor actor, FormOptions forms, boolean longTerm,
                            List<X509Certificate> recipients) {
    public ExportRequest {
        tsas = tsas == null ? List.of() : List.copyOf(tsas);
        items = items == null ? List.of() : List.copyOf(items);
        certificates = certificates == null ? List.of() : List.copyOf(certificates);
        forms = forms == null ? FormOptions.NONE : forms;
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }

    /** Plain, sealed for the long term when the revocation services and a TSA answer. */
    public ExportRequest(Path out, Signer signer, List<TimestampSource> tsas, List<String> items,
                         List<CertificateKind> certificates, Actor actor, FormOptions forms) {
        this(out, signer, tsas, items, certificates, actor, forms, true, List.of());
    }

    /** Encrypted to {@code recipients} (none: plain), default forms, long-term seal on. */
    public ExportRequest(Path out, Signer signer, List<TimestampSource> tsas, List<String> items,
                         List<CertificateKind> certificates, Actor actor, List<X509Certificate> recipients) {
        this(out, signer, tsas, items, certificates, actor, FormOptions.NONE, true, recipients);
    }

    /** A plain request whose forms get no officer values, the case's zone and English only; long-term seal on. */
    public ExportRequest(Path out, Signer signer, List<TimestampSource> tsas, List<String> items,
                         List<CertificateKind> certificates, Actor actor) {
        this(out, signer, tsas, items, certificates, actor, FormOptions.NONE, true, List.of());
    }

    /** The same request, sealed for the long term or not ({@code --no-long-term}: B-T only, nothing fetched). */
    public ExportRequest withLongTerm(boolean on) {
        return new ExportRequest(out, signer, tsas, items, certificates, actor, forms, on, recipients);
    }

    /** The same request, encrypted to {@code to} (empty: plain). */
    public ExportRequest withRecipients(List<X509Certificate> to) {
        return new ExportRequest(out, signer, tsas, items, certificates, actor, forms, longTerm, to);
    }

    /** True when the bundle is to travel encrypted. */
    public boolean encrypted() {
        return !recipients.isEmpty();
    }
}
