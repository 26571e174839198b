package org.sakshi.ui.export;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import org.sakshi.core.Actor;
import org.sakshi.core.CancelFlag;
import org.sakshi.core.CaseInfo;
import org.sakshi.core.CertificateKind;
import org.sakshi.core.Item;
import org.sakshi.core.Jurisdiction;
import org.sakshi.core.ProgressListener;
import org.sakshi.core.SakshiException;
import org.sakshi.core.Signer;
import org.sakshi.service.ExportRequest;
import org.sakshi.service.ExportResult;
import org.sakshi.service.ExportService;
import org.sakshi.service.IdentityService;
import org.sakshi.service.SigningIdentity;
import org.sakshi.service.TimestampService;
import org.sakshi.ui.common.Messages;

/**
 * The export wizard's logic: which items (all by default), which certificates (the jurisdiction's
 * by default), the signing identity (PKCS#12 file, or PKCS#11 library and token label), TSAs and
 * destination. The password or PIN is passed in for one export and wiped; it is never kept.
 */
public final class ExportViewModel {
    public static final List<CertificateKind> CERTIFICATES = List.of(CertificateKind.values());

    private final ExportService exports;
    private final IdentityService identities;
    private final TimestampService timestamps;
    private final Path caseDir;
    private final List<Item> items;
    private final ObservableSet<String> selected = FXCollections.observableSet(new LinkedHashSet<>());
    private final ObservableSet<CertificateKind> certificates = FXCollections.observableSet(new LinkedHashSet<>());
    private final StringProperty identity = new SimpleStringProperty("");
    private final BooleanProperty token = new SimpleBooleanProperty(false);
    private final StringProperty tokenLabel = new SimpleStringProperty("");
    private final StringProperty tsaUrls = new SimpleStringProperty("");
    private final ObjectProperty<Path> out = new SimpleObjectProperty<>();
    private final ObjectProperty<String> reportLanguage = new SimpleObjectProperty<>();
    private final javafx.collections.ObservableList<java.security.cert.X509Certificate> recipients =
            FXCollections.observableArrayList();
    private final StringBinding problem;

    public ExportViewModel(ExportService exports, IdentityService identities, TimestampService timestamps, Path caseDir,
                           CaseInfo info, List<Item> items) {
        this.exports = exports;
        this.identities = identities;
        this.timestamps = timestamps;
        this.caseDir = caseDir;
        this.items = List.copyOf(items);
        items.forEach(i -> selected.add(i.id()));
        certificates.add(defaultCertificate(info == null ? Jurisdiction.OTHER : info.jurisdiction()));
        out.set(defaultOut(caseDir, info == null ? caseDir.getFileName().toString() : info.number(), LocalDate.now()));
        problem = Bindings.createStringBinding(this::findProblem, selected, identity, token, tokenLabel, out, recipients);
    }

    /** IN-BSA63 for India, US-FRE902 for the US, GENERIC elsewhere. */
    public static CertificateKind defaultCertificate(Jurisdiction j) {
        return CertificateKind.forJurisdiction(j);
    }

    /** {@code CASE/exports/<number made safe>-<date>.zip}, numbered when it exists. */
    public static Path defaultOut(Path caseDir, String number, LocalDate date) {
        String base = number.replaceAll("[^\\p{L}\\p{N}._-]+", "_") + "-" + date;
        Path dir = caseDir.resolve("exports");
        Path p = dir.resolve(base + ".zip");
        for (int n = 2; Files.exists(p); n++) {
            p = dir.resolve(base + "-" + n + ".zip");
        }
        return p;
    }

