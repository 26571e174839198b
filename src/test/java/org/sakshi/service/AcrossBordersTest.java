package org.sakshi.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.core.Actor;
import org.sakshi.core.CheckCode;
import org.sakshi.core.CheckResult;
import org.sakshi.core.Jurisdiction;
import org.sakshi.core.Signer;
import org.sakshi.core.Verdict;
import org.sakshi.core.VerificationReport;
import org.sakshi.signing.Pkcs12Identity;
import org.sakshi.testsupport.TestPki;
import org.sakshi.testsupport.Tools;

/**
 * Issue 13's story in one test: agency A (West Bengal) exports a bundle encrypted to agency B's officer;
 * B (Nepal) opens it with its own key, receives it into its case, adds an examination note and a derived
 * item, and exports to a prosecutor, whose {@code sakshi verify} is PASSED with A's hop; openssl opens the
 * envelope and confirms both hops' signatures, sha256sum both hops' manifests, without Sakshi.
 * <p>Folder store only: ReceiveServiceTest runs the same receive, examine, derive and export chain on both
 * stores; what this test adds (the envelope) is the bundle file's.
 */
class AcrossBordersTest {
    @Test
    void anEncryptedBundleCrossesTheBorderIsReceivedExaminedAndReExportedAndEveryStepChecksWithoutSakshi(
            @TempDir Path dir) throws Exception {
        Tools.require("openssl", "unzip", "sha256sum");
        ExportFixture a = new ExportFixture(Files.createDirectories(dir.resolve("agency-a")));
        TestPki pki = a.tsa.pki();
        TestPki.Identity idB = pki.issueOfficer(TestPki.OfficerSpec.valid("Sub-Inspector Ram Thapa"));
        Path p12B = pki.writeP12(dir.resolve("officer-b.p12"), idB, "pw-b".toCharArray());
        Path certB = dir.resolve("officer-b.pem");
        org.sakshi.signing.Pem.writeCertificates(certB, List.of(idB.cert()));
        Signer officerB = Pkcs12Identity.load(p12B, "pw-b".toCharArray(), null);
        Actor actorB = new Actor("Sub-Inspector Ram Thapa", "Sub-Inspector", "NP-5521", "Nepal Police CIB", null);

        // A: sealed and encrypted to B; only the .p7m leaves the case
        ExportResult sent = a.exports.export(a.caseDir, new ExportRequest(dir.resolve("to-nepal.zip"),
                pki.officerSigner(), List.of(a.tsa.source()), List.of(), List.of(), null, List.of(idB.cert())),
                null, null);
        assertThat(sent.bundle().getFileName().toString()).isEqualTo("to-nepal.zip.p7m");
        assertThat(dir.resolve("to-nepal.zip")).doesNotExist();

        // openssl opens the envelope with B's key: the same bytes as Sakshi's own decryption
        Tools.Result key = Tools.run(dir, "openssl", "pkcs12", "-in", p12B.toString(), "-nocerts", "-nodes",
                "-passin", "pass:pw-b", "-out", "b-key.pem");
        assertThat(key.exit()).as(key.all()).isZero();
        Tools.Result open = Tools.run(dir, "openssl", "cms", "-decrypt", "-inform", "DER", "-in",
                sent.bundle().toString(), "-recip", certB.toString(), "-inkey", "b-key.pem", "-out", "by-openssl.zip");
        assertThat(open.exit()).as(open.all()).isZero();
        EncryptionService.Decrypted plain = new EncryptionService(a.access.clock()).decrypt(sent.bundle(),
                dir.resolve("received.zip"), new SigningIdentity(SigningIdentity.Store.PKCS12, p12B, null, null),
                "pw-b".toCharArray(), null, null);
        assertThat(Files.mismatch(plain.file(), dir.resolve("by-openssl.zip"))).isEqualTo(-1L);
        assertThat(plain.sha256()).isEqualTo(sent.sha256());

        // B receives it into its own case, examines, derives, and exports to the prosecutor
        Path b = dir.resolve("case-b");
        a.cases.create(b, new NewCase("CIB 12/2083", "Cross-border trafficking, Birgunj", "Nepal Police CIB",
                Jurisdiction.NP, ZoneId.of("Asia/Kathmandu"), actorB));
        VerifyService.Trust trust = new VerifyService.Trust(List.of(pki.agencyCaPem()), List.of(pki.tsaRootPem()),
                null);
        ReceiveService receiver = new ReceiveService(a.access, a.imports, a.verifier);
        ReceiveService.Result got = receiver.receive(b, new ReceiveService.Request(plain.file(), trust,
                "West Bengal Police", "SI Ram Thapa", "encrypted e-mail (.p7m), opened with SI Thapa's key",
                List.of(), null, List.of(a.tsa.source()), actorB), null, null);
        assertThat(got.report().verdict()).isEqualTo(Verdict.PASSED);
        String first = got.items().get(0).item().id();
        a.custody.note(b, actorB, "Examined the photo", List.of(first));
        a.imports.derive(b, new DeriveRequest(first, "photo-redacted.jpg", new byte[] {1, 2, 3}, "redaction",
                "faces of minors hidden", List.of(List.of(0, 0, 10, 10)), actorB, List.of(a.tsa.source())));
        Path toCourt = dir.resolve("to-prosecutor.zip");
        ExportResult fin = a.exports.export(b, new ExportRequest(toCourt, officerB, List.of(a.tsa.source()),
                List.of(), List.of(), actorB), null, null);

        // the prosecutor: PASSED with A's hop
        VerificationReport v = a.verifier.verify(toCourt, trust, null);
        assertThat(v.verdict()).as(v.checks().toString()).isEqualTo(Verdict.PASSED);
        assertThat(v.checks()).anyMatch(c -> c.code() == CheckCode.PROVENANCE && c.result() == CheckResult.PASSED
                && c.target().equals("data/provenance/" + sent.bundleId() + "/"));

        // and without Sakshi: both bags' manifests and signatures
        Path out = Files.createDirectories(dir.resolve("unzipped"));
        assertThat(Tools.run(out, "unzip", "-q", toCourt.toString()).exit()).isZero();
        Path root = out.resolve(fin.bundleId());
        for (Path bag : List.of(root, root.resolve("data/provenance").resolve(sent.bundleId()))) {
            assertThat(Tools.run(bag, "sha256sum", "-c", "tagmanifest-sha256.txt").exit()).isZero();
            assertThat(Tools.run(bag, "sha256sum", "-c", "--ignore-missing", "manifest-sha256.txt").exit()).isZero();
            Tools.Result cms = Tools.run(bag, "openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in",
                    "signature/tagmanifest-sha256.txt.p7s", "-content", "tagmanifest-sha256.txt", "-CAfile",
                    pki.agencyCaPem().toString(), "-purpose", "any", "-out", "/dev/null");
            assertThat(cms.all()).contains("Verification successful");
        }
    }
}
