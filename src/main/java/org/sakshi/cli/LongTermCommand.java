package org.sakshi.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sakshi.core.SakshiException;
import org.sakshi.service.LongTermService;
import org.sakshi.service.TimestampService;
import org.sakshi.service.VerifyService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sakshi extend BUNDLE.zip --tsa URL [-o OUT.zip] [--trust …] [--tsa-trust …]} and
 * {@code sakshi renew …}: a new bundle file whose signature is sealed for the long term (extend: B-T to
 * LTA) or carries one more archive time-stamp (renew). Exit 0 when written; 2 with one sentence on stderr
 * otherwise (the bundle verifies FAILED, a certificate is revoked, no TSA, already LTA / not yet LTA, the
 * output exists, the revocation services or the TSA cannot be reached); nothing is written then.
 */
abstract class LongTermCommand extends CliCommand {
    @Parameters(index = "0", paramLabel = "BUNDLE.zip", description = "The sealed bundle (it is not changed).")
    Path bundle;

    @Option(names = {"-o", "--out"}, paramLabel = "OUT.zip",
            description = "The new bundle file (default: BUNDLE-lta.zip for extend, BUNDLE-renewed.zip for renew).")
    Path out;

    @Option(names = "--tsa", paramLabel = "URL", required = true,
            description = "RFC 3161 time-stamp authority for the archive time-stamp; repeatable (first that answers).")
    List<String> tsa = new ArrayList<>();

    @Option(names = "--trust", paramLabel = "CA.pem", description = "A trusted root for signers; repeatable.")
    List<Path> trust = new ArrayList<>();

    @Option(names = "--tsa-trust", paramLabel = "ROOT.pem", description = "A trusted root for TSAs; repeatable.")
    List<Path> tsaTrust = new ArrayList<>();

    private final VerifyService verifier;
    private final TimestampService timestamps;

    LongTermCommand(VerifyService verifier, TimestampService timestamps) {
        this.verifier = verifier;
        this.timestamps = timestamps;
    }

    abstract boolean renew();

    @Override
    public Integer call() throws SakshiException {
        Path target = out != null ? out : defaultOut();
        VerifyService.Trust roots = new VerifyService.Trust(trust, tsaTrust.isEmpty() ? null : tsaTrust, null);
        LongTermService lt = verifier.longTerm();
        LongTermService.Outcome o = renew() ? lt.renew(bundle, target, timestamps.sources(tsa), roots)
                : lt.extend(bundle, target, timestamps.sources(tsa), roots);
        CliText text = text();
        out().println(text.get(renew() ? "longterm.renewed" : "longterm.extended", o.bundle(), o.level(),
                String.valueOf(o.archiveTimestamps()), text.verdict(o.verification().verdict())));
        out().println(text.get("longterm.sha256", o.sha256()));
        out().println(text.get("longterm.unchanged", bundle.getFileName()));
        return 0;
    }

    private Path defaultOut() {
        String name = bundle.getFileName().toString();
        String stem = name.toLowerCase(java.util.Locale.ROOT).endsWith(".zip") ? name.substring(0, name.length() - 4)
                : name;
        return bundle.toAbsolutePath().resolveSibling(stem + (renew() ? "-renewed.zip" : "-lta.zip"));
    }

    @Command(name = "extend", description = "Seal a bundle made offline for the long term (CAdES-BASELINE-LTA).",
            footer = {"  sakshi extend FIR112.zip --tsa http://tsa.example/ --trust agency-ca.pem"})
    static final class Extend extends LongTermCommand {
        Extend(VerifyService verifier, TimestampService timestamps) {
            super(verifier, timestamps);
        }

        @Override
        boolean renew() {
            return false;
        }
    }

    @Command(name = "renew", description = "Add a fresh archive time-stamp to a long-term bundle before its TSA"
            + " certificate expires.",
            footer = {"  sakshi renew FIR112-lta.zip --tsa http://tsa.example/ -o FIR112-2029.zip"})
    static final class Renew extends LongTermCommand {
        Renew(VerifyService verifier, TimestampService timestamps) {
            super(verifier, timestamps);
        }

        @Override
        boolean renew() {
            return true;
        }
    }
}
