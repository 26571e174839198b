package org.sakshi.timestamp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
 * TSA refuses (unknown hash) gets a TimeStampResp with status rejection (§2.4.2). The server keeps
 * serving after either.
 *
 * <p>Binds to loopback unless told otherwise. The TSA certificate must carry the critical
 * extended key usage timeStamping and nothing else (§2.3); otherwise the server refuses to start.
 */
public final class TsaServer implements AutoCloseable {
    /** A TSA policy OID under the UUID arc (ITU-T X.667, 2.25), allocated for Sakshi's local TSA. */
    public static final String DEFAULT_POLICY = "2.25.236429530336445060307449490738487183804";
    private static final Logger LOG = LoggerFactory.getLogger(TsaServer.class);
    private static final int MAX_QUERY = 64 * 1024;

    private final HttpServer http;
    private final ExecutorService executor;
    private final TimeStampResponseGenerator responder;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final URI url;

    private TsaServer(HttpServer http, ExecutorService executor, TimeStampResponseGenerator responder, Clock clock) {
        this.http = http;
        this.executor = executor;
        this.responder = responder;
        this.clock = clock;
        InetSocketAddress a = http.getAddress();
        String host = a.getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        this.url = URI.create("http://" + host + ":" + a.getPort() + "/tsa");
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
            responder = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
        } catch (OperatorCreationException | CertificateEncodingException | TSPException | IllegalArgumentException e) {
            throw new TimestampException("cannot set up the TSA with the certificate "
                    + cert.getSubjectX500Principal().getName() + ": " + e.getMessage(), e);
        }
        InetAddress address = bind != null ? bind : InetAddress.getLoopbackAddress();
        HttpServer http;
        try {
            http = HttpServer.create(new InetSocketAddress(address, port), 16);
        } catch (IOException e) {
            throw new TimestampException("the TSA cannot listen on " + address.getHostAddress() + ":" + port + " ("
                    + e.getMessage() + "); choose another --port.", e);
        }
        ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "sakshi-tsa");
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(executor);
        TsaServer server = new TsaServer(http, executor, responder, clock);
        http.createContext("/", server::handle);
        http.start();
        LOG.info("TSA {} listening at {}", cert.getSubjectX500Principal().getName(), server.url);
        return server;
    }

    /** The URL to give clients, e.g. {@code http://127.0.0.1:31815/tsa}. */
    public URI url() {
        return url;
    }

    public int port() {
        return http.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (!"POST".equalsIgnoreCase(ex.getRequestMethod())) {
                ex.getResponseHeaders().add("Allow", "POST");
                text(ex, 405, "POST an RFC 3161 TimeStampReq as application/timestamp-query\n");
                return;
            }
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readNBytes(MAX_QUERY + 1);
            }
            if (body.length > MAX_QUERY) {
                text(ex, 413, "time-stamp query too large\n");
                return;
            }
            TimeStampRequest request;
            try {
                request = new TimeStampRequest(body);
            } catch (IOException | RuntimeException e) {
                LOG.info("TSA: malformed query from {} ({} bytes): {}", ex.getRemoteAddress(), body.length, e.toString());
                text(ex, 400, "not an RFC 3161 TimeStampReq\n");
                return;
            }
            TimeStampResponse response;
            try {
                BigInteger serial = new BigInteger(64, random).setBit(63);
                response = responder.generateGrantedResponse(request, serial, Date.from(clock.instant()));
            } catch (TSPException e) {
                LOG.info("TSA: refused query: {}", e.getMessage());
                try {
                    response = responder.generateRejectedResponse(e);
                } catch (TSPException e2) {
                    text(ex, 500, "time-stamp generation failed\n");
                    return;
                }
            }
            byte[] der = response.getEncoded();
            ex.getResponseHeaders().add("Content-Type", "application/timestamp-reply");
            ex.sendResponseHeaders(200, der.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(der);
            }
        } catch (RuntimeException e) {
            LOG.warn("TSA: unexpected failure", e);
        }
    }

    private static void text(HttpExchange ex, int status, String message) throws IOException {
        byte[] b = message.getBytes(StandardCharsets.US_ASCII);
        ex.getResponseHeaders().add("Content-Type", "text/plain; charset=us-ascii");
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    /** Stops listening and ends the worker threads. */
    @Override
    public void close() {
        http.stop(0);
        executor.shutdownNow();
    }

    @Override
    public String toString() {
        return "TsaServer[" + url + "]";
    }
}
