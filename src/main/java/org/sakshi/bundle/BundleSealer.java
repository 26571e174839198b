package org.sakshi.bundle;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.sakshi.core.CancelFlag;
import org.sakshi.core.Check;
import org.sakshi.core.CheckResult;
import org.sakshi.core.IntegrityException;
import org.sakshi.core.ProgressListener;
import org.sakshi.core.SakshiException;
import org.sakshi.core.Signer;
import org.sakshi.core.StorageException;
import org.sakshi.core.TimestampException;
import org.sakshi.core.TimestampSource;
import org.sakshi.core.TimestampToken;
import org.sakshi.core.Verdict;
import org.sakshi.core.VerificationReport;
import org.sakshi.signing.Pem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seals a bag into a bundle ZIP (docs/bundle-format.md): streams the payload files (evidence straight
 * from the vault, re-hashed against the recorded SHA-256), writes the tag files, signs
 * {@code tagmanifest-sha256.txt} (CMS via {@link Signer}, CAdES-T when the first TSA answers), asks
 * every TSA for a token over it ({@code .tsr}, {@code .2.tsr}, ...), then flushes {@code <out>.part}
 * and re-reads it with the {@link BundleVerifier} while it is fsynced (the SHA-256 of the whole file is
 * taken as it is written), and renames it to {@code <out>} only when no check FAILED and the fsync
 * completed. Any failure or cancel leaves neither file.
 */
public final class BundleSealer {
    private static final Logger LOG = LoggerFactory.getLogger(BundleSealer.class);

    /** One payload file: where it goes under data/, where its bytes are, and the SHA-256 it must have (or null). */
    public record PayloadFile(String bagPath, Path file, String expectedSha256, Long crc32, String what) {
        /** Without a known CRC-32 (computed when needed). */
        public PayloadFile(String bagPath, Path file, String expectedSha256, String what) {
            this(bagPath, file, expectedSha256, null, what);
        }

        public PayloadFile {
            Objects.requireNonNull(bagPath, "bagPath");
            Objects.requireNonNull(file, "file");
            if (!bagPath.startsWith("data/")) {
                throw new IllegalArgumentException("payload must lie under data/: " + bagPath);
            }
        }
    }

    /**
     * What to seal. {@code bagInfo} lacks Payload-Oxum and Bag-Size, which the writer adds.
     * {@code later}, when not null, yields more payload files (e.g. the signed report) still being
     * made on another thread while {@code payload} streams; they are written after it, in order.
     * Its failure fails the seal; its SakshiException is rethrown as is.
     */
    public record Plan(Path out, String bundleId, Instant time, List<PayloadFile> payload, BagInfo bagInfo,
                       String caseNumber, Signer signer, List<TimestampSource> tsas,
                       java.util.concurrent.Future<List<PayloadFile>> later) {
        public Plan {
            payload = List.copyOf(payload);
            tsas = tsas == null ? List.of() : List.copyOf(tsas);
        }

        /** Every payload file known now. */
        public Plan(Path out, String bundleId, Instant time, List<PayloadFile> payload, BagInfo bagInfo,
                    String caseNumber, Signer signer, List<TimestampSource> tsas) {
            this(out, bundleId, time, payload, bagInfo, caseNumber, signer, tsas, null);
        }
    }

    /** A sealed bundle: final path, SHA-256 of the ZIP, the tokens over the tag manifest, the re-read check. */
    public record Sealed(Path bundle, String sha256, List<TimestampToken> tokens, VerificationReport verification,
                         List<String> warnings) {
        public Sealed {
            warnings = warnings == null ? List.of() : List.copyOf(warnings);
        }
    }

    private final BundleVerifier verifier;
    private final org.sakshi.signing.ltv.LtvAugmenter longTerm;

    /** @param verifier re-reads the fresh bundle; its trust anchors decide PASSED or INDETERMINATE */
    public BundleSealer(BundleVerifier verifier) {
        this(verifier, null);
    }

    private BundleSealer(BundleVerifier verifier, org.sakshi.signing.ltv.LtvAugmenter longTerm) {
        this.verifier = verifier;
        this.longTerm = longTerm;
    }

    /**
     * The same sealer, and the bundle signature is augmented to CAdES-BASELINE-LTA by {@code longTerm};
     * when that cannot be done (offline) the bundle is sealed at CAdES-BASELINE-T with a warning, and a
     * revoked signer stops the seal.
     */
    public BundleSealer withLongTerm(org.sakshi.signing.ltv.LtvAugmenter longTerm) {
        return new BundleSealer(verifier, longTerm);
    }

