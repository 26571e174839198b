package org.sakshi.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.sakshi.core.Actor;
import org.sakshi.core.Check;
import org.sakshi.core.CheckCode;
import org.sakshi.core.CheckResult;
import org.sakshi.core.CustodyEvent;
import org.sakshi.core.EventType;
import org.sakshi.core.InputException;
import org.sakshi.core.IntegrityException;
import org.sakshi.core.Item;
import org.sakshi.core.Jurisdiction;
import org.sakshi.core.Signer;
import org.sakshi.core.TimestampStatus;
import org.sakshi.core.Verdict;
import org.sakshi.core.VerificationReport;
import org.sakshi.core.audit.AuditOptions;
import org.sakshi.core.audit.AuditReport;
import org.sakshi.core.ledger.EventDetails;
import org.sakshi.signing.Certificates;
import org.sakshi.signing.Pkcs12Identity;
import org.sakshi.testsupport.TestPki;
import org.sakshi.testsupport.Tools;

/**
 * The chain across agencies (issue 13): agency A (West Bengal Police, the shared export fixture)
 * exports; agency B (Nepal Police, its own case folder and officer) receives the bundle, examines and
 * derives, and exports to a prosecutor, whose verification shows both hops; plus the refusals and the
 * tampered hop.
 */
@ParameterizedClass(name = "{0} store")
@EnumSource(Fixture.Store.class)
class ReceiveServiceTest {
    @Parameter
    Fixture.Store store;
    private static ExportFixture a;
    private static Path bundleA;
    private static String bundleIdA;
    private static Signer officerB;
    private static Actor actorB;
    private static ReceiveService receiver;

    @BeforeParameterizedClassInvocation
    static void agencyAExports(Fixture.Store store) throws Exception {
        a = ExportFixture.shared(store);
        ExportResult exported = ExportFixture.sharedExport(store);
        bundleA = exported.bundle();
        bundleIdA = exported.bundleId();
        TestPki pki = a.tsa.pki();
        TestPki.Identity id = pki.issueOfficer(TestPki.OfficerSpec.valid("Sub-Inspector Ram Thapa"));
        Path p12 = pki.writeP12(a.dir.resolve("officer-b-" + System.nanoTime() + ".p12"), id, "pw-b".toCharArray());
        officerB = Pkcs12Identity.load(p12, "pw-b".toCharArray(), null);
        actorB = new Actor("Sub-Inspector Ram Thapa", "Sub-Inspector", "NP-5521", "Nepal Police CIB", null);
        receiver = new ReceiveService(a.access, a.imports, a.verifier);
    }

    private static Path caseB(Path dir) throws Exception {
        Path c = dir.resolve("case-b");
        a.cases.create(c, new NewCase("CIB 12/2083", "Cross-border trafficking, Birgunj", "Nepal Police CIB",
                Jurisdiction.NP, ZoneId.of("Asia/Kathmandu"), actorB), a.serverName());
        return c;
    }

    private static VerifyService.Trust trust() {
        return new VerifyService.Trust(List.of(a.tsa.pki().agencyCaPem()), List.of(a.tsa.pki().tsaRootPem()), null);
    }

    private static ReceiveService.Request request(Path bundle, VerifyService.Trust trust, String accept) {
        return new ReceiveService.Request(bundle, trust, "West Bengal Police / Insp. Asha Verma", "SI Ram Thapa",
                "courier, sealed envelope via Raxaul border post", List.of("WB-S-114", "WB-S-115"), accept,
                List.of(a.tsa.source()), actorB);
    }

    private static List<CustodyEvent> events(Path caseDir) throws Exception {
        return a.custody.events(caseDir);
    }

