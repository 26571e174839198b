package org.sakshi.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sakshi.bundle.BoundedJson;
import org.sakshi.bundle.SafeZip;
import org.sakshi.core.Actor;
import org.sakshi.core.Check;
import org.sakshi.core.InputException;
import org.sakshi.core.IntegrityException;
import org.sakshi.core.OutputFiles;
import org.sakshi.core.SakshiException;
import org.sakshi.core.Signer;
import org.sakshi.core.TimestampSource;
import org.sakshi.core.Verdict;
import org.sakshi.core.VerificationReport;
import org.sakshi.report.PadesSigner;
import org.sakshi.report.ReportWriter;
import org.sakshi.report.TransmittalLetter;
import org.sakshi.signing.Certificates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mutual legal assistance transmittal letter of a sealed bundle ({@code sakshi transmittal}). The
 * bundle's SHA-256 is known only after sealing, so the letter cannot be inside the bundle: it is a
 * separate PAdES-signed PDF written beside it. The bundle is verified first (a FAILED bundle gets no
 * letter), its SHA-256 computed from the file, and the case and items read from its sealed case.json.
 */
public final class TransmittalService {
    private static final Logger LOG = LoggerFactory.getLogger(TransmittalService.class);
    private static final String CASE_JSON = "data/case.json";

    private final VerifyService verifier;
    private final ReportWriter reports;

    public TransmittalService(VerifyService verifier) {
        this(verifier, null);
    }

    /** @param templateOverrideDir a folder whose MLA-TRANSMITTAL.txt replaces the shipped one; null for none */
    public TransmittalService(VerifyService verifier, Path templateOverrideDir) {
        this.verifier = verifier;
        this.reports = new ReportWriter(templateOverrideDir);
    }

    /**
     * What the letter says and who signs it. {@code requesting}, {@code requested} and {@code basis}
     * are required; {@code zone} (null: the case's zone) is the zone of the letter's times, always
     * beside UTC; {@code values} fill other placeholders of the template; {@code trust} are the PEM
     * anchors the bundle is checked against before the letter is written.
     */
    public record Request(Path bundle, Path out, String requesting, String requested, String basis, String reference,
                          String courier, List<String> seals, ZoneId zone, Map<String, String> values,
                          VerifyService.Trust trust, Signer signer, TimestampSource tsa) {
        public Request {
            seals = seals == null ? List.of() : List.copyOf(seals);
            values = values == null ? Map.of() : Map.copyOf(values);
        }
    }

    /** The letter written, the bundle's SHA-256 it states, and the verdict of the check before it. */
    public record Result(Path letter, String bundleId, String bundleSha256, Verdict verdict) {
    }

    /**
     * Verifies the bundle, then writes and signs the letter to {@code request.out()} (never replacing a
     * file).
     *
     * @throws InputException a required field is missing, the output exists, or the file is not a bundle
     * @throws IntegrityException the bundle fails verification: no letter is written
     */
    public Result write(Request request) throws SakshiException {
        if (request.signer() == null) {
            throw new InputException("a transmittal letter is signed: give a signing identity (--keystore or --pkcs11).");
        }
        require(request.requesting(), "--requesting (the authority that asked for the evidence)");
        require(request.requested(), "--requested (the authority the evidence is sent to)");
        require(request.basis(), "--basis (the treaty, convention or letters rogatory the request is made under)");
        Path out = request.out().toAbsolutePath();
        OutputFiles.requireAbsent(out);
        Path bundle = request.bundle();
        if (!Files.isRegularFile(bundle)) {
            throw new InputException(bundle + " is not a file; give the sealed bundle .zip the letter goes with.");
        }
        if (!Files.isDirectory(out.getParent())) {
            throw new InputException("the folder of " + out + " does not exist; create it first.");
        }
        String sha256 = sha256(bundle);
        VerificationReport report = verifier.verify(bundle, request.trust(), null);
        if (report.verdict() == Verdict.FAILED) {
            Check c = report.decidingCheck();
            throw new IntegrityException(bundle + " fails verification (" + (c == null ? "FAILED"
                    : c.code() + ": " + c.message()) + "); no transmittal letter was written. Do not send this"
                    + " bundle: run 'sakshi verify " + bundle + "' and export a new one.");
        }
        TransmittalLetter letter = letter(request, bundle, sha256, report);
        Path dir = out.getParent();
        Path unsigned = null;
        Path signed = null;
        try {
            unsigned = Files.createTempFile(dir, ".transmittal-", ".pdf.part");
            try (OutputStream os = Files.newOutputStream(unsigned)) {
                reports.writeTransmittal(letter, os);
            }
            signed = Files.createTempFile(dir, ".transmittal-signed-", ".pdf.part");
            Files.delete(signed);
            new PadesSigner().sign(unsigned, signed, request.signer(), request.tsa());
            if (request.tsa() != null) {
                LongTermPdf.augment(signed, "the transmittal letter " + out.getFileName(), request.signer(),
                        List.of(request.tsa()));
            }
            OutputFiles.publish(signed, out);
        } catch (IOException e) {
            throw new InputException("the transmittal letter " + out + " could not be written (" + e.getMessage()
                    + "); check the folder is writable and has space.", e);
        } finally {
            deleteQuietly(unsigned);
            deleteQuietly(signed);
        }
        LOG.info("transmittal letter for bundle {} ({}) written to {}", letter.bundleId(), sha256, out);
        return new Result(out, letter.bundleId(), sha256, report.verdict());
    }

