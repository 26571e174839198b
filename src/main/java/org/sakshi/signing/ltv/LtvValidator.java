package org.sakshi.signing.ltv;

import eu.europa.esig.dss.diagnostic.CertificateWrapper;
import eu.europa.esig.dss.diagnostic.DiagnosticData;
import eu.europa.esig.dss.diagnostic.TimestampWrapper;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.enumerations.SubIndication;
import eu.europa.esig.dss.enumerations.TimestampType;
import eu.europa.esig.dss.jaxb.object.Message;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.policy.ValidationPolicy;
import eu.europa.esig.dss.pades.validation.PDFDocumentValidator;
import eu.europa.esig.dss.pdf.ServiceLoaderPdfObjFactory;
import eu.europa.esig.dss.pdf.modifications.DefaultPdfDifferencesFinder;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

/**
 * Validates CAdES and PAdES signatures with EU DSS and its default validation policy (ETSI EN 319 102-1:
 * basic validation, validation with time and long-term validation with proofs of existence): chains and
 * revocation are judged at the times the time-stamps prove, so a signer certificate that expired or was
 * revoked after an archive time-stamp still passes, and a signature made after revocation fails. Offline
 * by default: only the signature's own validation data and the given trust anchors count.
 */
public final class LtvValidator {
    /** DSS's verdict on one signature, and what the long-term seal needs next. */
    public record Outcome(String signatureId, String indication, String subIndication, String level,
                          Instant bestSignatureTime, String signedBy, List<String> errors, List<String> warnings,
                          Instant lastArchiveTime, Instant lastArchiveTsaExpiry, boolean revocable,
                          List<Instant> archiveTimes, Instant claimedSigningTime, Instant signerRevokedAt) {
        public boolean passed() {
            return "TOTAL_PASSED".equals(indication);
        }

        public boolean failed() {
            return "TOTAL_FAILED".equals(indication) || "FAILED".equals(indication);
        }

        /** Whether the signature carries an archive time-stamp (…-BASELINE-LTA). */
        public boolean archived() {
            return lastArchiveTime != null;
        }

        /** One line: indication, sub-indication, level and the first error. */
        public String summary() {
            StringBuilder sb = new StringBuilder(indication);
            if (subIndication != null) {
                sb.append(" / ").append(subIndication);
            }
            sb.append(", ").append(level == null ? "unknown level" : level);
            if (!errors.isEmpty()) {
                sb.append(": ").append(errors.get(0));
            }
            return sb.toString();
        }
    }

    private final List<X509Certificate> anchors;
    private final Duration onlineTimeout;

    /** Offline validation against {@code anchors}. */
    public LtvValidator(List<X509Certificate> anchors) {
        this(anchors, null);
    }

    /** @param onlineTimeout null for offline; otherwise OCSP, CRL and caIssuers are fetched with this time-out */
    public LtvValidator(List<X509Certificate> anchors, Duration onlineTimeout) {
        this.anchors = List.copyOf(anchors);
        this.onlineTimeout = onlineTimeout;
    }

    /** The detached CMS {@code p7s} over {@code content}, as of {@code at} (null: now). */
    public List<Outcome> validateCades(byte[] p7s, byte[] content, Instant at) {
        SignedDocumentValidator v = SignedDocumentValidator.fromDocument(new InMemoryDocument(p7s, "signature.p7s"));
        v.setDetachedContents(List.of(new InMemoryDocument(content, "tagmanifest-sha256.txt")));
        return run(v, at);
    }

    /**
     * Every signature and document time-stamp of a PDF, as of {@code at} (null: now). DSS's visual
     * comparison of the signed and the final revision (rendering every page of both as images) is
     * off: Sakshi's own report check ({@code PdfRevisions} in the report package, REPORT_SIGNATURE)
     * refuses every change to pages, annotations, form fields and the document catalogue after the
     * approval signature; DSS's object-level modification check and page comparison still run.
     */
    public List<Outcome> validatePdf(byte[] pdf, String name, Instant at) {
        SignedDocumentValidator v = SignedDocumentValidator.fromDocument(new InMemoryDocument(pdf, name));
        if (v instanceof PDFDocumentValidator p) {
            ServiceLoaderPdfObjFactory factory = new ServiceLoaderPdfObjFactory();
            DefaultPdfDifferencesFinder differences = new DefaultPdfDifferencesFinder();
            differences.setMaximalPagesAmountForVisualComparison(0);
            factory.setPdfDifferencesFinder(differences);
            p.setPdfObjFactory(factory);
        }
        return run(v, at);
    }

