package org.sakshi.cli;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.sakshi.core.Actor;
import org.sakshi.core.CertificateKind;
import org.sakshi.core.InputException;
import org.sakshi.core.SakshiException;
import org.sakshi.core.Signer;
import org.sakshi.service.CaseService;
import org.sakshi.service.EncryptionService;
import org.sakshi.service.ExportRequest;
import org.sakshi.service.ExportResult;
import org.sakshi.service.ExportService;
import org.sakshi.service.FormOptions;
import org.sakshi.service.IdentityService;
import org.sakshi.service.SigningIdentity;
import org.sakshi.service.TimestampService;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * {@code sakshi export CASE_DIR --out BUNDLE.zip (--keystore F.p12 --storepass-file F [--alias A] |
 * --pkcs11 LIB --token-label L --pin-file F) [--tsa URL]... [--items ID,...] [--certificate ...]...
 * [--encrypt-to CERT.pem]...}
 */
@Command(name = "export", description = "Export a signed evidence bundle.",
        footer = {"  sakshi export ./FIR-112 --out FIR112.zip --keystore me.p12 \\",
                "      --storepass-file pw.txt --tsa http://tsa.example/ --certificate IN-BSA63"})
final class ExportCommand extends CliCommand {
    @Parameters(index = "0", paramLabel = "CASE_DIR", description = "The case folder.")
    Path caseDir;

    @Option(names = "--out", required = true, paramLabel = "BUNDLE.zip", description = "The bundle file to create.")
    Path out;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Identity identity;

    static final class Identity {
        @ArgGroup(exclusive = false)
        P12 p12;

        @ArgGroup(exclusive = false)
        Pkcs11 pkcs11;

        /** Opens the identity named on the command line, the secret read from its file. */
        Signer open(IdentityService identities) throws SakshiException {
            return identities.open(identity(), secretFile());
        }

        /** The key store or token named on the command line. */
        SigningIdentity identity() {
            return p12 != null ? SigningIdentity.pkcs12(p12.keystore, p12.alias)
                    : SigningIdentity.pkcs11(pkcs11.library, pkcs11.tokenLabel);
        }

        /** The file whose first line is the password or PIN. */
        Path secretFile() {
            return p12 != null ? p12.storepassFile : pkcs11.pinFile;
        }
    }

    static final class P12 {
        @Option(names = "--keystore", required = true, paramLabel = "FILE.p12", description = "PKCS#12 signing identity.")
        Path keystore;

        @Option(names = "--storepass-file", required = true, paramLabel = "F",
                description = "File whose first line is the key store password.")
        Path storepassFile;

        @Option(names = "--alias", paramLabel = "A", description = "Key entry to use (default: the only one).")
        String alias;
    }

    static final class Pkcs11 {
        @Option(names = "--pkcs11", required = true, paramLabel = "LIBRARY", description = "PKCS#11 module (.so/.dll).")
        Path library;

        @Option(names = "--token-label", required = true, paramLabel = "L", description = "Token label.")
        String tokenLabel;

        @Option(names = "--pin-file", required = true, paramLabel = "F", description = "File whose first line is the PIN.")
        Path pinFile;
    }

    @Option(names = "--tsa", paramLabel = "URL", description = "RFC 3161 time-stamp authority; repeatable.")
    List<String> tsa = new ArrayList<>();

    @Option(names = "--no-long-term", description = {"Do not fetch revocation data: seal at CAdES/PAdES-BASELINE-T",
            "only (by default the bundle is sealed to BASELINE-LTA when the revocation services answer)."})
    boolean noLongTerm;

    @Option(names = "--items", paramLabel = "ID,...", description = "Export only these items.")
    List<String> items = new ArrayList<>();

    @Option(names = "--certificate", paramLabel = "IN-BSA63|US-FRE902|NP|BD|US-3505|GENERIC", converter = CertificateCode.class,
            description = "Add a jurisdiction certificate; repeatable.")
    List<CertificateKind> certificates = new ArrayList<>();

    @Option(names = "--form", paramLabel = "KEY=VALUE",
            description = "A value for the certificate forms (place=Kathmandu, E0001.colour=black); repeatable.")
    List<String> formValues = new ArrayList<>();