    @Test
    void agencyBReceivesExaminesAndExportsAndTheProsecutorSeesBothHopsWithAndWithoutSakshi(@TempDir Path dir)
            throws Exception {
        Path b = caseB(dir);
        ReceiveService.Result r = receiver.receive(b, request(bundleA, trust(), null), null, null);

        // BUNDLE_RECEIVED names the bundle, the sender's certificate and custody head, the verdict, the hand-over
        assertThat(r.report().verdict()).isEqualTo(Verdict.PASSED);
        Map<String, Object> d = r.event().details();
        assertThat(r.event().type()).isEqualTo(EventType.BUNDLE_RECEIVED.name());
        assertThat(d.get(EventDetails.BundleReceived.BUNDLE_ID)).isEqualTo(bundleIdA);
        assertThat(d.get(EventDetails.BundleReceived.SIGNER_CERT_SHA256))
                .isEqualTo(Certificates.sha256Hex(a.tsa.pki().officerCert()));
        // the sender's head: the last event before its EXPORT_SEALED (the bundle's log ends before that event)
        List<CustodyEvent> sender = events(a.caseDir);
        CustodyEvent sealed = sender.stream().filter(e -> e.type().equals("EXPORT_SEALED")
                && bundleIdA.equals(e.details().get("bundle_id"))).findFirst().orElseThrow();
        CustodyEvent head = sender.get((int) sealed.seq() - 2);
        assertThat(d.get(EventDetails.BundleReceived.SENDER_HEAD)).isEqualTo(head.hash());
        assertThat(((Number) d.get(EventDetails.BundleReceived.SENDER_COUNT)).longValue()).isEqualTo(head.seq());
        assertThat(d.get(EventDetails.BundleReceived.VERDICT)).isEqualTo("PASSED");
        assertThat(d.get(EventDetails.BundleReceived.CHECKS).toString()).contains("PASSED SIGNATURE signature/tagmanifest-sha256.txt.p7s");
        assertThat(d.get(EventDetails.BundleReceived.RECEIVED_BY)).isEqualTo("SI Ram Thapa");
        assertThat(d.get(EventDetails.BundleReceived.VIA)).isEqualTo("courier, sealed envelope via Raxaul border post");
        assertThat(d.get(EventDetails.BundleReceived.SEALS)).isEqualTo(List.of("WB-S-114", "WB-S-115"));
        assertThat(d.get(EventDetails.BundleReceived.ACCEPTED_REASON)).isNull();

        // every item comes in with a new id, its provenance and its ORIGINAL token (not a new one)
        List<Item> sent = a.evidence.items(a.caseDir);
        assertThat(r.items()).hasSize(sent.size());
        for (ReceiveService.ReceivedItem ri : r.items()) {
            Item original = sent.stream().filter(i -> i.id().equals(ri.senderId())).findFirst().orElseThrow();
            assertThat(ri.item().digests().sha256()).isEqualTo(original.digests().sha256());
            assertThat(ri.item().name()).isEqualTo(original.name());
            assertThat(ri.item().timestamp().status()).isEqualTo(TimestampStatus.GRANTED);
            assertThat(ri.item().timestamp().time()).isEqualTo(original.timestamp().time());
            assertThat(a.evidence.importToken(b, ri.item().id()).orElseThrow())
                    .isEqualTo(a.evidence.importToken(a.caseDir, original.id()).orElseThrow());
            CustodyEvent imported = events(b).stream().filter(e -> e.type().equals("ITEM_IMPORTED")
                    && ri.item().id().equals(e.itemId())).findFirst().orElseThrow();
            EventDetails.Received.Read rv = EventDetails.Received.read(imported.details());
            assertThat(rv.bundleId()).isEqualTo(bundleIdA);
            assertThat(rv.itemId()).isEqualTo(original.id());
            assertThat(rv.caseNumber()).isEqualTo("FIR 77/2026");
            assertThat(rv.sha256()).isEqualTo(original.digests().sha256());
            assertThat(rv.importedAt()).isEqualTo(original.importedAt());
        }
        assertThat(b.resolve("received").resolve(bundleIdA).resolve("data/custody/custody-log.jsonl")).isRegularFile();

        // custody verify on B covers both chains
        assertThat(a.custody.verify(b).intact()).isTrue();
        List<Check> hops = receiver.verifyReceived(b);
        assertThat(hops).noneMatch(c -> c.result() == CheckResult.FAILED);
        assertThat(hops).anyMatch(c -> c.code() == CheckCode.PROVENANCE && c.target().equals("received/" + bundleIdA + "/")
                && c.message().contains("in transit") && c.message().contains("SI Ram Thapa"));

        // the audit attributes the sender's acts to the sending agency
        AuditReport audit = AuditService.standard(a.cases, a.custody, a.evidence).audit(b, AuditOptions.DEFAULTS);
        String first = r.items().get(0).item().id();
        assertThat(audit.item(first).orElseThrow().timeline()).anyMatch(t -> t.type().equals("ITEM_IMPORTED")
                && t.custodian() != null && t.custodian().contains("West Bengal Police"));
        assertThat(audit.findings("BUNDLE_RECEIVED_HOP")).isNotEmpty();
        assertThat(audit.findings().stream().filter(f -> f.code().startsWith("RECEIVED"))).isEmpty();
        assertThat(audit.count(org.sakshi.core.audit.Severity.ERROR)).as(audit.findings().toString()).isZero();

        // B examines and derives, then exports to the prosecutor
        a.custody.note(b, actorB, "Examined the photo: faces of two minors visible", List.of(first));
        a.imports.derive(b, new DeriveRequest(first, "photo-redacted.jpg", new byte[] {1, 2, 3, 4}, "redaction",
                "faces of minors hidden", List.of(List.of(0, 0, 10, 10)), actorB, List.of(a.tsa.source())));
        Path bundleB = dir.resolve("to-prosecutor.zip");
        ExportResult exported = a.exports.export(b, new ExportRequest(bundleB, officerB, List.of(a.tsa.source()),
                List.of(), List.of(), actorB), null, null);

        // the prosecutor's sakshi verify: PASSED, with the hop from A
        VerificationReport v = a.verifier.verify(bundleB, trust(), null);
        assertThat(v.verdict()).as(v.checks().toString()).isEqualTo(Verdict.PASSED);
        assertThat(v.checks()).anyMatch(c -> c.code() == CheckCode.PROVENANCE && c.result() == CheckResult.PASSED
                && c.target().equals("data/provenance/" + bundleIdA + "/"));
        assertThat(v.signer().certSha256()).isEqualTo(Certificates.sha256Hex(officerB.chain().get(0)));

        // and without Sakshi: unzip, sha256sum -c both manifests, openssl cms -verify both hops' signatures
        Tools.require("unzip", "sha256sum", "openssl");
        Path out = Files.createDirectories(dir.resolve("unzipped"));
        assertThat(Tools.run(out, "unzip", "-q", bundleB.toString()).exit()).isZero();
        Path root = out.resolve(exported.bundleId());
        Path hop = root.resolve("data/provenance").resolve(bundleIdA);
        assertThat(Files.readString(root.resolve("VERIFY.txt"))).contains("data/provenance/" + bundleIdA + "/");
        Path ca = a.tsa.pki().agencyCaPem();
        for (Path bag : List.of(root, hop)) {
            Tools.Result tags = Tools.run(bag, "sha256sum", "-c", "tagmanifest-sha256.txt");
            assertThat(tags.exit()).as(tags.all()).isZero();
            Tools.Result payload = Tools.run(bag, "sha256sum", "-c", "--ignore-missing", "manifest-sha256.txt");
            assertThat(payload.exit()).as(payload.all()).isZero();
            Tools.Result cms = Tools.run(bag, "openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in",
                    "signature/tagmanifest-sha256.txt.p7s", "-content", "tagmanifest-sha256.txt", "-CAfile",
                    ca.toString(), "-purpose", "any", "-out", "/dev/null");
            assertThat(cms.all()).contains("Verification successful");
        }
        // the final bundle's manifest is complete (nothing missing), and A's hash of each item is B's evidence hash
        assertThat(Tools.run(root, "sha256sum", "--quiet", "-c", "manifest-sha256.txt").exit()).isZero();
        String hopManifest = Files.readString(hop.resolve("manifest-sha256.txt"), StandardCharsets.UTF_8);
        for (ReceiveService.ReceivedItem ri : r.items()) {
            assertThat(hopManifest).contains(ri.item().digests().sha256() + "  data/evidence/" + ri.senderId() + "/");
        }
    }