    public Sealed seal(Plan plan, ProgressListener progress, CancelFlag cancel) throws SakshiException {
        ProgressListener p = progress == null ? ProgressListener.NONE : progress;
        CancelFlag c = cancel == null ? new CancelFlag() : cancel;
        long start = System.nanoTime();
        try (PartFile part = PartFile.forOutput(plan.out())) {
            List<TimestampToken> tokens;
            List<String> warnings = new ArrayList<>();
            Sealed checked;
            try (BundleZipWriter w = new BundleZipWriter(part.part(), plan.bundleId(), plan.time())) {
                long[] done = {0, 0};
                writePayload(w, plan.payload(), done, p, c);
                if (plan.later() != null) {
                    writePayload(w, later(plan.later()), done, p, c);
                }
                c.throwIfCancelled();
                tokens = sealTags(w, plan, warnings);
                // the file is synced to the disk while it is re-read: the re-check reads the same bytes
                // either way, and the part file is renamed only after both (the rename, and the ledger's
                // EXPORT_SEALED after it, never name a file that is not durable)
                w.finishSyncing();
                LOG.info("bundle {}: {} bytes of payload written and signed in {} ms", plan.bundleId(),
                        plan.payload().stream().mapToLong(f -> f.file().toFile().length()).sum(),
                        (System.nanoTime() - start) / 1_000_000);
                c.throwIfCancelled();
                long written = System.nanoTime();
                checked = recheck(part.part(), w.bundleSha256(), tokens, w.readBack(), p);
                LOG.info("bundle {}: re-read check {} in {} ms", plan.bundleId(), checked.verification().verdict(),
                        (System.nanoTime() - written) / 1_000_000);
                long checkedAt = System.nanoTime();
                w.awaitSynced();
                LOG.info("bundle {}: synced {} ms after the re-read check", plan.bundleId(),
                        (System.nanoTime() - checkedAt) / 1_000_000);
            }
            part.commit();
            LOG.info("sealed bundle {} ({}), sha256 {}", plan.out(), plan.bundleId(), checked.sha256());
            return new Sealed(plan.out(), checked.sha256(), tokens, checked.verification(), warnings);
        } catch (IOException e) {
            throw new StorageException("writing the bundle " + plan.out() + " failed: " + cause(e), e);
        }
    }

    /** The sentence after "writing the bundle failed:", naming the real cause and what to do. */
    static String cause(IOException e) {
        String m = String.valueOf(e.getMessage());
        if (e instanceof BundleZipWriter.DuplicatePathException) {
            return m + "; nothing was written. Two files of the export map to the same path in the bundle, which"
                    + " Sakshi should have prevented: report this with the case's item list";
        }
        if (m.contains("No space left") || m.contains("Disk quota")) {
            return "the disk is full (" + m + "); nothing was written. Free some space and try again";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied for " + m + "; nothing was written. Check the folder's permissions and try again";
        }
        return e.getClass().getSimpleName() + ": " + m + "; nothing was written. Try again, and report it if it"
                + " happens again";
    }

    /** Streams payload files; {@code done} holds bytes written and bytes known so far (for progress). */
    private static void writePayload(BundleZipWriter w, List<PayloadFile> files, long[] done, ProgressListener p,
                                     CancelFlag c) throws IOException, SakshiException {
        for (PayloadFile f : files) {
            done[1] += java.nio.file.Files.size(f.file());
        }
        final long total = done[1];
        for (PayloadFile f : files) {
            long base = done[0];
            String what = f.what() == null ? f.bagPath() : f.what();
            w.putFile(f.bagPath(), f.file(), f.expectedSha256(), f.crc32(), what,
                    (d, t, x) -> p.progress(base + d, total, x), c);
            done[0] += java.nio.file.Files.size(f.file());
        }
    }

    private static List<PayloadFile> later(java.util.concurrent.Future<List<PayloadFile>> later)
            throws IOException, SakshiException {
        try {
            return later.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the rest of the payload", e);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SakshiException se) {
                throw se;
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException("preparing the rest of the payload failed: " + cause, cause);
        }
    }

