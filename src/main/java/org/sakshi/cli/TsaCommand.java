package org.sakshi.cli;

import java.io.Console;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.sakshi.core.InputException;
import org.sakshi.core.SakshiException;
import org.sakshi.service.IdentityService;
import org.sakshi.service.TimestampService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sakshi tsa}: Run a local RFC 3161 time-stamp authority (tsa serve). */
@Command(name = "tsa", description = "Run a local RFC 3161 time-stamp authority (tsa serve).",
        subcommands = {TsaCommand.Serve.class},
        footer = "  sakshi tsa serve --port 3180 --keystore tsa.p12 --storepass-file pw.txt")
final class TsaCommand extends CliCommand {
    @Override
    public Integer call() {
        err().println("error: say what to do, e.g. 'sakshi tsa serve --port 3180 --keystore tsa.p12 --storepass-file pw.txt'.");
        return SakshiCommand.INPUT_ERROR;
    }

    /**
     * {@code sakshi tsa serve}: prints the TSA's URL on stdout, then serves until the process is
     * killed (or the thread interrupted).
     */
    @Command(name = "serve", description = "Serve RFC 3161 time-stamps over HTTP until stopped.",
            footer = "  sakshi tsa serve --port 3180 --keystore tsa.p12 --storepass-file pw.txt")
    static final class Serve extends CliCommand {
        @Option(names = "--port", required = true, paramLabel = "N", description = "TCP port (0 picks a free one).")
        int port;

        @Option(names = "--keystore", required = true, paramLabel = "FILE.p12",
                description = "PKCS#12 with the TSA key; its certificate needs the critical EKU timeStamping.")
        Path keystore;

        @Option(names = "--storepass-file", paramLabel = "F",
                description = "File whose first line is the keystore password (else asked at the terminal).")
        Path storepassFile;

        @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
                description = "Address to listen on (default ${DEFAULT-VALUE}; 0.0.0.0 for the whole network).")
        String bind;

        private final IdentityService identities;
        private final TimestampService timestamps;

        Serve(IdentityService identities, TimestampService timestamps) {
            this.identities = identities;
            this.timestamps = timestamps;
        }

        @Override
        public Integer call() throws SakshiException {
            if (port < 0 || port > 65535) {
                throw new InputException("--port must be between 0 and 65535, not " + port + ".");
            }
            InetAddress address;
            try {
                address = InetAddress.getByName(bind);
            } catch (UnknownHostException e) {
                throw new InputException("--bind " + bind + " is not an address of this computer.", e);
            }
            char[] pw = storepassFile != null ? identities.readSecret(storepassFile) : prompt();
            TimestampService.LocalTsa server = timestamps.serve(keystore, pw, address, port);
            CountDownLatch stop = new CountDownLatch(1);
            Thread hook = new Thread(() -> {
                server.close();
                stop.countDown();
            }, "sakshi-tsa-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            out().println(server.url());
            out().flush();
            try {
                stop.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                server.close();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running: the JVM is exiting anyway
                }
            }
            return SakshiCommand.OK;
        }

        private static char[] prompt() throws InputException {
            Console c = System.console();
            if (c == null) {
                throw new InputException("no --storepass-file given and no terminal to ask for the password.");
            }
            return c.readPassword("TSA keystore password: ");
        }
    }
}