    @Test
    void aFolderItemWithRenamedFilesArrivesWithTheSenderSha256(@TempDir Path dir) throws Exception {
        Path caseA = dir.resolve("case-a2");
        Actor officer = new Actor("Inspector Asha Verma", "Inspector", "WB-1234", "West Bengal Police", null);
        a.cases.create(caseA, new NewCase("FIR 80/2026", "Phone dump", "West Bengal Police", Jurisdiction.IN,
                ZoneId.of("Asia/Kolkata"), officer), a.serverName());
        Path folder = Files.createDirectories(dir.resolve("dump").resolve("DCIM"));
        Files.writeString(folder.resolve("100%.txt"), "percent\n");
        Files.writeString(folder.resolve("100_.txt"), "underscore\n");
        Files.createDirectories(folder.resolve("sub"));
        Files.writeString(folder.resolve("sub").resolve("note.txt"), "nested\n");
        a.imports.importPaths(caseA, List.of(folder), new ImportRequest(null, null, null, null, null,
                List.of(a.tsa.source()), officer), null, null);
        Item sentItem = a.evidence.items(caseA).get(0);
        Path bundle = dir.resolve("dump.zip");
        a.exports.export(caseA, a.request(bundle, List.of()), null, null);

        Path b = caseB(dir);
        ReceiveService.Result r = receiver.receive(b, request(bundle, trust(), null), null, null);
        Item got = r.items().get(0).item();
        assertThat(got.folder()).isTrue();
        assertThat(got.digests().sha256()).isEqualTo(sentItem.digests().sha256());
        assertThat(a.evidence.entries(b, got.id())).extracting(org.sakshi.core.FolderEntry::path)
                .containsExactlyInAnyOrder("100%.txt", "100_.txt", "sub/note.txt");
    }