    private List<TimestampToken> sealTags(BundleZipWriter w, Plan plan, List<String> warnings)
            throws IOException, SakshiException {
        Map<String, byte[]> extra = new LinkedHashMap<>();
        extra.put("VERIFY.txt", VerifyText.render(plan.bundleId(), plan.caseNumber(),
                org.sakshi.signing.Certificates.subject(plan.signer().chain().get(0)), plan.tsas().size()));
        extra.computeIfPresent("VERIFY.txt", (k, v) -> VerifyText.withProvenance(v,
                ProvenanceChecks.hopIds(plan.payload())));
        extra.put("certs/signer-chain.pem", Pem.toPemBytes(plan.signer().chain()));
        // certs/tsa-chain.pem must be listed in the tag manifest before the TSAs stamp it, so each TSA's
        // chain is learned first from a token over certs/signer-chain.pem (RFC 3161 §2.4.1 certReq)
        List<X509Certificate> tsaCerts = new ArrayList<>();
        for (TimestampSource tsa : plan.tsas()) {
            try {
                TimestampToken t = tsa.stamp(sha256(extra.get("certs/signer-chain.pem")));
                tsaCerts.addAll(t.tsaChain());
            } catch (TimestampException e) {
                LOG.warn("TSA {} did not answer: {}", tsa.name(), e.getMessage());
            }
        }
        if (!tsaCerts.isEmpty()) {
            extra.put("certs/tsa-chain.pem", Pem.toPemBytes(new ArrayList<>(new LinkedHashSet<>(tsaCerts))));
        }
        byte[] tagmanifest = w.writeTagFiles(plan.bagInfo(), extra);
        TimestampSource first = plan.tsas().isEmpty() ? null : plan.tsas().get(0);
        byte[] cms = plan.signer().signDetachedCades(new ByteArrayInputStream(tagmanifest), first);
        if (longTerm != null) {
            org.sakshi.signing.ltv.LtvAugmenter.Result lta = longTerm.augmentCades(cms, tagmanifest,
                    "the bundle signature");
            cms = lta.bytes();
            if (lta.warning() != null) {
                warnings.add(lta.warning());
            }
        }
        w.putBytes(BundleVerifier.P7S, cms);
        List<TimestampToken> tokens = new ArrayList<>();
        byte[] imprint = sha256(tagmanifest);
        for (TimestampSource tsa : plan.tsas()) {
            try {
                TimestampToken t = tsa.stamp(imprint);
                String name = tokens.isEmpty() ? "signature/tagmanifest-sha256.txt.tsr"
                        : "signature/tagmanifest-sha256.txt." + (tokens.size() + 1) + ".tsr";
                w.putBytes(name, t.response());
                tokens.add(t);
            } catch (TimestampException e) {
                LOG.warn("TSA {} gave no token for the bundle: {}", tsa.name(), e.getMessage());
            }
        }
        return tokens;
    }

    /**
     * Re-reads the flushed part file with the verifier: its central directory and entries, every
     * tag file, the signature and tokens, the custody chain, the PDFs, and the CRC-32 of every
     * payload entry (whose SHA-256 was checked as it was written). {@code sha} is the SHA-256 taken
     * while the file was written. Entries the writer already read back from the file ({@code readBack}:
     * evidence copied by the kernel, SHA-256 and CRC-32 checked on the bytes the file holds) are not
     * read a second time when the re-check finds them at the same place with the same size and SHA-256.
     */
    private Sealed recheck(Path part, String sha, List<TimestampToken> tokens,
                           Map<String, BundleZipWriter.ReadBack> readBack, ProgressListener p)
            throws SakshiException {
        VerificationReport report = verifier.forRecheck(readBack).verify(part, p);
        if (report.verdict() == Verdict.FAILED) {
            Check bad = report.checks().stream().filter(x -> x.result() == CheckResult.FAILED).findFirst().orElseThrow();
            throw new IntegrityException("the freshly written bundle failed its own check (" + bad.code() + " "
                    + bad.target() + ": " + bad.message() + "); nothing was kept. Report this fault.");
        }
        return new Sealed(part, sha, tokens, report, List.of());
    }

    static String fileSha256(Path file) throws IOException {
        MessageDigest md = BundleZipWriter.sha256();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20);
            while (ch.read(buf) > 0) {
                buf.flip();
                md.update(buf);
                buf.clear();
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    static byte[] sha256(byte[] b) {
        return BundleZipWriter.sha256().digest(b);
    }
}