    /** One URL per line (or separated by spaces or commas), blanks dropped. */
    public static List<String> parseUrls(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split("[\\s,]+")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    private String findProblem() {
        if (selected.isEmpty()) {
            return Messages.get("export.problem.items");
        }
        if (identity.get() == null || identity.get().isBlank()) {
            return Messages.get("export.problem.identity");
        }
        if (!token.get() && !Files.isRegularFile(Path.of(identity.get().strip()))) {
            return Messages.get("export.problem.identityMissing", identity.get());
        }
        if (token.get() && tokenLabel.get().isBlank()) {
            return Messages.get("export.problem.token");
        }
        if (out.get() == null) {
            return Messages.get("export.problem.out");
        }
        Path written = written();
        if (Files.exists(written)) {
            return Messages.get("export.problem.exists", written);
        }
        return "";
    }

    /** The file the export writes: the chosen ZIP, or {@code ZIP.p7m} when there are recipients. */
    public Path written() {
        return recipients.isEmpty() ? out.get() : org.sakshi.service.EncryptionService.encryptedName(out.get());
    }

    /**
     * Adds the recipient in {@code pem} (checked: RSA 2048+, EC P-256/P-384, valid now); the same
     * certificate twice is kept once.
     *
     * @throws SakshiException the file holds no usable certificate (the message says why)
     */
    public void addRecipient(Path pem) throws SakshiException {
        java.security.cert.X509Certificate c = exports.recipient(pem);
        if (recipients.stream().noneMatch(r -> r.equals(c))) {
            recipients.add(c);
        }
    }

    /** The recipients the bundle is encrypted to; empty for a plain ZIP. */
    public javafx.collections.ObservableList<java.security.cert.X509Certificate> recipients() {
        return recipients;
    }

    /** A recipient as shown in the list: "CN (RSA 3072)". */
    public static String describe(java.security.cert.X509Certificate c) {
        return org.sakshi.service.EncryptionService.describe(List.of(c)).get(0);
    }

    /** The item ids to export; empty means all (when every item is selected). */
    public List<String> itemIds() {
        if (selected.size() == items.size()) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        items.forEach(i -> {
            if (selected.contains(i.id())) {
                ids.add(i.id());
            }
        });
        return ids;
    }

    /** Opens the signing identity with the secret, then wipes the secret (worker thread). */
    public Signer openIdentity(char[] secret) throws SakshiException {
        Path p = Path.of(identity.get().strip());
        return identities.open(token.get() ? SigningIdentity.pkcs11(p, tokenLabel.get()) : SigningIdentity.pkcs12(p, null),
                secret);
    }

    /** Seals the bundle (worker thread). The acting officer is the operator; the signer's certificate is recorded. */
    public ExportResult export(Signer signer, Actor operator, ProgressListener progress, CancelFlag cancel)
            throws SakshiException {
        try {
            Files.createDirectories(out.get().getParent());
        } catch (java.io.IOException e) {
            throw new org.sakshi.core.InputException("cannot create " + out.get().getParent() + " (" + e.getMessage()
                    + "); choose another destination", e);
        }
        Actor actor = new Actor(operator.name(), operator.rank(), operator.id(), operator.agency(),
                signer.actor() == null ? null : signer.actor().certSha256());
        ExportRequest req = new ExportRequest(out.get(), signer, timestamps.sources(parseUrls(tsaUrls.get())), itemIds(),
                List.copyOf(certificates), actor,
                org.sakshi.service.FormOptions.NONE.withReportLanguage(reportLanguage.get()), true,
                List.copyOf(recipients));
        return exports.export(caseDir, req, progress, cancel);
    }

    public List<Item> items() {
        return items;
    }

    public Set<String> selected() {
        return selected;
    }

    public ObservableSet<CertificateKind> certificates() {
        return certificates;
    }

    /** The second language of the evidence report ({@code hi}, {@code bn}, {@code ne}); null for English alone. */
    public ObjectProperty<String> reportLanguageProperty() {
        return reportLanguage;
    }

    public StringProperty identityProperty() {
        return identity;
    }

    public BooleanProperty tokenProperty() {
        return token;
    }

    public StringProperty tokenLabelProperty() {
        return tokenLabel;
    }

    public StringProperty tsaUrlsProperty() {
        return tsaUrls;
    }

    public ObjectProperty<Path> outProperty() {
        return out;
    }

    public StringBinding problemProperty() {
        return problem;
    }

    /** True when the identity did not open because the password or PIN is wrong: the wizard stays open and says so. */
    public static boolean wrongSecret(Throwable e) {
        String m = e instanceof org.sakshi.core.SigningException && e.getMessage() != null
                ? e.getMessage().toLowerCase(java.util.Locale.ROOT) : "";
        return m.startsWith("wrong password") || m.startsWith("wrong pin");
    }

    /** The sentence shown in the wizard, next to the password field, after a wrong password or PIN. */
    public String wrongSecretText() {
        return Messages.get(token.get() ? "export.wrongPin" : "export.wrongPassword", identity.get().strip());
    }

    /**
     * What the result screen says besides the verdict: which roots the self-check trusted, the reason
     * of every check that did not pass (in its own words), and what the recipient needs to verify.
     */
    public record ResultText(String roots, List<String> problems, String recipient) {
    }

    public static ResultText explain(org.sakshi.core.VerificationReport v, List<java.security.cert.X509Certificate> signerChain) {
        java.security.cert.X509Certificate root = signerChain == null || signerChain.isEmpty() ? null
                : signerChain.get(signerChain.size() - 1);
        String rootName = root == null ? "?" : root.getSubjectX500Principal().getName();
        String rootSha = root == null ? "?" : sha256(root);
        List<String> tsas = v.timestamps().stream().map(org.sakshi.core.VerificationReport.TimestampInfo::tsa)
                .filter(t -> t != null && !t.isBlank()).distinct().toList();
        String tsaNames = tsas.isEmpty() ? Messages.get("export.result.noTsa") : String.join("; ", tsas);
        String roots = Messages.get("export.result.roots", rootName, rootSha, tsaNames);
        List<String> problems = new ArrayList<>();
        for (org.sakshi.core.Check c : v.checks()) {
            if (c.result() == org.sakshi.core.CheckResult.PASSED
                    || c.result() == org.sakshi.core.CheckResult.WARNING && c.code().advisory()) {
                continue;
            }
            problems.add(Messages.get("export.result.problem", Messages.get("verdict.word." + c.result().name()),
                    c.code().name(), org.sakshi.ui.verify.VerifyViewModel.sentence(c)));
        }
        String recipient = Messages.get(tsas.isEmpty() ? "export.result.recipientNoTsa" : "export.result.recipient",
                rootName, rootSha, tsaNames);
        return new ResultText(roots, problems, recipient);
    }

    private static String sha256(java.security.cert.X509Certificate c) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
        } catch (java.security.GeneralSecurityException e) {
            return "?";
        }
    }
}
