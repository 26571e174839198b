package org.sakshi.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sakshi.core.Actor;
import org.sakshi.core.Check;
import org.sakshi.core.CheckResult;
import org.sakshi.core.ReportJson;
import org.sakshi.core.SakshiException;
import org.sakshi.core.Verdict;
import org.sakshi.core.VerificationReport;
import org.sakshi.service.CaseService;
import org.sakshi.service.ReceiveService;
import org.sakshi.service.TimestampService;
import org.sakshi.service.VerifyService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sakshi receive CASE_DIR BUNDLE.zip [--from AGENCY/PERSON] [--received-by NAME] [--via HOW]
 * [--seal N]... [--accept-indeterminate REASON] [--trust CA.pem]... [--tsa-trust ROOT.pem]...
 * [--expect-signer CERT|SHA256] [--tsa URL]... [--json]}: verifies the bundle, prints the verdict, and
 * records BUNDLE_RECEIVED and the items. Exit 0 received, 1 refused because FAILED, 3 refused because
 * INDETERMINATE without --accept-indeterminate, 2 input errors (not a bundle, already received ...).
 */
@Command(name = "receive", description = "Receive a bundle from another agency into a case (BUNDLE_RECEIVED).",
        footer = {"  sakshi receive ./CIB-12 FIR77.zip --trust wb-ca.pem --via courier \\",
                "      --from \"West Bengal Police\" --seal S-114"})
final class ReceiveCommand extends CliCommand {
    @Parameters(index = "0", paramLabel = "CASE_DIR", description = "The receiving case folder.")
    Path caseDir;

    @Parameters(index = "1", paramLabel = "BUNDLE.zip", description = {"The bundle received: a .zip, or a .zip.p7m",
            "encrypted to you (then give your key with --keystore or --pkcs11)."})
    Path bundle;

    @picocli.CommandLine.ArgGroup(exclusive = true, multiplicity = "0..1")
    ExportCommand.Identity identity;

    @Option(names = "--from", paramLabel = "AGENCY/PERSON", description = "Who sent or handed over the bundle"
            + " (default: the sender's agency in the bundle).")
    String from;

    @Option(names = "--received-by", paramLabel = "NAME", description = "Who received it (default: the acting officer).")
    String receivedBy;

    @Option(names = "--via", paramLabel = "HOW", description = "How it travelled: courier, by hand, e-mail, ...")
    String via;

    @Option(names = "--seal", paramLabel = "N", description = "Seal number of the package or medium; repeatable.")
    List<String> seals = new ArrayList<>();

    @Option(names = "--accept-indeterminate", paramLabel = "REASON", description = {"Receive an INDETERMINATE bundle"
            + " (intact, but a signer or TSA is not trusted) and record why.",
            "Without it such a bundle is refused (exit 3). A FAILED bundle is always refused (exit 1)."})
    String acceptIndeterminate;

    @Option(names = "--trust", paramLabel = "CA.pem",
            description = {"A trusted root for signers (the sending agency's CA); repeatable.",
                    "Without --tsa-trust it is trusted for time-stamp authorities too."})
    List<Path> trust = new ArrayList<>();

    @Option(names = "--tsa-trust", paramLabel = "ROOT.pem",
            description = "A trusted root for time-stamp authorities only; repeatable.")
    List<Path> tsaTrust = new ArrayList<>();

    @Option(names = "--expect-signer", paramLabel = "CERT.pem|SHA256",
            description = "The sending officer who must have signed; any other signer is FAILED.")
    String expectSigner;

    @Option(names = "--tsa", paramLabel = "URL", description = "RFC 3161 time-stamp authority that anchors the"
            + " ledger head after the receipt; repeat for fallbacks. Items keep their original tokens.")
    List<String> tsa = new ArrayList<>();

    @Option(names = "--json", description = "Print the receipt (verification, event, items) as JSON on stdout.")
    boolean json;

    @Mixin
    OfficerOptions officer;

    private final CaseService cases;
    private final ReceiveService receiver;
    private final TimestampService timestamps;