    @Test
    void aThirdAgencyReceivingTheSecondBundleCarriesBothEarlierHops(@TempDir Path dir) throws Exception {
        Path b = caseB(dir);
        receiver.receive(b, request(bundleA, trust(), null), null, null);
        Path bundleB = dir.resolve("b.zip");
        ExportResult fromB = a.exports.export(b, new ExportRequest(bundleB, officerB, List.of(a.tsa.source()),
                List.of(), List.of(), actorB), null, null);
        Path c = dir.resolve("case-c");
        Actor prosecutor = new Actor("AUSA J. Doe", null, null, "US Attorney's Office", null);
        a.cases.create(c, new NewCase("US v. X", "Trafficking", "US Attorney's Office", Jurisdiction.US,
                ZoneId.of("America/New_York"), prosecutor), a.serverName());
        receiver.receive(c, new ReceiveService.Request(bundleB, trust(), "Nepal Police CIB", null, "MLAT courier",
                List.of(), null, List.of(), prosecutor), null, null);
        assertThat(c.resolve("received").resolve(bundleIdA)).isDirectory();
        List<Check> hops = receiver.verifyReceived(c);
        assertThat(hops).filteredOn(h -> h.result() == CheckResult.PASSED).extracting(Check::target)
                .containsExactlyInAnyOrder("received/" + bundleIdA + "/", "received/" + fromB.bundleId() + "/");
        Path bundleC = dir.resolve("c.zip");
        a.exports.export(c, new ExportRequest(bundleC, a.tsa.pki().officerSigner(), List.of(a.tsa.source()),
                List.of(), List.of(), prosecutor), null, null);
        VerificationReport v = a.verifier.verify(bundleC, trust(), null);
        assertThat(v.verdict()).as(v.checks().toString()).isEqualTo(Verdict.PASSED);
        assertThat(v.checks()).filteredOn(ch -> ch.code() == CheckCode.PROVENANCE).extracting(Check::target)
                .containsExactlyInAnyOrder("data/provenance/" + bundleIdA + "/",
                        "data/provenance/" + fromB.bundleId() + "/");
    }

