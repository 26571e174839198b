package org.sakshi.cli;

import org.sakshi.cli.CliRun.Run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.app.AppContext;
import org.sakshi.signing.Pem;
import org.sakshi.testsupport.LocalTsa;
import org.sakshi.testsupport.TestPki;

/**
 * {@code sakshi export --encrypt-to}, {@code sakshi decrypt} and {@code sakshi encrypt} through picocli:
 * what they print, exit codes, one {@code error:} line and nothing written when the key or file is wrong.
 */
class TransitCommandsTest {
    @TempDir
    static Path tmp;
    static AppContext ctx;
    static LocalTsa tsa;
    static Path p7m;
    static Path prosecutorP12;
    static Path pw;
    static Path prosecutorPem;
    static Path labPem;
    static Run export;

    static Run run(String... args) {
        return CliRun.run(ctx, args);
    }

    @BeforeAll
    static void exportEncrypted() throws Exception {
        ctx = CliRun.context(tmp);
        tsa = LocalTsa.start(tmp.resolve("pki"));
        TestPki pki = tsa.pki();
        TestPki.Identity prosecutor = pki.issueRecipient("Public Prosecutor", "RSA");
        TestPki.Identity lab = pki.issueRecipient("Forensic Lab", "secp256r1");
        prosecutorPem = tmp.resolve("prosecutor.pem");
        labPem = tmp.resolve("lab.pem");
        Pem.writeCertificates(prosecutorPem, prosecutor.chain()); // a chain file: the recipient comes first
        Pem.writeCertificates(labPem, List.of(lab.cert()));
        prosecutorP12 = pki.writeP12(tmp.resolve("prosecutor.p12"), prosecutor, "pp-secret".toCharArray());
        pw = Files.writeString(tmp.resolve("pw.txt"), "pp-secret\n");
        Path caseDir = tmp.resolve("case");
        CliRun.initCase(ctx, caseDir);
        Path f = Files.writeString(tmp.resolve("memo.txt"), "seizure memo\n");
        assertEquals(0, run("import", caseDir.toString(), f.toString(), "--tsa", tsa.url().toString()).code());
        export = run("export", caseDir.toString(), "--out", tmp.resolve("FIR12.zip").toString(), "--keystore",
                pki.officerP12().toString(), "--storepass-file", pki.officerPasswordFile().toString(),
                "--tsa", tsa.url().toString(), "--encrypt-to", prosecutorPem.toString(), "--encrypt-to",
                labPem.toString());
        p7m = tmp.resolve("FIR12.zip.p7m");
    }

    @AfterAll
    static void stop() {
        tsa.close();
    }

    @Test
    void exportWithRecipientsPrintsTheEncryptedFileAndWritesNoPlainBundle() {
        assertEquals(0, export.code(), export.err());
        assertTrue(export.out().startsWith("Exported " + p7m + " (encrypted; the plain bundle was not kept)"),
                export.out());
        assertTrue(export.out().contains("recipients Public Prosecutor (RSA 3072); Forensic Lab (EC P-256)"),
                export.out());
        assertTrue(Files.isRegularFile(p7m));
        assertFalse(Files.exists(tmp.resolve("FIR12.zip")));
    }

    @Test
    void decryptThenVerifyPassesForTheRecipient() {
        Path out = tmp.resolve("received").resolve("FIR12.zip");
        out.getParent().toFile().mkdirs();
        Run d = run("decrypt", p7m.toString(), "--keystore", prosecutorP12.toString(), "--storepass-file",
                pw.toString(), "-o", out.toString());
        assertEquals(0, d.code(), d.err());
        assertTrue(d.out().startsWith("Decrypted " + p7m + "\n  to       " + out), d.out());
        Run v = run("verify", out.toString(), "--trust", tsa.pki().agencyCaPem().toString(), "--tsa-trust",
                tsa.pki().tsaRootPem().toString());
        assertEquals(0, v.code(), v.out() + v.err());
        assertTrue(v.out().startsWith("PASSED"), v.out());
    }

    @Test
    void decryptWithAnotherOfficersKeyIsOneErrorLineExitTwoAndNothingWritten() {
        Path out = tmp.resolve("officer-try.zip");
        Run d = run("decrypt", p7m.toString(), "--keystore", tsa.pki().officerP12().toString(), "--storepass-file",
                tsa.pki().officerPasswordFile().toString(), "--out", out.toString());
        assertEquals(2, d.code(), d.err());
        assertEquals(1, d.errorLines().size(), d.err());
        assertTrue(d.errorLines().get(0).startsWith("error: FIR12.zip.p7m is not encrypted to the key in "),
                d.err());
        assertFalse(Files.exists(out));
        assertFalse(Files.exists(tmp.resolve("officer-try.zip.part")));
    }

    @Test
    void decryptOfAnAlteredFileNamesTheTagAndWritesNothing() throws Exception {
        byte[] b = Files.readAllBytes(p7m);
        b[b.length - 40] ^= 0x01; // near the end: the last ciphertext bytes
        Path bad = Files.write(tmp.resolve("altered.zip.p7m"), b);
        Run d = run("decrypt", bad.toString(), "--keystore", prosecutorP12.toString(), "--storepass-file",
                pw.toString());
        assertEquals(2, d.code(), d.err());
        assertTrue(d.errorLines().get(0).contains("authentication tag does not match"), d.err());
        assertFalse(Files.exists(tmp.resolve("altered.zip")));
        assertFalse(Files.exists(tmp.resolve("altered.zip.part")));
    }

    @Test
    void encryptAloneThenDecryptGivesTheSameBundleBack() throws Exception {
        Path zip = Files.write(tmp.resolve("any.zip"), "not really a zip, but bytes all the same".getBytes());
        Run e = run("encrypt", zip.toString(), "--to", labPem.toString(), "--to", prosecutorPem.toString());
        assertEquals(0, e.code(), e.err());
        assertTrue(e.out().startsWith("Encrypted " + zip + "\n  to         " + tmp.resolve("any.zip.p7m")), e.out());
        Path back = tmp.resolve("back.zip");
        Run d = run("decrypt", tmp.resolve("any.zip.p7m").toString(), "--keystore", prosecutorP12.toString(),
                "--storepass-file", pw.toString(), "--out", back.toString());
        assertEquals(0, d.code(), d.err());
        assertEquals(Files.readString(zip), Files.readString(back));
    }

    @Test
    void aRecipientFileWithoutACertificateIsRefusedBeforeAnythingIsDone() throws Exception {
        Path junk = Files.writeString(tmp.resolve("junk.pem"), "hello\n");
        Path zip = Files.write(tmp.resolve("other.zip"), new byte[] {1, 2, 3});
        Run e = run("encrypt", zip.toString(), "--to", junk.toString());
        assertEquals(2, e.code());
        assertTrue(e.errorLines().get(0).startsWith("error: certificate file " + junk), e.err());
        assertFalse(Files.exists(tmp.resolve("other.zip.p7m")));
    }
}