    @Option(names = "--form-zone", paramLabel = "ZONE",
            description = "Zone of the times on US and generic forms (default: the case's zone); India, Nepal and"
                    + " Bangladesh forms always use IST, NPT and BST.")
    String formZone;

    @Option(names = "--templates", paramLabel = "DIR",
            description = "A folder of edited templates replacing the shipped ones of the same name.")
    Path templates;

    @Option(names = "--certificate-lang", paramLabel = "hi|bn|ne",
            description = "Also give each certificate in Hindi, Bengali or Nepali (draft translation); repeatable.")
    List<String> certificateLanguages = new ArrayList<>();

    @Option(names = "--report-lang", paramLabel = "hi|bn|ne",
            description = "Give the evidence report's headings, labels and sentences in English and in Hindi, Bengali"
                    + " or Nepali (draft translation); the data is not translated.")
    String reportLanguage;

    /** {@code --certificate CODE}: a certificate kind by its code, in any case. */
    static final class CertificateCode implements CommandLine.ITypeConverter<CertificateKind> {
        @Override
        public CertificateKind convert(String value) {
            try {
                return CertificateKind.fromCode(value);
            } catch (InputException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    @Option(names = "--encrypt-to", paramLabel = "CERT.pem",
            description = "Write only BUNDLE.zip.p7m, encrypted (AES-256-GCM) to this recipient's certificate "
                    + "(RSA, P-256 or P-384); repeatable.")
    List<Path> encryptTo = new ArrayList<>();

    @Mixin
    OfficerOptions officer;

    private final CaseService cases;
    private final ExportService exports;
    private final IdentityService identities;
    private final TimestampService timestamps;
    private final EncryptionService crypto;

    ExportCommand(CaseService cases, ExportService exports, IdentityService identities, TimestampService timestamps,
                  EncryptionService crypto) {
        this.cases = cases;
        this.exports = exports;
        this.identities = identities;
        this.timestamps = timestamps;
        this.crypto = crypto;
    }

    @Override
    public Integer call() throws SakshiException {
        // the form options and recipients are checked before the key store is opened: a typo costs no password
        List<String> languages = new ArrayList<>();
        for (String l : certificateLanguages) {
            languages.add(FormOptions.language(l));
        }
        FormOptions forms = new FormOptions(FormOptions.parseValues(formValues),
                formZone == null ? null : FormOptions.zone(formZone), languages, FormOptions.templateFolder(templates))
                .withReportLanguage(reportLanguage == null ? null : FormOptions.reportLanguage(reportLanguage));
        List<X509Certificate> recipients = crypto.recipients(encryptTo);
        // the identity is opened (a key store's key derivation) while the case is opened and its ledger
        // checked; its failure is still reported first, then the officer's, then the case's
        ExportResult r = exports.export(caseDir, () -> identity.open(identities), signer -> {
            Actor actor = officer.officer == null ? null : CliSupport.actor(cases, caseDir, officer);
            return new ExportRequest(out, signer, timestamps.sources(tsa), CliSupport.splitIds(items),
                    certificates, actor, forms).withLongTerm(!noLongTerm).withRecipients(recipients);
        }, CliSupport.progressBar(err()), null);
        CliText text = text();
        for (String w : r.warnings()) {
            err().println(text.get("export.warning", w));
        }
        String reread = "\n  " + text.get("export.reread", text.verdict(r.verification().verdict()))
                + (r.verification().decidingCheck() == null ? "" : " (" + r.verification().decidingCheck().message()
                + ")");
        if (r.encrypted() != null) {
            out().println(text.get("export.exportedEncrypted", r.bundle())
                    + "\n  " + text.get("export.bundleId", r.bundleId())
                    + "\n  " + text.get("export.sha256Inner", r.sha256(),
                    EncryptionService.decryptedName(r.bundle()).getFileName())
                    + "\n  " + text.get("export.p7mSha256", r.encrypted().sha256())
                    + "\n  " + text.get("export.recipients", String.join("; ", EncryptionService.describe(recipients)))
                    + reread);
            return SakshiCommand.OK;
        }
        out().println(text.get("export.exported", r.bundle()) + "\n  " + text.get("export.bundleId", r.bundleId())
                + "\n  " + text.get("export.sha256", r.sha256()) + reread);
        return SakshiCommand.OK;
    }
}
