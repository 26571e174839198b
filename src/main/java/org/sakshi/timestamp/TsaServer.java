package org.sakshi.timestamp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.sakshi.core.SakshiException;
import org.sakshi.core.TimestampException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small RFC 3161 time-stamp authority over HTTP (RFC 3161 §3.4): POST a DER TimeStampReq with
 * {@code Content-Type: application/timestamp-query}, get a DER TimeStampResp as
 * {@code application/timestamp-reply}. Tokens are SHA-256 signed, carry an ESSCertIDv2 (RFC 5816)
 * for the TSA certificate, echo the nonce, and include the TSA's certificate chain when the query
 * sets certReq (§2.4.1). A body that is not a TimeStampReq gets HTTP 400; a well-formed query the
 * TSA refuses gets a TimeStampResp with status rejection (§2.4.2): an imprint made with MD5 or
 * SHA-1 (or any hash outside SHA-2 and SHA-3) is refused with failInfo badAlg. The server keeps
 * serving after either.
 *
 * <p>Slow and hostile clients: each connection is served on its own virtual thread, one request
 * per connection ({@code Connection: close}). The request line and headers must arrive within
 * {@value #HEADER_TIMEOUT_MS} ms and {@value #MAX_HEADER} bytes, the body within
 * {@value #BODY_TIMEOUT_MS} ms and {@value #MAX_QUERY} bytes; a client address may hold at most
 * {@value #MAX_PER_CLIENT} open connections and the server {@value #MAX_CONNECTIONS} in all (more
 * are answered 503 and closed at once). So clients that open connections and stall cost a virtual
 * thread each, and never delay the others.
 *
 * <p>Binds to loopback unless told otherwise. The TSA certificate must carry the critical
 * extended key usage timeStamping and nothing else (§2.3); otherwise the server refuses to start.
 */
public final class TsaServer implements AutoCloseable {
    /** A TSA policy OID under the UUID arc (ITU-T X.667, 2.25), allocated for Sakshi's local TSA. */
    public static final String DEFAULT_POLICY = "2.25.236429530336445060307449490738487183804";
    private static final Logger LOG = LoggerFactory.getLogger(TsaServer.class);
    static final int MAX_QUERY = 64 * 1024;
    static final int MAX_HEADER = 8 * 1024;
    static final int HEADER_TIMEOUT_MS = 10_000;
    static final int BODY_TIMEOUT_MS = 10_000;
    static final int MAX_PER_CLIENT = 8;
    static final int MAX_CONNECTIONS = 512;
    /** Imprint hashes the TSA accepts: SHA-2 and SHA-3; MD5, SHA-1, RIPEMD and GOST are refused (badAlg). */
    static final Set<ASN1ObjectIdentifier> ACCEPTED_HASHES = Set.of(TSPAlgorithms.SHA224, TSPAlgorithms.SHA256,
            TSPAlgorithms.SHA384, TSPAlgorithms.SHA512, NISTObjectIdentifiers.id_sha3_224,
            NISTObjectIdentifiers.id_sha3_256, NISTObjectIdentifiers.id_sha3_384, NISTObjectIdentifiers.id_sha3_512);

    private final ServerSocket socket;
    private final Thread acceptor;
    private final TimeStampResponseGenerator responder;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final URI url;
    private final Map<InetAddress, Integer> perClient = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final Set<Socket> live = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private TsaServer(ServerSocket socket, TimeStampResponseGenerator responder, Clock clock) {
        this.socket = socket;
        this.responder = responder;
        this.clock = clock;
        InetAddress a = socket.getInetAddress();
        String host = a.getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        this.url = URI.create("http://" + host + ":" + socket.getLocalPort() + "/tsa");
        this.acceptor = Thread.ofPlatform().daemon().name("sakshi-tsa-accept").unstarted(this::acceptLoop);
    }

    /**
     * Starts a TSA signing with {@code key}, whose certificate is {@code chain.get(0)}.
     *
     * @param bind where to listen; null for the loopback address
     * @param port TCP port; 0 picks a free one
     * @param clock the source of genTime (tests pass a fixed clock)
     * @throws TimestampException the certificate is not a TSA certificate, or the port is taken
     */
    public static TsaServer start(PrivateKey key, List<X509Certificate> chain, InetAddress bind, int port, Clock clock)
            throws TimestampException {
        X509Certificate cert = chain.get(0);
        String problem = TsaCertificates.problem(cert);
        if (problem != null) {
            throw new TimestampException("the certificate " + cert.getSubjectX500Principal().getName()
                    + " cannot sign time-stamps: " + problem + "; issue a TSA certificate with critical EKU timeStamping.");
        }
        TimeStampResponseGenerator responder;
        try {
            String alg = "EC".equals(key.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
            SignerInfoGenerator sig = new JcaSimpleSignerInfoGeneratorBuilder().build(alg, key, cert);
            // A SHA-256 calculator makes the generator write signing-certificate-v2 / ESSCertIDv2 (RFC 5816).
            DigestCalculator certIdDigest = new JcaDigestCalculatorProviderBuilder().build()
                    .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256));
            TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(sig, certIdDigest,
                    new ASN1ObjectIdentifier(DEFAULT_POLICY));
            tokens.addCertificates(new JcaCertStore(chain));
            tokens.setAccuracySeconds(1);
            // RFC 3161 §2.4.2 tsa: names the TSA, so readers see who stamped without opening the certificate.
            tokens.setTSA(new GeneralName(X500Name.getInstance(cert.getSubjectX500Principal().getEncoded())));
            responder = new TimeStampResponseGenerator(tokens, ACCEPTED_HASHES);
        } catch (OperatorCreationException | CertificateEncodingException | TSPException | IllegalArgumentException e) {
            throw new TimestampException("cannot set up the TSA with the certificate "
                    + cert.getSubjectX500Principal().getName() + ": " + e.getMessage(), e);
        }
        InetAddress address = bind != null ? bind : InetAddress.getLoopbackAddress();
        ServerSocket ss;
        try {
            ss = new ServerSocket();
            ss.setReuseAddress(true);
            ss.bind(new InetSocketAddress(address, port), 128);
        } catch (IOException e) {
            throw new TimestampException("the TSA cannot listen on " + address.getHostAddress() + ":" + port + " ("
                    + e.getMessage() + "); choose another --port.", e);
        }
        TsaServer server = new TsaServer(ss, responder, clock);
        server.acceptor.start();
        LOG.info("TSA {} listening at {}", cert.getSubjectX500Principal().getName(), server.url);
        return server;
    }

    /** The URL to give clients, e.g. {@code http://127.0.0.1:31815/tsa}. */
    public URI url() {
        return url;
    }

    public int port() {
        return socket.getLocalPort();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket s;
            try {
                s = socket.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("TSA: accept failed: {}", e.toString());
                }
                continue;
            }
            InetAddress client = s.getInetAddress();
            int[] mine = {0};
            perClient.compute(client, (k, v) -> {
                mine[0] = v == null ? 1 : v + 1;
                return mine[0];
            });
            if (mine[0] > MAX_PER_CLIENT || open.incrementAndGet() > MAX_CONNECTIONS) {
                if (mine[0] <= MAX_PER_CLIENT) {
                    open.decrementAndGet();
                }
                release(client);
                LOG.info("TSA: refused a connection from {} ({} open from it, {} in all)", client, mine[0], open.get());
                refuse(s);
                continue;
            }
            live.add(s);
            Thread.ofVirtual().name("sakshi-tsa-conn").start(() -> {
                try {
                    serve(s);
                } finally {
                    live.remove(s);
                    closeQuietly(s);
                    open.decrementAndGet();
                    release(client);
                }
            });
        }
    }

    private void release(InetAddress client) {
        perClient.compute(client, (k, v) -> v == null || v <= 1 ? null : v - 1);
    }

    /** Too many connections: one short 503 written without reading anything, then closed. */
    private static void refuse(Socket s) {
        try {
            s.setSoTimeout(1000);
            OutputStream out = s.getOutputStream();
            out.write(("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException ignored) {
            // the client is gone or stalled; closing is all that is left
        } finally {
            closeQuietly(s);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    /** The parts of one HTTP request this server reads. */
    private record Request(String method, long contentLength, boolean expectContinue) {
    }

    private void serve(Socket s) {
        try {
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            long headerDeadline = System.nanoTime() + HEADER_TIMEOUT_MS * 1_000_000L;
            Request req = readHead(s, in, headerDeadline);
            if (req == null) {
                reply(out, 400, "text/plain; charset=us-ascii", ascii("bad HTTP request\n"), null);
                return;
            }
            if (!"POST".equals(req.method())) {
                reply(out, 405, "text/plain; charset=us-ascii",
                        ascii("POST an RFC 3161 TimeStampReq as application/timestamp-query\n"), "Allow: POST");
                return;
            }
            if (req.contentLength() < 0) {
                reply(out, 411, "text/plain; charset=us-ascii", ascii("give Content-Length\n"), null);
                return;
            }
            if (req.contentLength() > MAX_QUERY) {
                reply(out, 413, "text/plain; charset=us-ascii", ascii("time-stamp query too large\n"), null);
                return;
            }
            if (req.expectContinue()) {
                out.write(ascii("HTTP/1.1 100 Continue\r\n\r\n"));
                out.flush();
            }
            byte[] body = readBody(s, in, (int) req.contentLength(), System.nanoTime() + BODY_TIMEOUT_MS * 1_000_000L);
            reply(out, 200, "application/timestamp-reply", answer(body, s), null);
        } catch (SocketTimeoutException e) {
            LOG.info("TSA: {} was too slow and was disconnected", s.getRemoteSocketAddress());
        } catch (BadRequest e) {
            try {
                reply(s.getOutputStream(), 400, "text/plain; charset=us-ascii", ascii("not an RFC 3161 TimeStampReq\n"),
                        null);
            } catch (IOException ignored) {
                // the client is gone
            }
        } catch (SocketException e) {
            LOG.debug("TSA: connection from {} ended: {}", s.getRemoteSocketAddress(), e.toString());
        } catch (IOException | RuntimeException e) {
            LOG.warn("TSA: unexpected failure serving {}", s.getRemoteSocketAddress(), e);
        }
    }

    /** The query is not a TimeStampReq. */
    private static final class BadRequest extends IOException {
        BadRequest(String m) {
            super(m);
        }
    }

    /** A DER TimeStampResp for the query: granted, or rejected with its PKIFailureInfo (badAlg...). */
    private byte[] answer(byte[] body, Socket s) throws IOException {
        TimeStampRequest request;
        try {
            request = new TimeStampRequest(body);
        } catch (IOException | RuntimeException e) {
            LOG.info("TSA: malformed query from {} ({} bytes): {}", s.getRemoteSocketAddress(), body.length, e.toString());
            throw new BadRequest(e.toString());
        }
        TimeStampResponse response;
        try {
            BigInteger serial = new BigInteger(64, random).setBit(63);
            synchronized (responder) {
                response = responder.generateGrantedResponse(request, serial, Date.from(clock.instant()));
            }
        } catch (TSPException e) {
            LOG.info("TSA: refused query: {}", e.getMessage());
            try {
                synchronized (responder) {
                    response = responder.generateRejectedResponse(e);
                }
            } catch (TSPException e2) {
                throw new IOException("time-stamp generation failed", e2);
            }
        }
        return response.getEncoded();
    }

    /** Reads the request line and headers (ASCII, CRLF or LF) within the deadline and size cap; null when malformed. */
    private static Request readHead(Socket s, InputStream in, long deadline) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        String method = null;
        long length = -1;
        boolean expect = false;
        int total = 0;
        while (true) {
            int b = readByte(s, in, deadline);
            if (b < 0) {
                throw new SocketException("the client closed the connection before the headers ended");
            }
            if (++total > MAX_HEADER) {
                return null;
            }
            if (b != '\n') {
                line.write(b);
                continue;
            }
            String l = line.toString(StandardCharsets.ISO_8859_1);
            line.reset();
            if (l.endsWith("\r")) {
                l = l.substring(0, l.length() - 1);
            }
            if (method == null) {
                String[] parts = l.split(" ");
                if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
                    return null;
                }
                method = parts[0];
                continue;
            }
            if (l.isEmpty()) {
                return new Request(method, length, expect);
            }
            int colon = l.indexOf(':');
            if (colon <= 0) {
                return null;
            }
            String name = l.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = l.substring(colon + 1).trim();
            if (name.equals("content-length")) {
                try {
                    length = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    return null;
                }
                if (length < 0) {
                    return null;
                }
            } else if (name.equals("transfer-encoding")) {
                return new Request(method, -1, false); // chunked queries are not accepted: 411
            } else if (name.equals("expect") && value.equalsIgnoreCase("100-continue")) {
                expect = true;
            }
        }
    }

    private static byte[] readBody(Socket s, InputStream in, int n, long deadline) throws IOException {
        byte[] body = new byte[n];
        int off = 0;
        while (off < n) {
            setTimeout(s, deadline);
            int r = in.read(body, off, n - off);
            if (r < 0) {
                throw new SocketException("the client closed the connection inside the body");
            }
            off += r;
        }
        return body;
    }

    private static int readByte(Socket s, InputStream in, long deadline) throws IOException {
        setTimeout(s, deadline);
        return in.read();
    }

    /** Sets the socket's read time-out to what is left until {@code deadline}; past it, a time-out. */
    private static void setTimeout(Socket s, long deadline) throws IOException {
        long left = (deadline - System.nanoTime()) / 1_000_000L;
        if (left <= 0) {
            throw new SocketTimeoutException("deadline passed");
        }
        s.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static void reply(OutputStream out, int status, String type, byte[] body, String extraHeader)
            throws IOException {
        String reason = switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 405 -> "Method Not Allowed";
            case 411 -> "Length Required";
            case 413 -> "Payload Too Large";
            default -> "Error";
        };
        StringBuilder h = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason).append("\r\n")
                .append("Content-Type: ").append(type).append("\r\n")
                .append("Content-Length: ").append(body.length).append("\r\n")
                .append("Connection: close\r\n");
        if (extraHeader != null) {
            h.append(extraHeader).append("\r\n");
        }
        h.append("\r\n");
        out.write(ascii(h.toString()));
        out.write(body);
        out.flush();
    }

    /** Stops listening and closes every open connection. */
    @Override
    public void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
        for (Socket s : live) {
            closeQuietly(s);
        }
        try {
            acceptor.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "TsaServer[" + url + "]";
    }
}