    private static TransmittalLetter letter(Request r, Path bundle, String sha256, VerificationReport report)
            throws SakshiException {
        JsonNode cj;
        try (SafeZip zip = SafeZip.open(bundle, SafeZip.Limits.DEFAULT)) {
            if (!zip.has(CASE_JSON)) {
                throw new InputException(bundle + " has no " + CASE_JSON + "; it is not a Sakshi bundle.");
            }
            try (InputStream in = zip.open(CASE_JSON)) {
                cj = BoundedJson.readCaseJson(in);
            }
        } catch (IOException e) {
            throw new InputException(bundle + ": " + CASE_JSON + " cannot be read (" + e.getMessage()
                    + "); the bundle is damaged.", e);
        }
        JsonNode c = cj.path("case");
        ZoneId zone = r.zone();
        if (zone == null) {
            try {
                zone = ZoneId.of(c.path("zone").asText("UTC"));
            } catch (java.time.DateTimeException e) {
                zone = ZoneId.of("UTC");
            }
        }
        List<TransmittalLetter.Entry> items = new ArrayList<>();
        for (JsonNode it : cj.path("items")) {
            items.add(new TransmittalLetter.Entry(text(it, "id"), text(it, "name"), it.path("size").asLong(),
                    text(it, "sha256"), text(it, "path")));
        }
        JsonNode by = cj.path("exported_by");
        Actor sealedBy = new Actor(by.path("name").asText(""), text(by, "rank"), text(by, "id"), text(by, "agency"), null);
        Instant sealedAt = null;
        try {
            sealedAt = cj.hasNonNull("exported_at") ? Instant.parse(cj.get("exported_at").asText()) : null;
        } catch (java.time.format.DateTimeParseException e) {
            LOG.warn("{}: exported_at '{}' is not a time", bundle, cj.get("exported_at").asText());
        }
        Check deciding = report.decidingCheck();
        String verification = report.verdict() + (deciding == null ? "" : " (" + deciding.code() + ": "
                + deciding.message() + ")");
        Actor base = r.signer().actor();
        Actor sender = new Actor(base.name(), base.rank(), base.id(), base.agency(),
                Certificates.sha256Hex(r.signer().chain().get(0)));
        String bundleId = cj.hasNonNull("bundle_id") ? cj.get("bundle_id").asText() : report.bundleId();
        long size;
        try {
            size = Files.size(bundle);
        } catch (IOException e) {
            throw new InputException("cannot read " + bundle + ": " + e.getMessage(), e);
        }
        return new TransmittalLetter(r.requesting().strip(), r.requested().strip(), r.basis().strip(), r.reference(),
                r.courier(), r.seals(), text(c, "number"), text(c, "title"), text(c, "agency"), bundleId,
                bundle.getFileName().toString(), size, sha256, sealedAt,
                sealedBy.name().isEmpty() ? "" : sealedBy.name()
                        + (sealedBy.agency() == null ? "" : ", " + sealedBy.agency()),
                verification, items, sender, Instant.now(), zone, ExportService.toolVersion(), r.values());
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static void require(String value, String what) throws InputException {
        if (value == null || value.isBlank()) {
            throw new InputException("a transmittal letter needs " + what + ".");
        }
    }

    private static String sha256(Path file) throws InputException {
        try {
            return org.sakshi.bundle.Hashes.sha256(file);
        } catch (IOException e) {
            throw new InputException("cannot read " + file + " (" + e.getMessage() + "); check the path.", e);
        }
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                LOG.warn("could not delete the temporary file {}: {}", p, e.getMessage());
            }
        }
    }
}
