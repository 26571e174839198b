package org.sakshi.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.sakshi.bundle.Hashes;
import org.sakshi.core.CustodyEvent;
import org.sakshi.core.InputException;
import org.sakshi.core.IntegrityException;
import org.sakshi.core.SakshiException;
import org.sakshi.core.SigningException;
import org.sakshi.core.Verdict;
import org.sakshi.core.VerificationReport;
import org.sakshi.signing.Pem;
import org.sakshi.testsupport.TestPki;
import org.sakshi.testsupport.Tools;

/**
 * An exported bundle travelling encrypted: {@code export} with recipients writes only
 * {@code B.zip.p7m}; {@code openssl cms -decrypt} and {@link EncryptionService#decrypt} open it for
 * an RSA, a P-256 and a P-384 recipient to the very bytes that were sealed, which verify PASSED; a
 * wrong key, a cut-off or altered file leaves nothing in plain form.
 */
@ParameterizedClass(name = "{0} store")
@EnumSource(Fixture.Store.class)
class EncryptedExportTest {
    @Parameter
    Fixture.Store store;
    static ExportFixture fx;
    static Path dir;
    static ExportResult result;
    static EncryptionService crypto;
    static final char[] PW = "recipient-pw-1".toCharArray();
    static final java.util.Map<String, TestPki.Identity> IDS = new java.util.LinkedHashMap<>();

