package org.sakshi.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sakshi.core.IntegrityException;
import org.sakshi.core.SakshiException;
import org.sakshi.core.Signer;
import org.sakshi.core.TimestampSource;
import org.sakshi.service.FormOptions;
import org.sakshi.service.IdentityService;
import org.sakshi.service.TimestampService;
import org.sakshi.service.TransmittalService;
import org.sakshi.service.VerifyService;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sakshi transmittal BUNDLE.zip -o LETTER.pdf --requesting A --requested B --basis T
 * [--reference R] [--courier C] [--seal S]... [--zone Z] [--form KEY=VALUE]... [--trust PEM]...
 * (--keystore F.p12 --storepass-file F | --pkcs11 ...) [--tsa URL]...}: the signed mutual legal
 * assistance transmittal letter of a sealed bundle, written beside it. Exit 0 written, 1 the bundle
 * fails verification (no letter), 2 input error.
 */
@Command(name = "transmittal", description = "Write the signed transmittal letter of a sealed bundle for a"
        + " mutual legal assistance request.",
        footer = {"  sakshi transmittal FIR112.zip -o FIR112-letter.pdf \\",
                "      --requesting 'CBI, New Delhi' --requested 'US DOJ, OIA' \\",
                "      --basis 'India-US MLAT (2001)' --courier 'Diplomatic bag 7731' \\",
                "      --seal S-0042 --keystore me.p12 --storepass-file pw.txt"})
final class TransmittalCommand extends CliCommand {
    @Parameters(index = "0", paramLabel = "BUNDLE.zip", description = "The sealed bundle the letter goes with.")
    Path bundle;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "LETTER.pdf", description = "The letter to create.")
    Path out;

    @Option(names = "--requesting", required = true, paramLabel = "AUTHORITY",
            description = "The authority that asked for the evidence.")
    String requesting;

    @Option(names = "--requested", required = true, paramLabel = "AUTHORITY",
            description = "The authority the evidence is sent to.")
    String requested;

    @Option(names = "--basis", required = true, paramLabel = "TEXT",
            description = "Treaty or basis, e.g. 'India-US MLAT (2001)', 'SAARC Convention on Mutual Assistance in"
                    + " Criminal Matters (2008)', 'letters rogatory'.")
    String basis;

    @Option(names = "--reference", paramLabel = "REF", description = "The request's reference number.")
    String reference;

    @Option(names = "--courier", paramLabel = "TEXT", description = "Who carries the bundle, or how it travels.")
    String courier;

    @Option(names = "--seal", paramLabel = "NUMBER", description = "A seal number on the package; repeatable.")
    List<String> seals = new ArrayList<>();

    @Option(names = "--zone", paramLabel = "ZONE", description = "Zone of the letter's times (default: the case's).")
    String zone;

    @Option(names = "--form", paramLabel = "KEY=VALUE", description = "Another template value; repeatable.")
    List<String> formValues = new ArrayList<>();

    @Option(names = "--templates", paramLabel = "DIR",
            description = "A folder whose MLA-TRANSMITTAL.txt replaces the shipped letter template.")
    Path templates;

    @Option(names = "--trust", paramLabel = "CA.pem",
            description = "A trusted root the bundle is checked against first (signers and TSAs); repeatable.")
    List<Path> trust = new ArrayList<>();

    @ArgGroup(exclusive = true, multiplicity = "1")
    ExportCommand.Identity identity;

    @Option(names = "--tsa", paramLabel = "URL", description = "TSA to time-stamp the letter's signature; repeatable.")
    List<String> tsa = new ArrayList<>();

    private final VerifyService verifier;
    private final IdentityService identities;
    private final TimestampService timestamps;

    TransmittalCommand(VerifyService verifier, IdentityService identities, TimestampService timestamps) {
        this.verifier = verifier;
        this.identities = identities;
        this.timestamps = timestamps;
    }

    @Override
    public Integer call() throws SakshiException {
        var values = FormOptions.parseValues(formValues);
        var z = zone == null ? null : FormOptions.zone(zone);
        TransmittalService transmittals = new TransmittalService(verifier, FormOptions.templateFolder(templates));
        Signer signer = identity.open(identities);
        List<TimestampSource> sources = timestamps.sources(tsa);
        TransmittalService.Request request = new TransmittalService.Request(bundle, out, requesting, requested, basis,
                reference, courier, seals, z, values, VerifyService.Trust.both(trust), signer,
                sources.isEmpty() ? null : sources.get(0));
        TransmittalService.Result r;
        try {
            r = transmittals.write(request);
        } catch (IntegrityException e) {
            err().println("error: " + e.getMessage());
            return SakshiCommand.VERIFY_FAILED;
        }
        CliText text = text();
        out().println(text.get("transmittal.written", r.letter()) + "\n" + "  " + text.get("transmittal.bundleId", r.bundleId())
                + "\n" + "  " + text.get("transmittal.sha256", r.bundleSha256()) + "\n"
                + "  " + text.get("transmittal.check", text.verdict(r.verdict())));
        return SakshiCommand.OK;
    }
}
