package org.sakshi.bundle;

import org.sakshi.core.CheckCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.core.CheckResult;
import org.sakshi.core.IntegrityException;
import org.sakshi.core.Verdict;
import org.sakshi.testsupport.LocalTsa;
import org.sakshi.testsupport.Tools;

/** A sealed bundle checked with the independent tools of docs/bundle-format.md (openssl, sha256sum, pdfsig, qpdf). */
class BundleSealerTest {
    @TempDir
    static Path dir;
    static LocalTsa tsa;
    static SealedFixture.Built built;
    static Path bag;

    @BeforeAll
    static void seal() throws Exception {
        tsa = LocalTsa.start(dir.resolve("pki"));
        SealedFixture.Custody custody = new SealedFixture.Custody("{\"seq\":1}\n".getBytes(StandardCharsets.UTF_8), 1,
                "c".repeat(64));
        built = SealedFixture.build(dir, tsa, tsa.pki().officerSigner(), custody,
                new BundleVerifier(null, null, null, null));
        Tools.Result r = Tools.run(dir, List.of("unzip", "-q", built.bundle().toString(), "-d", "unzipped"));
        assertEquals(0, r.exit(), r.all());
        bag = dir.resolve("unzipped").resolve(built.bundleId());
    }

    @AfterAll
    static void stop() {
        tsa.close();
    }

