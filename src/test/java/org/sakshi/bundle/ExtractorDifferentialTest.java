package org.sakshi.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.core.InputException;
import org.sakshi.core.Verdict;
import org.sakshi.core.VerificationReport;
import org.sakshi.testsupport.LocalTsa;
import org.sakshi.testsupport.Tools;

/**
 * Issue 17 §1: the verifier must see exactly what every extractor sees. For crafted attacks and a
 * few hundred random mutations of a genuine sealed bundle, either the verifier says FAILED (or
 * refuses the file as no bundle), or Info-ZIP unzip, Python's zipfile, java.util.zip.ZipInputStream,
 * bsdtar (libarchive) and 7-Zip all extract exactly the files, byte for byte, that the verifier
 * checked against the manifests. The verifier runs without trust anchors here, so that mutations of
 * the signature files still reach the extractors (a stricter test of the ZIP screen).
 */
class ExtractorDifferentialTest {
    private static final List<String> TOOLS = List.of("unzip", "python3", "bsdtar", "7z");
    private static final int MUTATIONS = 300;

    @TempDir
    static Path dir;
    static LocalTsa tsa;
    static SealedFixture.Built built;
    static byte[] genuine;
    private static final BundleVerifier VERIFIER = new BundleVerifier(null, null, null, null);

    @BeforeAll
    static void seal() throws Exception {
        tsa = LocalTsa.start(dir.resolve("pki"));
        SealedFixture.Custody custody = new SealedFixture.Custody("{\"seq\":1}\n".getBytes(StandardCharsets.UTF_8), 1,
                "c".repeat(64));
        built = SealedFixture.build(dir, tsa, tsa.pki().officerSigner(), custody, VERIFIER);
        genuine = Files.readAllBytes(built.bundle());
    }

    @AfterAll
    static void stop() {
        tsa.close();
    }

    private static void assumeTools() {
        Tools.require(TOOLS.toArray(String[]::new));
    }

    /** What the verifier saw: null when it said FAILED or refused the file, else its files (ZIP name -> SHA-256). */
    private static Map<String, String> verifierView(Path zip) throws IOException {
        VerificationReport r;
        try {
            r = VERIFIER.verify(zip, null);
        } catch (InputException e) {
            return null;
        }
        if (r.verdict() == Verdict.FAILED) {
            return null;
        }
        Map<String, String> view = new TreeMap<>();
        try (SafeZip z = SafeZip.open(zip, SafeZip.Limits.DEFAULT)) {
            for (String p : z.paths()) {
                view.put(z.root() + p, z.sha256(p));
            }
        } catch (InputException e) {
            throw new AssertionError("the verifier accepted a file SafeZip cannot open", e);
        }
        return view;
    }

