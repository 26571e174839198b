package org.sakshi.cli;

import java.io.Console;
import java.nio.file.Path;
import java.util.Arrays;
import org.sakshi.core.InputException;
import org.sakshi.core.KeyType;
import org.sakshi.core.SakshiException;
import org.sakshi.service.IdentityService;
import org.sakshi.service.IdentitySummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sakshi keys}: Create signing identities (keys new). */
@Command(name = "keys", description = "Create signing identities (keys new).",
        subcommands = {KeysCommand.New.class},
        footer = {"  sakshi keys new --out me.p12 --storepass-file pw.txt \\",
                "      --name \"Insp. A. Verma, CID\" --cert-out me.pem"})
final class KeysCommand extends CliCommand {
    @Override
    public Integer call() {
        err().println("error: say what to do with keys, e.g. 'sakshi keys new --out me.p12 --storepass-file pw.txt --name \"Insp. A. Verma\"'.");
        return SakshiCommand.INPUT_ERROR;
    }

    /** {@code sakshi keys new}: a self-signed officer identity in a new PKCS#12 file. */
    @Command(name = "new", description = "Create a self-signed officer signing identity (PKCS#12).",
            footer = {"  sakshi keys new --out me.p12 --storepass-file pw.txt \\",
                    "      --name \"Insp. A. Verma, CID\" --cert-out me.pem"})
    static final class New extends CliCommand {
        @Option(names = "--out", required = true, paramLabel = "FILE.p12", description = "The new keystore (must not exist).")
        Path out;

        @Option(names = "--storepass-file", paramLabel = "F",
                description = "File whose first line is the new keystore password (else asked at the terminal).")
        Path storepassFile;

        @Option(names = "--name", required = true, paramLabel = "CN text", description = "Officer name for the certificate's CN.")
        String name;

        @Option(names = "--days", defaultValue = "1095", paramLabel = "N", description = "Validity in days (default ${DEFAULT-VALUE}).")
        int days;

        @Option(names = "--key-type", defaultValue = "RSA3072", paramLabel = "rsa3072|p256",
                description = "Key type: RSA3072 (default) or P256 (ECDSA).")
        KeyType keyType;

        @Option(names = "--tsa", description = "Make a time-stamping identity for 'sakshi tsa serve' "
                + "(critical EKU timeStamping) instead of an officer's signing identity.")
        boolean tsa;

        @Option(names = "--cert-out", paramLabel = "FILE.pem",
                description = "Also write the certificate as PEM (give it to verifiers as --trust).")
        Path certOut;

        private final IdentityService identities;

        New(IdentityService identities) {
            this.identities = identities;
        }

        @Override
        public Integer call() throws SakshiException {
            char[] pw = storepassFile != null ? identities.readSecret(storepassFile) : prompt();
            IdentitySummary created = identities.create(out, pw, name, days, keyType, tsa, certOut);
            CliText text = text();
            out().println(text.get("keys.created", out));
            out().println("  " + text.get("keys.subject", created.subject()));
            out().println("  " + text.get("keys.validUntil", String.valueOf(created.notAfter())));
            out().println("  " + text.get("keys.sha256", created.sha256()));
            return SakshiCommand.OK;
        }

        private static char[] prompt() throws InputException {
            Console c = System.console();
            if (c == null) {
                throw new InputException("no --storepass-file given and no terminal to ask for the password; "
                        + "write the password to a file and pass --storepass-file.");
            }
            char[] a = c.readPassword("New keystore password: ");
            char[] b = c.readPassword("Repeat the password: ");
            if (a == null || b == null || !Arrays.equals(a, b)) {
                throw new InputException("the two passwords differ; nothing was created.");
            }
            Arrays.fill(b, '\0');
            return a;
        }
    }
}
