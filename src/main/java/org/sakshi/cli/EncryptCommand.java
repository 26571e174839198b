package org.sakshi.cli;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.sakshi.core.SakshiException;
import org.sakshi.service.EncryptionService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sakshi encrypt BUNDLE.zip --to CERT.pem [--to CERT.pem]... [--out BUNDLE.zip.p7m]}: encrypts an
 * existing bundle for transit, as {@code export --encrypt-to} does. Records nothing in any case.
 */
@Command(name = "encrypt", description = "Encrypt an existing bundle to recipients' certificates (.p7m).",
        footer = {"  sakshi encrypt FIR112.zip --to prosecutor.pem --to lab.pem"})
final class EncryptCommand extends CliCommand {
    @Parameters(index = "0", paramLabel = "BUNDLE.zip", description = "The bundle to encrypt.")
    Path zip;

    @Option(names = "--to", required = true, paramLabel = "CERT.pem",
            description = "A recipient's certificate (RSA, P-256 or P-384 key); repeatable.")
    List<Path> to = new ArrayList<>();

    @Option(names = {"--out", "-o"}, paramLabel = "BUNDLE.zip.p7m",
            description = "The file to create; must not exist (default: BUNDLE.zip.p7m beside the bundle).")
    Path out;

    private final EncryptionService crypto;

    EncryptCommand(EncryptionService crypto) {
        this.crypto = crypto;
    }

    @Override
    public Integer call() throws SakshiException {
        List<X509Certificate> recipients = crypto.recipients(to);
        Path target = out != null ? out : EncryptionService.encryptedName(zip.toAbsolutePath());
        EncryptionService.Encrypted e = crypto.encrypt(zip, target, recipients, null, CliSupport.progressBar(err()),
                null);
        CliText text = text();
        out().println(text.get("encrypt.done", zip) + "\n" + "  " + text.get("encrypt.to", e.file()) + "\n"
                + "  " + text.get("encrypt.sha256", e.plainSha256()) + "\n" + "  " + text.get("encrypt.p7mSha256", e.sha256()) + "\n"
                + "  " + text.get("encrypt.recipients", String.join("; ", EncryptionService.describe(recipients))));
        return SakshiCommand.OK;
    }
}