    @Test
    void sha256sumChecksEveryPayloadAndTagFile() {
        Tools.Result r = Tools.run(bag, List.of("sha256sum", "-c", "manifest-sha256.txt"));
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("data/evidence/E0001/IMG-20210728-WA0001.jpg: OK"), r.out());
        Tools.Result t = Tools.run(bag, List.of("sha256sum", "-c", "tagmanifest-sha256.txt"));
        assertEquals(0, t.exit(), t.all());
    }

    @Test
    void opensslVerifiesTheCmsSignatureAgainstTheAgencyCa() {
        Tools.Result r = Tools.run(bag, List.of("openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in",
                "signature/tagmanifest-sha256.txt.p7s", "-content", "tagmanifest-sha256.txt", "-CAfile",
                tsa.pki().agencyCaPem().toString(), "-purpose", "any", "-out", "/dev/null"));
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.all().contains("Verification successful"), r.all());
    }

    @Test
    void opensslVerifiesTheBundleTimestampOverTheTagManifest() {
        Tools.Result r = Tools.run(bag, List.of("openssl", "ts", "-verify", "-data", "tagmanifest-sha256.txt", "-in",
                "signature/tagmanifest-sha256.txt.tsr", "-CAfile", tsa.pki().tsaRootPem().toString()));
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.all().contains("Verification: OK"), r.all());
    }

    @Test
    void opensslVerifiesEachItemTokenOverTheItemsSha256() {
        for (var item : built.items()) {
            Tools.Result r = Tools.run(bag, List.of("openssl", "ts", "-verify", "-digest", item.digests().sha256(),
                    "-in", "data/timestamps/" + item.id() + ".tsr", "-CAfile", tsa.pki().tsaRootPem().toString()));
            assertEquals(0, r.exit(), item.id() + " " + r.all());
        }
    }

    @Test
    void pdfsigAndQpdfAcceptTheSignedReport() {
        Tools.require("pdfsig", "qpdf");
        Path pdf = bag.resolve("data/report/report.pdf");
        Tools.Result r = Tools.run(bag, List.of("pdfsig", pdf.toString()));
        assertTrue(r.out().contains("Total document signed"), r.all());
        assertTrue(r.out().contains("Signature is Valid."), r.all());
        Tools.Result q = Tools.run(bag, List.of("qpdf", "--check", pdf.toString()));
        assertEquals(0, q.exit(), q.all());
    }

    @Test
    void certsHoldTheSignerAndTsaChains() throws Exception {
        String signer = Files.readString(bag.resolve("certs/signer-chain.pem"));
        assertEquals(2, signer.split("BEGIN CERTIFICATE").length - 1);
        assertTrue(Files.readString(bag.resolve("certs/tsa-chain.pem")).contains("BEGIN CERTIFICATE"));
        assertTrue(Files.readString(bag.resolve("VERIFY.txt")).contains("sha256sum -c manifest-sha256.txt"));
    }

    @Test
    void theExportReportsTheBundlesSha256AndItsOwnRecheck() throws Exception {
        assertEquals(Hashes.sha256(built.bundle()), built.sealed().sha256());
        assertNotEquals(Verdict.FAILED, built.sealed().verification().verdict());
        assertTrue(built.sealed().verification().checks().stream()
                .anyMatch(c -> c.code() == CheckCode.PAYLOAD_HASH && c.result() == CheckResult.PASSED));
        assertFalse(Files.exists(dir.resolve("bundle.zip.part")));
    }

    @Test
    void aVaultCopyThatNoLongerMatchesAbortsLeavingNoFile(@TempDir Path other) throws Exception {
        Path f = other.resolve("blob");
        Files.write(f, new byte[1000]);
        BundleSealer.Plan plan = new BundleSealer.Plan(other.resolve("b.zip"), "id-1", java.time.Instant.now(),
                List.of(new BundleSealer.PayloadFile("data/evidence/E0003/x.bin", f, "1".repeat(64), "E0003")),
                new BagInfo(), "n", tsa.pki().officerSigner(), List.of());
        IntegrityException e = assertThrows(IntegrityException.class,
                () -> new BundleSealer(new BundleVerifier(null, null, null, null)).seal(plan, null, null));
        assertTrue(e.getMessage().contains("E0003"), e.getMessage());
        assertFalse(Files.exists(other.resolve("b.zip")));
        assertFalse(Files.exists(other.resolve("b.zip.part")));
    }

    @Test
    void aKernelCopiedVaultCopyThatNoLongerMatchesAbortsLeavingNoFile(@TempDir Path other) throws Exception {
        Path f = other.resolve("blob");
        byte[] b = new byte[3_000_000];
        new java.util.Random(3).nextBytes(b);
        Files.write(f, b);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(b);
        String recorded = Hashes.sha256(f);
        b[2_999_999] ^= 1; // the vault copy changed since import; its recorded CRC-32 and SHA-256 no longer fit
        Files.write(f, b);
        BundleSealer.Plan plan = new BundleSealer.Plan(other.resolve("b.zip"), "id-1", java.time.Instant.now(),
                List.of(new BundleSealer.PayloadFile("data/evidence/E0003/x.bin", f, recorded, crc.getValue(), "E0003")),
                new BagInfo(), "n", tsa.pki().officerSigner(), List.of());
        IntegrityException e = assertThrows(IntegrityException.class,
                () -> new BundleSealer(new BundleVerifier(null, null, null, null)).seal(plan, null, null));
        assertTrue(e.getMessage().startsWith("E0003: the vault copy no longer matches its recorded SHA-256 ("
                + recorded + ", now "), e.getMessage());
        assertFalse(Files.exists(other.resolve("b.zip")));
        assertFalse(Files.exists(other.resolve("b.zip.part")));
    }

    @Test
    void aKernelCopyThatCannotBeWrittenWholeLeavesNoFile(@TempDir Path other) throws Exception {
        // `ulimit -f` makes the copy fail part-way (EFBIG) as a full disk would (ENOSPC)
        Tools.require("bash");
        Path f = other.resolve("blob");
        byte[] b = new byte[8 << 20];
        new java.util.Random(4).nextBytes(b);
        Files.write(f, b);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(b);
        Path out = other.resolve("b.zip");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Tools.Result r = Tools.run(other, "bash", "-c", "ulimit -f 4096; exec \"$0\" -cp \"$1\" "
                + SealUnderFileLimitMain.class.getName() + " \"$2\" \"$3\" $4 $5", java,
                System.getProperty("java.class.path"), out.toString(), f.toString(), Hashes.sha256(f),
                Long.toString(crc.getValue()));
        assertEquals(3, r.exit(), r.all());
        assertTrue(r.out().contains("writing the bundle " + out + " failed: ") && r.out().contains("nothing was written"),
                r.all());
        assertFalse(Files.exists(out));
        assertFalse(Files.exists(other.resolve("b.zip.part")));
    }

    @Test
    void twoPayloadFilesWithTheSamePathFailNamingThatCauseNotTheDisk(@TempDir Path other) throws Exception {
        Path f = other.resolve("blob");
        Files.write(f, new byte[10]);
        BundleSealer.Plan plan = new BundleSealer.Plan(other.resolve("b.zip"), "id-1", java.time.Instant.now(),
                List.of(new BundleSealer.PayloadFile("data/evidence/E0001/x_y.txt", f, null, "E0001"),
                        new BundleSealer.PayloadFile("data/evidence/E0001/x_y.txt", f, null, "E0001")),
                new BagInfo(), "n", tsa.pki().officerSigner(), List.of());
        org.sakshi.core.StorageException e = assertThrows(org.sakshi.core.StorageException.class,
                () -> new BundleSealer(new BundleVerifier(null, null, null, null)).seal(plan, null, null));
        assertTrue(e.getMessage().contains("the same bag path data/evidence/E0001/x_y.txt"), e.getMessage());
        assertFalse(e.getMessage().contains("free space"), e.getMessage());
        assertFalse(Files.exists(other.resolve("b.zip.part")));
    }
}