    @Test
    void aFailedBundleIsRefusedAndNothingIsRecorded(@TempDir Path dir) throws Exception {
        Path b = caseB(dir);
        long before = events(b).size();
        Path bad = dir.resolve("damaged.zip");
        Files.copy(bundleA, bad);
        try (RandomAccessFile f = new RandomAccessFile(bad.toFile(), "rw")) {
            long at = f.length() / 3; // inside the STORED photo
            f.seek(at);
            int x = f.read();
            f.seek(at);
            f.write(x ^ 0xff);
        }
        assertThatThrownBy(() -> receiver.receive(b, request(bad, trust(), "we need it anyway"), null, null))
                .isInstanceOf(IntegrityException.class)
                .hasMessageContaining("FAILED verification")
                .hasMessageContaining("nothing was recorded");
        assertThat(events(b)).hasSize((int) before);
        assertThat(a.evidence.items(b)).isEmpty();
        assertThat(b.resolve("received")).satisfiesAnyOf(p -> assertThat(p).doesNotExist(),
                p -> assertThat(p).isEmptyDirectory());
    }

    @Test
    void anIndeterminateBundleIsRefusedWithoutAReasonAndTakenWithOneThatIsRecorded(@TempDir Path dir)
            throws Exception {
        Path b = caseB(dir);
        long before = events(b).size();
        VerifyService.Trust none = new VerifyService.Trust(List.of(), null, null);
        assertThatThrownBy(() -> receiver.receive(b, request(bundleA, none, null), null, null))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("INDETERMINATE")
                .hasMessageContaining("--accept-indeterminate");
        assertThat(events(b)).hasSize((int) before);

        String reason = "sender's CA certificate to follow by diplomatic bag; hashes confirmed by phone";
        ReceiveService.Result r = receiver.receive(b, request(bundleA, none, reason), null, null);
        assertThat(r.report().verdict()).isEqualTo(Verdict.INDETERMINATE);
        assertThat(r.event().details().get(EventDetails.BundleReceived.ACCEPTED_REASON)).isEqualTo(reason);
        assertThat(r.event().details().get(EventDetails.BundleReceived.VERDICT)).isEqualTo("INDETERMINATE");
        assertThat((List<?>) r.event().details().get(EventDetails.BundleReceived.CHECKS))
                .anyMatch(c -> c.toString().startsWith("INDETERMINATE SIGNER_TRUST"));
    }

    @Test
    void theSameBundleIsReceivedOnlyOnce(@TempDir Path dir) throws Exception {
        Path b = caseB(dir);
        ReceiveService.Result first = receiver.receive(b, request(bundleA, trust(), null), null, null);
        long before = events(b).size();
        assertThatThrownBy(() -> receiver.receive(b, request(bundleA, trust(), null), null, null))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("already received")
                .hasMessageContaining("seq " + first.event().seq());
        assertThat(events(b)).hasSize((int) before);
        assertThat(a.evidence.items(b)).hasSize(first.items().size());
    }

