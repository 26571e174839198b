package org.sakshi.service;

import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.sakshi.bundle.BundleRewriter;
import org.sakshi.bundle.BundleVerifier;
import org.sakshi.bundle.PartFile;
import org.sakshi.bundle.SafeZip;
import org.sakshi.core.InputException;
import org.sakshi.core.IntegrityException;
import org.sakshi.core.SakshiException;
import org.sakshi.core.SigningException;
import org.sakshi.core.StorageException;
import org.sakshi.core.TimestampSource;
import org.sakshi.core.Verdict;
import org.sakshi.core.VerificationReport;
import org.sakshi.signing.ltv.LtvAugmenter;
import org.sakshi.signing.ltv.LtvValidator;

/**
 * Long-term care of a sealed bundle, without its case and without the officer's key
 * ({@code sakshi extend}, {@code sakshi renew}; docs/bundle-format.md#long-term):
 * <ul>
 *   <li><b>extend</b>: a bundle sealed while the station was offline (CAdES-BASELINE-T) gets the
 *       certificate chains and revocation data of its signer and TSAs and an archive time-stamp
 *       (CAdES-BASELINE-LTA);</li>
 *   <li><b>renew</b>: an LTA bundle gets fresh validation data for its time-stamps and one more archive
 *       time-stamp, before the last archive time-stamp's TSA certificate (or its algorithm) expires.</li>
 * </ul>
 * Only the signature file {@code signature/tagmanifest-sha256.txt.p7s} changes; every other entry is
 * copied raw into a new bundle file, which is verified before it is given its name. The input must not
 * verify FAILED.
 */
public final class LongTermService {
    /** What was written: the new bundle, its SHA-256, the level reached and its verification. */
    public record Outcome(Path bundle, String sha256, String level, int archiveTimestamps,
                          VerificationReport verification) {
    }

    private final VerifyService verifier;

    public LongTermService(VerifyService verifier) {
        this.verifier = verifier;
    }

    /** Augments a B-T bundle signature to LTA. */
    public Outcome extend(Path bundle, Path out, List<TimestampSource> tsas, VerifyService.Trust trust)
            throws SakshiException {
        return run(bundle, out, tsas, trust, false);
    }

    /** Adds an archive time-stamp (and refreshed validation data) to an LTA bundle signature. */
    public Outcome renew(Path bundle, Path out, List<TimestampSource> tsas, VerifyService.Trust trust)
            throws SakshiException {
        return run(bundle, out, tsas, trust, true);
    }

    private Outcome run(Path bundle, Path out, List<TimestampSource> tsas, VerifyService.Trust trust, boolean renew)
            throws SakshiException {
        String verb = renew ? "renew" : "extend";
        if (tsas.isEmpty()) {
            throw new InputException("'sakshi " + verb + "' needs a time-stamp authority for the archive time-stamp:"
                    + " give one with --tsa URL.");
        }
        VerifyService.Trust t = trust == null ? VerifyService.Trust.both(List.of()) : trust;
        VerificationReport before = verifier.verify(bundle, t, null);
        if (before.verdict() == Verdict.FAILED) {
            throw new IntegrityException(bundle.getFileName() + " verifies FAILED (" + before.decidingCheck().code()
                    + ": " + before.decidingCheck().message() + "); a failed bundle is never " + verb
                    + "ed. Run 'sakshi verify' on it and report it.");
        }
        byte[] p7s;
        byte[] tags;
        try (SafeZip zip = SafeZip.open(bundle, SafeZip.Limits.DEFAULT)) {
            p7s = zip.read(BundleVerifier.P7S, 16 << 20);
            tags = zip.read("tagmanifest-sha256.txt", 16 << 20);
        } catch (IOException e) {
            throw new InputException("cannot read " + bundle + ": " + e.getMessage(), e);
        }
        List<X509Certificate> anchors = new ArrayList<>(VerifyService.read(t.signerRoots()));
        if (t.tsaRoots() != null) {
            anchors.addAll(VerifyService.read(t.tsaRoots()));
        }
        List<LtvValidator.Outcome> now = new LtvValidator(anchors).validateCades(p7s, tags, null);
        boolean archived = !now.isEmpty() && now.get(0).archived();
        if (!renew && archived) {
            throw new InputException(bundle.getFileName() + " is already sealed for the long term ("
                    + now.get(0).level() + "); to add a fresh archive time-stamp use 'sakshi renew'.");
        }
        if (renew && !archived) {
            throw new InputException(bundle.getFileName() + " has no archive time-stamp yet ("
                    + (now.isEmpty() ? "no readable signature" : now.get(0).level())
                    + "); run 'sakshi extend' first, while its certificates are valid.");
        }
        LtvAugmenter.Result r = new LtvAugmenter(anchors, tsas, ExportService.REVOCATION_TIMEOUT)
                .augmentCades(p7s, tags, "the bundle signature of " + bundle.getFileName());
        if (!r.longTerm()) {
            throw new SigningException(r.warning() + " Nothing was written.");
        }
        try (PartFile part = PartFile.forOutput(out)) {
            BundleRewriter.replace(bundle, part.part(), BundleVerifier.P7S, r.bytes());
            VerificationReport after = verifier.verify(part.part(), t, null);
            if (after.verdict() == Verdict.FAILED) {
                throw new IntegrityException("the " + verb + "ed bundle failed its own check ("
                        + after.decidingCheck().code() + ": " + after.decidingCheck().message()
                        + "); nothing was kept. Report this fault.");
            }
            List<LtvValidator.Outcome> lt = new LtvValidator(anchors).validateCades(r.bytes(), tags, null);
            String sha = org.sakshi.bundle.Hashes.sha256(part.part());
            part.commit();
            return new Outcome(out, sha, lt.isEmpty() ? null : lt.get(0).level(),
                    lt.isEmpty() ? 0 : lt.get(0).archiveTimes().size(), after);
        } catch (IOException e) {
            throw new StorageException("writing " + out + " failed: " + e.getMessage()
                    + "; nothing was written. Check the disk and try again.", e);
        }
    }
}
