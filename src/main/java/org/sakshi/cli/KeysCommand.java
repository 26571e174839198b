package org.sakshi.cli;

import java.io.Console;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import org.sakshi.core.InputException;
import org.sakshi.core.SakshiException;
import org.sakshi.signing.Certificates;
import org.sakshi.signing.IdentityGenerator;
import org.sakshi.signing.Pem;
import org.sakshi.signing.Secrets;
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
        IdentityGenerator.KeyType keyType;

        @Option(names = "--tsa", description = "Make a time-stamping identity for 'sakshi tsa serve' "
                + "(critical EKU timeStamping) instead of an officer's signing identity.")
        boolean tsa;

        @Option(names = "--cert-out", paramLabel = "FILE.pem",
                description = "Also write the certificate as PEM (give it to verifiers as --trust).")
        Path certOut;

        @Override
        public Integer call() throws SakshiException {
            char[] pw = storepassFile != null ? Secrets.readFirstLine(storepassFile) : prompt();
            try {
                X509Certificate cert = IdentityGenerator.create(out, pw, name, days, keyType, tsa);
                if (certOut != null) {
                    try {
                        Pem.writeCertificates(certOut, List.of(cert));
                    } catch (java.io.IOException e) {
                        throw new InputException("the identity " + out + " was created, but the certificate cannot be "
                                + "written to " + certOut + " (" + e.getMessage() + ").", e);
                    }
                }
                out().println("created " + out);
                out().println("  subject:     " + Certificates.subject(cert));
                out().println("  valid until: " + cert.getNotAfter().toInstant());
                out().println("  sha256:      " + Certificates.sha256Hex(cert));
                return SakshiCommand.OK;
            } finally {
                Arrays.fill(pw, '\0');
            }
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