    @Test
    void aTamperedHopInTheFinalBundleFailsVerificationNamingTheHop(@TempDir Path dir) throws Exception {
        Path b = caseB(dir);
        receiver.receive(b, request(bundleA, trust(), null), null, null);
        Path bundleB = dir.resolve("b.zip");
        a.exports.export(b, new ExportRequest(bundleB, officerB, List.of(a.tsa.source()), List.of(), List.of(),
                actorB), null, null);
        // a forger holding B's key drops A's last event from A's kept custody log, makes A's manifests agree
        // again (he cannot sign as A), and seals B's bundle again
        String hop = "data/provenance/" + bundleIdA + "/";
        String[] logSha = new String[1];
        String[] manifestSha = new String[1];
        Path changed = Reseal.rezip(bundleB, dir.resolve("changed.zip"), (path, bytes) -> {
            if (path.equals(hop + "data/custody/custody-log.jsonl")) {
                String s = new String(bytes, StandardCharsets.UTF_8);
                byte[] cut = s.substring(0, s.lastIndexOf('\n', s.length() - 2) + 1).getBytes(StandardCharsets.UTF_8);
                logSha[0] = sha256(cut);
                return cut;
            }
            return bytes;
        });
        changed = Reseal.rezip(changed, dir.resolve("changed2.zip"), (path, bytes) -> {
            if (path.equals(hop + "manifest-sha256.txt")) {
                byte[] m = replaceLine(bytes, "data/custody/custody-log.jsonl", logSha[0]);
                manifestSha[0] = sha256(m);
                return m;
            }
            return bytes;
        });
        changed = Reseal.rezip(changed, dir.resolve("changed3.zip"), (path, bytes) ->
                path.equals(hop + "tagmanifest-sha256.txt") ? replaceLine(bytes, "manifest-sha256.txt", manifestSha[0])
                        : bytes);
        Path forged = Reseal.reseal(changed, dir.resolve("forged.zip"), officerB, a.tsa, null);
        VerificationReport v = a.verifier.verify(forged, trust(), null);
        assertThat(v.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(v.checks()).anyMatch(c -> c.code() == CheckCode.PROVENANCE && c.result() == CheckResult.FAILED
                && c.target().equals("data/provenance/" + bundleIdA + "/") && c.message().startsWith("Hop " + bundleIdA));
        assertThat(v.checks()).anyMatch(c -> c.code() == CheckCode.PROVENANCE
                && c.message().contains("signature over tagmanifest-sha256.txt is not valid"));
        assertThat(v.checks()).filteredOn(c -> c.result() == CheckResult.FAILED)
                .allMatch(c -> c.code() == CheckCode.PROVENANCE);
    }

    @Test
    void aFinalBundleWhoseHopWasRemovedFailsVerification(@TempDir Path dir) throws Exception {
        Path b = caseB(dir);
        receiver.receive(b, request(bundleA, trust(), null), null, null);
        Path bundleB = dir.resolve("b.zip");
        a.exports.export(b, new ExportRequest(bundleB, officerB, List.of(a.tsa.source()), List.of(), List.of(),
                actorB), null, null);
        Path tmp = dir.resolve("stripped.zip");
        // drop every file of the hop (Sakshi's own sealer refuses to seal such a bundle again)
        try (var in = new java.util.zip.ZipFile(bundleB.toFile());
             var z = new java.util.zip.ZipOutputStream(Files.newOutputStream(tmp))) {
            for (var e : java.util.Collections.list(in.entries())) {
                if (e.getName().contains("/data/provenance/")) {
                    continue;
                }
                z.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                try (var is = in.getInputStream(e)) {
                    is.transferTo(z);
                }
                z.closeEntry();
            }
        }
        VerificationReport v = a.verifier.verify(tmp, trust(), null);
        assertThat(v.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(v.checks()).anyMatch(c -> c.code() == CheckCode.PROVENANCE && c.result() == CheckResult.FAILED
                && c.message().contains("the provenance of that hop was removed"));
    }

    @Test
    void aKeptHopChangedInTheReceivingCaseFailsCustodyVerifyAndRefusesTheExport(@TempDir Path dir) throws Exception {
        Path b = caseB(dir);
        receiver.receive(b, request(bundleA, trust(), null), null, null);
        Path kept = b.resolve("received").resolve(bundleIdA).resolve("data/case.json");
        kept.toFile().setWritable(true);
        Files.writeString(kept, Files.readString(kept).replace("FIR 77/2026", "FIR 78/2026"));
        List<Check> hops = receiver.verifyReceived(b);
        assertThat(ReceiveService.broken(hops)).isTrue();
        assertThat(hops).anyMatch(c -> c.result() == CheckResult.FAILED && c.message().contains("data/case.json was changed"));
        assertThatThrownBy(() -> a.exports.export(b, new ExportRequest(dir.resolve("b.zip"), officerB,
                List.of(a.tsa.source()), List.of(), List.of(), actorB), null, null))
                .hasMessageContaining("PROVENANCE");
        assertThat(dir.resolve("b.zip")).doesNotExist();
    }

    private static String sha256(byte[] b) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The manifest with the SHA-256 of {@code path} replaced. */
    private static byte[] replaceLine(byte[] manifest, String path, String sha) {
        StringBuilder out = new StringBuilder();
        for (String line : new String(manifest, StandardCharsets.UTF_8).split("\n")) {
            out.append(line.endsWith("  " + path) ? sha + "  " + path : line).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
