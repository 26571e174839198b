package org.sakshi.cli;

import java.nio.file.Path;
import org.sakshi.core.SakshiException;
import org.sakshi.service.EncryptionService;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sakshi decrypt BUNDLE.zip.p7m (--keystore F.p12 --storepass-file F [--alias A] | --pkcs11 LIB
 * --token-label L --pin-file F) [--out BUNDLE.zip]}: opens a bundle encrypted to the key's certificate.
 * Exit 0 done; 2 for every error (not a .p7m, not for this key, wrong password or PIN, altered or
 * truncated file), and then nothing is written.
 */
@Command(name = "decrypt", description = "Open an encrypted bundle (.p7m) with your private key.",
        footer = {"  sakshi decrypt FIR112.zip.p7m --keystore me.p12 --storepass-file pw.txt",
                "  sakshi verify FIR112.zip --trust agency-ca.pem"})
final class DecryptCommand extends CliCommand {
    @Parameters(index = "0", paramLabel = "BUNDLE.zip.p7m", description = "The encrypted bundle.")
    Path p7m;

    @Option(names = {"--out", "-o"}, paramLabel = "BUNDLE.zip",
            description = "The bundle to create; must not exist (default: the name without .p7m, beside it).")
    Path out;

    @ArgGroup(exclusive = true, multiplicity = "1")
    ExportCommand.Identity identity;

    private final EncryptionService crypto;

    DecryptCommand(EncryptionService crypto) {
        this.crypto = crypto;
    }

    @Override
    public Integer call() throws SakshiException {
        EncryptionService.Decrypted d = crypto.decrypt(p7m, out, identity.identity(), identity.secretFile(),
                CliSupport.progressBar(err()), null);
        CliText text = text();
        out().println(text.get("decrypt.done", p7m) + "\n" + "  " + text.get("decrypt.to", d.file()) + "\n"
                + "  " + text.get("decrypt.sha256", d.sha256()) + "\n" + "  " + text.get("decrypt.check", d.file()));
        return SakshiCommand.OK;
    }
}
