package org.sakshi.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sakshi.core.Actor;
import org.sakshi.core.SakshiException;
import org.sakshi.core.Signer;
import org.sakshi.service.ExportRequest;
import org.sakshi.service.ExportResult;
import org.sakshi.signing.Pkcs11Identity;
import org.sakshi.signing.Pkcs12Identity;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sakshi export CASE_DIR --out BUNDLE.zip (--keystore F.p12 --storepass-file F [--alias A] |
 * --pkcs11 LIB --token-label L --pin-file F) [--tsa URL]... [--items ID,...] [--certificate ...]...}
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

    @Option(names = "--items", paramLabel = "ID,...", description = "Export only these items.")
    List<String> items = new ArrayList<>();

    @Option(names = "--certificate", paramLabel = "IN-BSA63|US-FRE902|GENERIC",
            description = "Add a jurisdiction certificate; repeatable.")
    List<String> certificates = new ArrayList<>();

    @Mixin
    OfficerOptions officer;

    @Override
    public Integer call() throws SakshiException {
        Signer signer = signer();
        Actor actor = officer.officer == null ? null : CliSupport.actor(ctx(), caseDir, officer);
        ExportRequest request = new ExportRequest(out, signer, CliSupport.tsas(ctx(), tsa), CliSupport.splitIds(items),
                certificates, actor);
        ExportResult r = ctx().exports().export(caseDir, request, CliSupport.progressBar(err()), null);
        out().println("Exported " + r.bundle() + "\n  bundle id " + r.bundleId() + "\n  sha256    " + r.sha256()
                + "\n  re-read check: " + r.verification().verdict()
                + (r.verification().decidingCheck() == null ? "" : " (" + r.verification().decidingCheck().message()
                + ")"));
        return SakshiCommand.OK;
    }

    private Signer signer() throws SakshiException {
        if (identity.p12 != null) {
            return Pkcs12Identity.load(identity.p12.keystore, identity.p12.storepassFile, identity.p12.alias);
        }
        return Pkcs11Identity.load(identity.pkcs11.library, identity.pkcs11.tokenLabel, identity.pkcs11.pinFile, null);
    }
}
