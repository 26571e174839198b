package org.sakshi.service;

import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.sakshi.core.InputException;
import org.sakshi.core.SakshiException;
import org.sakshi.core.TimestampSource;
import org.sakshi.signing.Pkcs12Identity;
import org.sakshi.timestamp.TsaServer;

/**
 * Time-stamp authorities for every front end: turns the TSA URLs an operator gives into sources to
 * ask in order, and runs a lab's own local RFC 3161 TSA ({@code sakshi tsa serve}).
 */
public final class TimestampService {
    /** A running local TSA: the URL to give clients; {@link #close()} stops it. */
    public interface LocalTsa extends AutoCloseable {
        URI url();

        @Override
        void close();
    }

    private final Function<String, TimestampSource> clients;

    /** @param clients makes a client for the TSA at a URL (HTTP in production, a local one in tests) */
    public TimestampService(Function<String, TimestampSource> clients) {
        this.clients = Objects.requireNonNull(clients, "clients");
    }

    /**
     * Sources for the given URLs, in order, blanks skipped.
     *
     * @throws InputException a URL is not a valid URL
     */
    public List<TimestampSource> sources(List<String> urls) throws InputException {
        List<TimestampSource> out = new ArrayList<>();
        if (urls == null) {
            return out;
        }
        for (String u : urls) {
            if (u == null || u.isBlank()) {
                continue;
            }
            try {
                out.add(clients.apply(u.strip()));
            } catch (IllegalArgumentException e) {
                throw new InputException("the TSA address " + u + " is not a valid URL (" + e.getMessage()
                        + "); give e.g. http://timestamp.example/tsr", e);
            }
        }
        return out;
    }

    /**
     * Starts a local TSA from a PKCS#12 file whose only key entry is the TSA identity (its certificate
     * needs the critical EKU timeStamping), listening on {@code bind:port} (0: a free port). Wipes
     * {@code password}.
     */
    public LocalTsa serve(Path pkcs12, char[] password, InetAddress bind, int port) throws SakshiException {
        TsaServer server;
        try {
            Pkcs12Identity.KeyEntry e = Pkcs12Identity.loadEntry(pkcs12, password, null);
            server = TsaServer.start(e.key(), e.chain(), bind, port, Clock.systemUTC());
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
        return new LocalTsa() {
            @Override
            public URI url() {
                return server.url();
            }

            @Override
            public void close() {
                server.close();
            }
        };
    }
}