    /** DSS's default validation policy, read once per process, when first needed ({@link DefaultPolicy}). */
    private static final class Policy {
        static final ValidationPolicy DEFAULT = DefaultPolicy.load();
    }

    private List<Outcome> run(SignedDocumentValidator v, Instant at) {
        CommonCertificateVerifier cv = Dss.verifier(anchors, onlineTimeout);
        cv.setAlertOnMissingRevocationData(Dss.silent());
        cv.setAlertOnRevokedCertificate(Dss.silent());
        cv.setAlertOnInvalidTimestamp(Dss.silent());
        cv.setAlertOnNoRevocationAfterBestSignatureTime(Dss.silent());
        cv.setAlertOnUncoveredPOE(Dss.silent());
        cv.setAlertOnExpiredCertificate(Dss.silent());
        v.setCertificateVerifier(cv);
        v.setLocale(Locale.ENGLISH);
        v.setEnableEtsiValidationReport(false);
        if (at != null) {
            v.setValidationTime(Date.from(at));
        }
        Reports reports = v.validateDocument(Policy.DEFAULT);
        SimpleReport sr = reports.getSimpleReport();
        DiagnosticData dd = reports.getDiagnosticData();
        List<Outcome> out = new ArrayList<>();
        for (String id : sr.getSignatureIdList()) {
            Indication ind = sr.getIndication(id);
            SubIndication sub = sr.getSubIndication(id);
            SignatureLevel level = sr.getSignatureFormat(id);
            Date best = sr.getBestSignatureTime(id);
            Instant lastArchive = null;
            Instant lastArchiveExpiry = null;
            List<Instant> archiveTimes = new ArrayList<>();
            for (TimestampWrapper t : dd.getTimestampList(id)) {
                if (t.getType() == TimestampType.ARCHIVE_TIMESTAMP || t.getType() == TimestampType.DOCUMENT_TIMESTAMP) {
                    Instant when = t.getProductionTime().toInstant();
                    archiveTimes.add(when);
                    if (lastArchive == null || when.isAfter(lastArchive)) {
                        lastArchive = when;
                        CertificateWrapper tsa = t.getSigningCertificate();
                        lastArchiveExpiry = tsa == null || tsa.getNotAfter() == null ? null : tsa.getNotAfter().toInstant();
                    }
                }
            }
            eu.europa.esig.dss.diagnostic.SignatureWrapper sw = dd.getSignatureById(id);
            CertificateWrapper sc = sw == null ? null : sw.getSigningCertificate();
            boolean revocable = sc != null && (!sc.getCRLDistributionPoints().isEmpty()
                    || !sc.getOCSPAccessUrls().isEmpty());
            Instant revokedAt = null;
            if (sc != null) {
                for (eu.europa.esig.dss.diagnostic.CertificateRevocationWrapper rev : sc.getCertificateRevocationData()) {
                    if (rev.isRevoked() && rev.getRevocationDate() != null) {
                        Instant when = rev.getRevocationDate().toInstant();
                        revokedAt = revokedAt == null || when.isBefore(revokedAt) ? when : revokedAt;
                    }
                }
            }
            Date claimed = sr.getSigningTime(id);
            out.add(new Outcome(id, ind == null ? "INDETERMINATE" : ind.name(), sub == null ? null : sub.name(),
                    level == null ? null : level.toString(), best == null ? null : best.toInstant(), sr.getSignedBy(id),
                    texts(sr.getAdESValidationErrors(id)), texts(sr.getAdESValidationWarnings(id)),
                    lastArchive, lastArchiveExpiry, revocable, archiveTimes.stream().sorted().toList(),
                    claimed == null ? null : claimed.toInstant(), revokedAt));
        }
        return out;
    }

    private static List<String> texts(List<Message> messages) {
        List<String> out = new ArrayList<>();
        if (messages != null) {
            for (Message m : messages) {
                out.add(m.getValue());
            }
        }
        return out;
    }
}