    @BeforeParameterizedClassInvocation
    static void exportEncrypted(Fixture.Store store) throws Exception {
        fx = ExportFixture.shared(store);
        dir = Files.createDirectories(fx.dir.resolve("encrypted"));
        crypto = new EncryptionService(org.sakshi.core.Clock.SYSTEM);
        TestPki pki = fx.tsa.pki();
        for (String spec : List.of("RSA", "secp256r1", "secp384r1")) {
            TestPki.Identity id = pki.issueRecipient("Receiving officer " + spec, spec);
            IDS.put(spec, id);
            Pem.writeCertificates(dir.resolve(spec + "-cert.pem"), List.of(id.cert()));
            pki.writeP12(dir.resolve(spec + ".p12"), id, PW);
            Files.writeString(dir.resolve(spec + "-key.pem"), "-----BEGIN PRIVATE KEY-----\n"
                    + java.util.Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(id.key().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n", StandardCharsets.US_ASCII);
        }
        Files.writeString(dir.resolve("pw.txt"), new String(PW) + "\n");
        List<java.security.cert.X509Certificate> to = crypto.recipients(IDS.keySet().stream()
                .map(s -> dir.resolve(s + "-cert.pem")).toList());
        ExportRequest plain = fx.request(dir.resolve("B.zip"), List.of());
        result = fx.exports.export(fx.caseDir, new ExportRequest(plain.out(), plain.signer(), plain.tsas(),
                plain.items(), plain.certificates(), plain.actor(), to), null, null);
    }

    static SigningIdentity p12(String spec) {
        return SigningIdentity.pkcs12(dir.resolve(spec + ".p12"), null);
    }

    @Test
    void onlyTheEncryptedFileReachesTheDestinationAndNoStagingIsLeft() throws Exception {
        assertEquals(dir.resolve("B.zip.p7m"), result.bundle());
        assertTrue(Files.isRegularFile(result.bundle()));
        try (Stream<Path> s = Files.list(dir)) {
            List<String> names = s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("B.")).toList();
            assertEquals(List.of("B.zip.p7m"), names);
        }
        try (Stream<Path> s = Files.list(fx.caseDir.resolve("exports"))) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().startsWith(".staging-")), "staging left behind");
        }
        assertEquals(Hashes.sha256(result.bundle()), result.encrypted().sha256());
        assertEquals(Files.size(result.bundle()), result.encrypted().size());
    }

    @Test
    void exportSealedNamesTheZipInsideTheEncryptedFileAndItsRecipients() throws Exception {
        List<CustodyEvent> events = fx.custody.events(fx.caseDir);
        CustodyEvent sealed = events.stream().filter(e -> e.type().equals("EXPORT_SEALED")
                && result.bundleId().equals(e.details().get("bundle_id"))).findFirst().orElseThrow();
        assertEquals("B.zip", sealed.details().get("file"));
        assertEquals(result.sha256(), sealed.details().get("sha256"));
        assertEquals("B.zip.p7m", sealed.details().get("encrypted_file"));
        assertEquals(result.encrypted().sha256(), sealed.details().get("encrypted_sha256"));
        assertEquals(IDS.values().stream().map(i -> org.sakshi.signing.Certificates.sha256Hex(i.cert())).toList(),
                sealed.details().get("recipients"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"RSA", "secp256r1", "secp384r1"})
    void opensslOpensTheExportForEachRecipientAndTheBundleInsideVerifiesPassed(String spec) throws Exception {
        Tools.require("openssl");
        Path out = dir.resolve("openssl-" + spec + ".zip");
        Tools.Result r = Tools.run(dir, "openssl", "cms", "-decrypt", "-inform", "DER", "-in", result.bundle().toString(),
                "-recip", spec + "-cert.pem", "-inkey", spec + "-key.pem", "-out", out.toString());
        assertEquals(0, r.exit(), r.all());
        assertEquals(result.sha256(), Hashes.sha256(out));
        VerificationReport v = fx.verifier.verify(out, fx.trust(), null);
        assertEquals(Verdict.PASSED, v.verdict(), v.checks().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"RSA", "secp256r1", "secp384r1"})
    void sakshiDecryptsWithTheRecipientsPkcs12ToAnOwnerOnlyBundleThatVerifiesPassed(String spec) throws Exception {
        Path out = dir.resolve("sakshi-" + spec + ".zip");
        EncryptionService.Decrypted d = crypto.decrypt(result.bundle(), out, p12(spec), dir.resolve("pw.txt"), null,
                null);
        assertEquals(out, d.file());
        assertEquals(result.sha256(), d.sha256());
        assertEquals(result.sha256(), Hashes.sha256(out));
        assertEquals(result.encrypted().sha256(), d.encryptedSha256());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
        assertFalse(Files.exists(dir.resolve("sakshi-" + spec + ".zip.part")));
        VerificationReport v = fx.verifier.verify(out, fx.trust(), null);
        assertEquals(Verdict.PASSED, v.verdict(), v.checks().toString());
    }

    @Test
    void withoutAnOutputNameTheBundleGetsItsNameBack() throws Exception {
        Path copy = Files.createDirectories(dir.resolve("inbox")).resolve("B.zip.p7m");
        Files.copy(result.bundle(), copy);
        EncryptionService.Decrypted d = crypto.decrypt(copy, null, p12("secp384r1"), dir.resolve("pw.txt"), null, null);
        assertEquals(dir.resolve("inbox").resolve("B.zip"), d.file());
        assertEquals(result.sha256(), Hashes.sha256(d.file()));
    }

    @Test
    void aKeyThatIsNotARecipientWritesNothing() throws Exception {
        TestPki.Identity stranger = fx.tsa.pki().issueRecipient("Stranger", "RSA");
        Path p12 = fx.tsa.pki().writeP12(dir.resolve("stranger.p12"), stranger, PW);
        Path out = dir.resolve("stranger.zip");
        InputException e = assertThrows(InputException.class, () -> crypto.decrypt(result.bundle(), out,
                SigningIdentity.pkcs12(p12, null), dir.resolve("pw.txt"), null, null));
        assertTrue(e.getMessage().startsWith("B.zip.p7m is not encrypted to the key in " + p12), e.getMessage());
        assertNothingWritten(out);
    }

    @Test
    void aWrongPasswordIsNamedAndWritesNothing() throws Exception {
        Path bad = dir.resolve("bad-pw.txt");
        Files.writeString(bad, "nope\n");
        Path out = dir.resolve("badpw.zip");
        SigningException e = assertThrows(SigningException.class, () -> crypto.decrypt(result.bundle(), out,
                p12("RSA"), bad, null, null));
        assertTrue(e.getMessage().startsWith("wrong password for"), e.getMessage());
        assertNothingWritten(out);
    }

    @ParameterizedTest
    @ValueSource(strings = {"truncated", "flipped"})
    void aDamagedCopyIsRefusedWithItsCauseAndLeavesNoPlainBytes(String damage) throws Exception {
        byte[] p7m = Files.readAllBytes(result.bundle());
        Path copy = dir.resolve(damage + ".zip.p7m");
        if (damage.equals("truncated")) {
            Files.write(copy, java.util.Arrays.copyOf(p7m, p7m.length * 2 / 3));
        } else {
            p7m[p7m.length / 2] ^= 0x20;
            Files.write(copy, p7m);
        }
        Path out = dir.resolve(damage + ".zip");
        SakshiException e = assertThrows(IntegrityException.class, () -> crypto.decrypt(copy, out, p12("secp256r1"),
                dir.resolve("pw.txt"), null, null));
        assertTrue(e.getMessage().contains(damage.equals("truncated") ? "is incomplete or damaged"
                : "authentication tag does not match"), e.getMessage());
        assertTrue(e.getMessage().contains("nothing was kept"), e.getMessage());
        assertNothingWritten(out);
    }

    @Test
    void encryptingAnExistingBundleAloneGivesTheSameZipBack() throws Exception {
        ExportResult plain = ExportFixture.sharedExport(store);
        Path out = dir.resolve("standalone.zip.p7m");
        EncryptionService.Encrypted enc = crypto.encrypt(plain.bundle(), out,
                List.of(IDS.get("RSA").cert()), plain.sha256(), null, null);
        assertEquals(plain.sha256(), enc.plainSha256());
        Path back = dir.resolve("standalone.zip");
        crypto.decrypt(out, back, p12("RSA"), dir.resolve("pw.txt"), null, null);
        assertArrayEquals(Files.readAllBytes(plain.bundle()), Files.readAllBytes(back));
    }

    @Test
    void anExistingEncryptedOutputIsRefusedBeforeTheExportStarts() throws Exception {
        Path taken = dir.resolve("taken.zip.p7m");
        Files.writeString(taken, "x");
        long before = fx.custody.events(fx.caseDir).size();
        ExportRequest plain = fx.request(dir.resolve("taken.zip"), List.of());
        InputException e = assertThrows(InputException.class, () -> fx.exports.export(fx.caseDir,
                new ExportRequest(plain.out(), plain.signer(), plain.tsas(), plain.items(), plain.certificates(),
                        plain.actor(), List.of(IDS.get("RSA").cert())), null, null));
        assertTrue(e.getMessage().contains("taken.zip.p7m already exists"), e.getMessage());
        assertEquals(before, fx.custody.events(fx.caseDir).size());
        assertEquals("x", Files.readString(taken));
    }

    @Test
    void theVerifyTextStepsWorkWithTheRecipientsPkcs12AndOpensslAlone() throws Exception {
        Tools.require("openssl");
        // as VERIFY.txt says: the key out of the .p12, then openssl cms -decrypt
        Tools.Result k = Tools.run(dir, "openssl", "pkcs12", "-in", "secp256r1.p12", "-nocerts", "-nodes",
                "-out", "p12-key.pem", "-passin", "file:pw.txt");
        assertEquals(0, k.exit(), k.all());
        Tools.Result r = Tools.run(dir, "openssl", "cms", "-decrypt", "-inform", "DER", "-in", "B.zip.p7m",
                "-recip", "secp256r1-cert.pem", "-inkey", "p12-key.pem", "-out", "via-p12.zip");
        assertEquals(0, r.exit(), r.all());
        assertEquals("", r.all());
        assertEquals(result.sha256(), Hashes.sha256(dir.resolve("via-p12.zip")));
    }

    @Test
    void opensslRefusesAnAlteredCopyWithExitFourAsVerifyTextWarns() throws Exception {
        Tools.require("openssl");
        byte[] p7m = Files.readAllBytes(result.bundle());
        p7m[p7m.length / 3] ^= 0x01;
        Files.write(dir.resolve("altered-for-openssl.p7m"), p7m);
        Tools.Result r = Tools.run(dir, "openssl", "cms", "-decrypt", "-inform", "DER", "-in", "altered-for-openssl.p7m",
                "-recip", "RSA-cert.pem", "-inkey", "RSA-key.pem", "-out", "altered-by-openssl.zip");
        assertEquals(4, r.exit(), r.all());
        assertTrue(r.err().contains("Error decrypting CMS structure"), r.all());
        String verifyText = new String(org.sakshi.bundle.VerifyText.render("id", "FIR", "CN=x", 1), StandardCharsets.UTF_8);
        assertTrue(verifyText.contains("'Error decrypting CMS structure' (exit 4)"), verifyText);
        assertTrue(verifyText.contains("openssl cms -decrypt -inform DER -in BUNDLE.zip.p7m -recip my-cert.pem"),
                verifyText);
    }

    private static void assertNothingWritten(Path out) {
        assertFalse(Files.exists(out), out + " was written");
        assertFalse(Files.exists(out.resolveSibling(out.getFileName() + ".part")), out + ".part was left");
    }
}