    ReceiveCommand(CaseService cases, ReceiveService receiver, TimestampService timestamps) {
        this.cases = cases;
        this.receiver = receiver;
        this.timestamps = timestamps;
    }

    @Override
    public Integer call() throws SakshiException {
        if (!bundle.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".p7m")) {
            return receive(bundle, via);
        }
        if (identity == null) {
            throw new org.sakshi.core.InputException(bundle.getFileName() + " is encrypted; give the key it was"
                    + " encrypted to with --keystore FILE.p12 --storepass-file F, or --pkcs11 LIB --token-label L"
                    + " --pin-file F.");
        }
        // opened inside the receiving case (owner-only), received from there, and the plain copy removed
        try (ReceiveService.Opened opened = receiver.decrypt(caseDir, bundle, identity.identity(),
                identity.secretFile(), json ? org.sakshi.core.ProgressListener.NONE : CliSupport.progressBar(err()),
                null)) {
            return receive(opened.bundle(), opened.via(via));
        }
    }

    private int receive(Path file, String how) throws SakshiException {
        Actor actor = CliSupport.actor(cases, caseDir, officer);
        VerifyService.Trust roots = new VerifyService.Trust(trust, tsaTrust.isEmpty() ? null : tsaTrust, expectSigner);
        ReceiveService.Request request = new ReceiveService.Request(file, roots, from, receivedBy, how, seals,
                acceptIndeterminate, timestamps.sources(tsa), actor);
        ReceiveService.Result r;
        try {
            r = receiver.receive(caseDir, request, json ? org.sakshi.core.ProgressListener.NONE
                    : CliSupport.progressBar(err()), null);
        } catch (ReceiveService.RefusedFailed e) {
            return refused(e.report(), e, SakshiCommand.VERIFY_FAILED);
        } catch (ReceiveService.RefusedIndeterminate e) {
            return refused(e.report(), e, SakshiCommand.INDETERMINATE);
        }
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("bundle_id", r.bundleId());
            m.put("verification", ReportJson.toMap(r.report()));
            m.put("event", org.sakshi.core.ledger.EventCodec.toMap(r.event(), true));
            List<Map<String, Object>> items = new ArrayList<>();
            for (ReceiveService.ReceivedItem it : r.items()) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("sender_id", it.senderId());
                x.put("id", it.item().id());
                x.put("sha256", it.item().digests().sha256());
                items.add(x);
            }
            m.put("items", items);
            m.put("kept", r.kept().toString());
            CliSupport.printJson(out(), m);
        } else {
            printVerdict(r.report());
            CliText text = text();
            out().println(text.get("receive.recorded", String.valueOf(r.event().seq()), r.bundleId())
                    + (r.report().verdict() == Verdict.INDETERMINATE ? " "
                    + text.get("receive.acceptedIndeterminate", acceptIndeterminate) : ""));
            for (ReceiveService.ReceivedItem it : r.items()) {
                out().println("  " + it.senderId() + " -> " + it.item().id() + "  " + it.item().digests().sha256() + "  "
                        + it.item().name());
            }
            out().println(text.get("receive.kept", r.kept()));
        }
        return SakshiCommand.OK;
    }

    private int refused(VerificationReport report, SakshiException e, int code) throws SakshiException {
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("received", false);
            m.put("verification", ReportJson.toMap(report));
            CliSupport.printJson(out(), m);
        } else {
            printVerdict(report);
        }
        err().println("error: " + e.getMessage());
        return code;
    }

    private void printVerdict(VerificationReport r) {
        CliText text = text();
        out().println(text.get("verify.headline", text.verdict(r.verdict()), bundle.getFileName(), r.bundleId(),
                r.caseNumber()));
        Check deciding = r.decidingCheck();
        if (deciding != null) {
            out().println(text.get("verify.reason", deciding.message()));
        }
        for (Check c : r.checks()) {
            if (c.result() != CheckResult.PASSED || c.code() == org.sakshi.core.CheckCode.PROVENANCE) {
                out().println("  [" + c.result() + "] " + c.code() + (c.target().isEmpty() ? "" : " " + c.target())
                        + ": " + c.message());
            }
        }
    }
}