    /** Files an extractor wrote (relative path -> SHA-256; anything but a regular file or folder is marked). */
    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.toList()) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                out.put(rel, Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
                        ? HexFormat.of().formatHex(PlainBag.sha256(Files.readAllBytes(p))) : "not a regular file");
            }
        }
        return out;
    }

    private static Map<String, String> zipInputStream(Path zip) {
        Map<String, String> out = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                byte[] b = in.readAllBytes();
                if (!e.isDirectory()) {
                    out.put(e.getName(), HexFormat.of().formatHex(PlainBag.sha256(b)));
                }
            }
        } catch (IOException | RuntimeException x) {
            out.put("(error)", x.toString());
        }
        return out;
    }

    /** Disagreements between the verifier's view and each extractor; empty when all agree. */
    private static List<String> disagreements(Path zip, Map<String, String> view, Path work) throws IOException {
        List<String> bad = new ArrayList<>();
        Map<String, String> zis = zipInputStream(zip);
        if (!zis.equals(view)) {
            bad.add("ZipInputStream extracted " + zis);
        }
        for (String tool : TOOLS) {
            Path out = Files.createDirectories(work.resolve(tool));
            List<String> cmd = switch (tool) {
                case "unzip" -> List.of("unzip", "-qq", "-o", zip.toString(), "-d", out.toString());
                case "python3" -> List.of("python3", "-c", "import sys, zipfile; zipfile.ZipFile(sys.argv[1])"
                        + ".extractall(sys.argv[2])", zip.toString(), out.toString());
                case "bsdtar" -> List.of("bsdtar", "-x", "-f", zip.toString(), "-C", out.toString());
                default -> List.of("7z", "x", "-y", "-bd", "-bso0", "-bsp0", "-o" + out, zip.toString());
            };
            Tools.Result r = Tools.run(work, cmd);
            Map<String, String> got = tree(out);
            if (r.exit() != 0 || !got.equals(view)) {
                bad.add(tool + " (exit " + r.exit() + ") extracted " + got + " " + r.all().strip());
            }
        }
        return bad;
    }

    private static void deleteTree(Path p) throws IOException {
        if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> s = Files.walk(p)) {
                for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(q);
                }
            }
        }
    }

    /** Whether the verifier refused the candidate, and why the property fails (null when it holds). */
    private record Outcome(boolean refused, String problem) {
    }

    private static Outcome check(String label, byte[] bytes) throws IOException {
        Path zip = dir.resolve("candidate.zip");
        Path work = dir.resolve("extract");
        Files.write(zip, bytes);
        deleteTree(work);
        Map<String, String> view = verifierView(zip);
        if (view == null) {
            return new Outcome(true, null);
        }
        List<String> bad = disagreements(zip, view, Files.createDirectories(work));
        return new Outcome(false, bad.isEmpty() ? null
                : label + ": the verifier did not fail it and saw " + view + " but " + bad);
    }

    @Test
    void theGenuineBundleIsNotFailedAndEveryExtractorWritesWhatTheVerifierChecked() throws Exception {
        assumeTools();
        Path zip = dir.resolve("genuine.zip");
        Files.write(zip, genuine);
        Map<String, String> view = verifierView(zip);
        assertTrue(view != null && view.size() >= 8, "the genuine bundle must not FAIL: " + view);
        assertEquals(List.of(), disagreements(zip, view, Files.createDirectories(dir.resolve("genuine"))));
    }

    @Test
    void theGenuineBundleReZippedByInfoZipIsNotFailedAndEveryExtractorAgrees() throws Exception {
        assumeTools();
        Tools.require("zip");
        Path unpacked = Files.createDirectories(dir.resolve("unpacked"));
        Path zip = dir.resolve("genuine.zip");
        Files.write(zip, genuine);
        assertEquals(0, Tools.run(unpacked, "unzip", "-qq", zip.toString()).exit());
        Path rezip = dir.resolve("rezipped.zip");
        Tools.Result z = Tools.run(unpacked, "zip", "-q", "-r", rezip.toString(), built.bundleId());
        assertEquals(0, z.exit(), z.all());
        Map<String, String> view = verifierView(rezip);
        assertTrue(view != null, "a re-zipped genuine bundle must not FAIL");
        assertEquals(List.of(), disagreements(rezip, view, Files.createDirectories(dir.resolve("rezipped"))));
    }

    @Test
    void everyCraftedAttackIsFailedByTheVerifier() throws Exception {
        List<String> bad = new ArrayList<>();
        for (ZipSurgery.Attack a : ZipSurgery.attacks(built.bundleId(), "data/evidence/E0001/IMG-20210728-WA0001.jpg",
                "data/evidence/E0002/WhatsApp Chat with Ravi.txt")) {
            ZipSurgery.Raw raw = ZipSurgery.Raw.read(built.bundle());
            a.apply().accept(raw);
            Path zip = dir.resolve("attack.zip");
            raw.write(zip);
            if (verifierView(zip) != null) {
                bad.add(a.name());
            }
        }
        assertEquals(List.of(), bad, "attacks the verifier did not fail");
    }

    @Test
    void randomMutationsOfAGenuineBundleAreFailedOrExtractedIdenticallyByEveryTool() throws Exception {
        assumeTools();
        Random rnd = new Random(0x5A4B5348L);
        List<Integer> structure = new ArrayList<>();
        for (int i = 0; i + 4 <= genuine.length; i++) {
            if (genuine[i] == 'P' && genuine[i + 1] == 'K' && genuine[i + 2] >= 1 && genuine[i + 2] <= 8) {
                structure.add(i);
            }
        }
        assertTrue(structure.size() > 20, "the bundle's ZIP records were not found");
        List<String> failures = new ArrayList<>();
        int passedOn = 0;
        for (int m = 0; m < MUTATIONS; m++) {
            byte[] b = mutate(genuine, rnd, structure);
            String label = "mutation " + m;
            Outcome o = check(label, b);
            if (o.problem() != null) {
                failures.add(o.problem());
                Files.write(Path.of(System.getProperty("java.io.tmpdir"), "sakshi-differential-" + m + ".zip"), b);
            }
            if (!o.refused()) {
                passedOn++;
            }
        }
        System.out.println("ExtractorDifferentialTest: " + passedOn + " of " + MUTATIONS
                + " mutations were not failed by the verifier and were extracted by every tool");
        assertEquals(List.of(), failures);
        assertTrue(passedOn > 0, "no mutation reached the extractors; the test would prove nothing");
    }

    /** One random change: bit flips, byte or field overwrites near ZIP records, truncation, insertion, deletion, splicing. */
    private static byte[] mutate(byte[] in, Random rnd, List<Integer> structure) {
        int pos = rnd.nextInt(3) > 0
                ? Math.min(in.length - 1, structure.get(rnd.nextInt(structure.size())) + rnd.nextInt(64))
                : rnd.nextInt(in.length);
        byte[] b;
        switch (rnd.nextInt(8)) {
            case 0 -> {
                b = in.clone();
                b[pos] ^= (byte) (1 << rnd.nextInt(8));
            }
            case 1 -> {
                b = in.clone();
                b[pos] = (byte) rnd.nextInt(256);
            }
            case 2 -> {
                b = in.clone();
                byte v = rnd.nextBoolean() ? 0 : (byte) 0xFF;
                for (int i = pos; i < Math.min(b.length, pos + 2 + 2 * rnd.nextInt(2)); i++) {
                    b[i] = v;
                }
            }
            case 3 -> b = java.util.Arrays.copyOf(in, Math.max(1, pos));
            case 4 -> {
                byte[] ins = new byte[1 + rnd.nextInt(16)];
                rnd.nextBytes(ins);
                b = new byte[in.length + ins.length];
                System.arraycopy(in, 0, b, 0, pos);
                System.arraycopy(ins, 0, b, pos, ins.length);
                System.arraycopy(in, pos, b, pos + ins.length, in.length - pos);
            }
            case 5 -> {
                int n = Math.min(in.length - pos, 1 + rnd.nextInt(32));
                b = new byte[in.length - n];
                System.arraycopy(in, 0, b, 0, pos);
                System.arraycopy(in, pos + n, b, pos, in.length - pos - n);
            }
            case 6 -> {
                b = in.clone();
                int from = structure.get(rnd.nextInt(structure.size()));
                int n = Math.min(Math.min(46, in.length - from), in.length - pos);
                System.arraycopy(in, from, b, pos, n);
            }
            default -> {
                b = in.clone();
                int v = rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(3) == 0 ? -1 : rnd.nextInt(1 << 20);
                for (int i = 0; i < 4 && pos + i < b.length; i++) {
                    b[pos + i] = (byte) (v >>> (8 * i));
                }
            }
        }
        assertNotEquals(0, b.length);
        return b;
    }
}
