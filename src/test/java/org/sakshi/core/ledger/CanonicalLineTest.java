package org.sakshi.core.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sakshi.core.Actor;
import org.sakshi.core.CustodyEvent;
import org.sakshi.core.Workstation;

/**
 * Property: the byte-scanning fast path of the chain check ({@link CanonicalLine}) either declines a
 * line or gives exactly what the full path (Jackson tree and {@link Jcs}) gives for it: the same seq,
 * type, case, prev, stored hash and computed hash. Checked over generated canonical events and over
 * thousands of mutations of them (reordered and duplicated members, non-canonical escapes and
 * numbers, whitespace, BOM, truncation, lone surrogates, random edits), over the fuzz corpus, and over
 * whole ledgers with one damaged line, whose verdicts must match with and without the fast path.
 * Seeded, so a failure repeats.
 */
class CanonicalLineTest {
    private static final String[] ALPHABET = {
        "a", "Z", "0", "9", " ", "\"", "\\", "/", "\b", "\t", "\n", "\f", "\r", "\u0000", "\u001f", "\u007f",
        "\u0080", "\u00e9", "\u2028", "\u0995", "\u0915\u094d\u0937", "\uffff", "\ud83d\ude00", "?", "{", "}", "[",
        "]", ":", ",", "-", ".", "e", "\ufeff", "\u0130", "\u212a"};

    private static final String[] EDITS = {
        " ", "\t", "\n", "\r", "\ufeff", "\\", "\"", "\\u0041", "\\/", "\\u000A", "\\u000a", "\\u001F", "\\u001f",
        "\\ud800", "\ud800", "\udc00", "1.0", "1e2", "1E2", "-0", "0", "01", ".5", "-", "null", "true", "false",
        "{", "}", "[", "]", ",", ":", "\"x\":1,", "\"seq\":1,", "\"hash\":null,", "\u00e9", "\ud83d\ude00", "?",
        "12345678901234567890", "1.5e-7", "\u0000"};

    private final MessageDigest sha = sha();
    private final CanonicalLine fast = new CanonicalLine(sha());
    private final StringBuilder buf = new StringBuilder();

    private static MessageDigest sha() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Compares the two paths on one line, given as text and as its UTF-8 bytes; true when the fast path took it. */
    private boolean same(String line) {
        ChainVerifier.Parsed quick = fast.parse(line);
        ChainVerifier.Parsed full = ChainVerifier.parseTree(line, buf, sha);
        sameUtf8(line.getBytes(StandardCharsets.UTF_8));
        if (quick != null) {
            assertEquals(full, quick, () -> "fast and full path differ on: " + printable(line));
            return true;
        }
        return false;
    }

    /** The byte path against the full path on the decoded line; true when the fast path took it. */
    private boolean sameUtf8(byte[] utf8) {
        ChainVerifier.Parsed quick = fast.parseUtf8(utf8);
        String decoded = new String(utf8, StandardCharsets.UTF_8);
        ChainVerifier.Parsed full = ChainVerifier.parseTree(decoded, buf, sha);
        if (quick != null) {
            assertEquals(full, quick, () -> "fast byte path and full path differ on: " + printable(decoded));
            return true;
        }
        return false;
    }

    private static final byte[][] BAD_UTF8 = {
        {(byte) 0xc0, (byte) 0xaf}, {(byte) 0xe0, (byte) 0x80, (byte) 0xaf}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
        {(byte) 0xf5, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
        {(byte) 0x80}, {(byte) 0xbf}, {(byte) 0xc3}, {(byte) 0xe2, (byte) 0x82}, {(byte) 0xff}, {(byte) 0xfe},
        {(byte) 0xf0, (byte) 0x9f, (byte) 0x98}, {(byte) 0xc3, (byte) 0xa9}, {(byte) 0xf0, (byte) 0x9f, (byte) 0x98, (byte) 0x80}};

    private static byte[] mutateBytes(Random r, byte[] b) {
        int at = r.nextInt(b.length + 1);
        byte[] ins = BAD_UTF8[r.nextInt(BAD_UTF8.length)];
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(b, 0, at);
        out.writeBytes(ins);
        int skip = r.nextInt(3) == 0 ? Math.min(1, b.length - at) : 0;
        out.write(b, at + skip, b.length - at - skip);
        return out.toByteArray();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {31, 32, 33})
    void storedBytesWithMalformedUtf8AreDeclinedOrGiveTheFullPathsResult(long seed) {
        Random r = new Random(seed);
        int taken = 0;
        for (int i = 0; i < 4_000; i++) {
            String line = randomEventLine(r, 1, "0".repeat(64), true);
            if (line == null) {
                continue;
            }
            byte[] m = mutateBytes(r, line.getBytes(StandardCharsets.UTF_8));
            if (sameUtf8(m)) {
                taken++;
            }
        }
        assertTrue(taken > 100, "well-formed insertions inside strings are taken: " + taken);
        byte[] good = randomEventLine(new Random(3), 1, "0".repeat(64), true).getBytes(StandardCharsets.UTF_8);
        assertNotNull(fast.parseUtf8(good));
        int q = new String(good, StandardCharsets.ISO_8859_1).indexOf("\"type\":\"") + 8;
        for (byte[] bad : new byte[][] {{(byte) 0xed, (byte) 0xa0, (byte) 0x80}, {(byte) 0xc0, (byte) 0xaf}, {(byte) 0xff}}) {
            byte[] m = new byte[good.length + bad.length];
            System.arraycopy(good, 0, m, 0, q);
            System.arraycopy(bad, 0, m, q, bad.length);
            System.arraycopy(good, q, m, q + bad.length, good.length - q);
            assertNull(fast.parseUtf8(m), "malformed UTF-8 in a string is declined");
        }
    }

    @ParameterizedTest(name = "{0} threads")
    @ValueSource(ints = {1, 2, 3})
    void theLedgerReadAsStoredBytesGetsTheVerdictOfTheLineByLineCheck(int threads) {
        Random r = new Random(40 + threads);
        List<String> intact = new ArrayList<>();
        for (var e : ChainVerifierTest.chain(1_500)) {
            intact.add(EventCodec.toJsonLine(e));
        }
        for (int round = 0; round < 12; round++) {
            List<byte[]> ledger = new ArrayList<>();
            for (String l : intact) {
                ledger.add(l.getBytes(StandardCharsets.UTF_8));
            }
            if (round > 0) {
                int at = r.nextInt(ledger.size());
                ledger.set(at, round % 2 == 0 ? mutateBytes(r, ledger.get(at))
                        : mutate(r, intact.get(at)).getBytes(StandardCharsets.UTF_8));
            }
            LedgerVerifier one = new LedgerVerifier(null, null, null);
            ledger.forEach(b -> one.acceptLine(new String(b, StandardCharsets.UTF_8)));
            LedgerVerifier many = new LedgerVerifier(null, null, null);
            many.acceptAllUtf8(ledger::forEach, threads);
            assertEquals(one.result(), many.result());
        }
    }

    private static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            sb.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return sb.toString();
    }

    private static String randomText(Random r) {
        StringBuilder sb = new StringBuilder();
        int len = r.nextInt(12);
        for (int i = 0; i < len; i++) {
            sb.append(r.nextInt(3) == 0 ? ALPHABET[r.nextInt(ALPHABET.length)] : (char) ('a' + r.nextInt(26)));
        }
        return sb.toString();
    }

    private static Object randomValue(Random r, int depth, boolean numbersOnlyIntegers) {
        int k = r.nextInt(depth > 2 ? 6 : 8);
        return switch (k) {
            case 0 -> randomText(r);
            case 1 -> (long) (r.nextInt(2_000_001) - 1_000_000);
            case 2 -> r.nextBoolean();
            case 3 -> null;
            case 4 -> numbersOnlyIntegers ? (r.nextLong() >> r.nextInt(64)) % 1_000_000_000_000_000L
                    : r.nextDouble() * Math.pow(10, r.nextInt(40) - 20);
            case 5 -> numbersOnlyIntegers ? "plain" : new BigDecimal(r.nextInt(1000)).movePointLeft(r.nextInt(3));
            case 6 -> randomMap(r, depth + 1, numbersOnlyIntegers);
            default -> {
                List<Object> l = new ArrayList<>();
                int n = r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    l.add(randomValue(r, depth + 1, numbersOnlyIntegers));
                }
                yield l;
            }
        };
    }

    private static Map<String, Object> randomMap(Random r, int depth, boolean ints) {
        Map<String, Object> m = new LinkedHashMap<>();
        int n = r.nextInt(5);
        for (int i = 0; i < n; i++) {
            // Sakshi's own member names are ASCII; other names are declined by the fast path, still compared
            String key = !ints && r.nextInt(6) == 0 ? randomText(r) : "k" + (char) ('a' + r.nextInt(26)) + r.nextInt(30);
            m.put(key, randomValue(r, depth, ints));
        }
        return m;
    }

    /** A sealed event line as Sakshi stores it, or null when the generated content cannot be canonical. */
    private static String randomEventLine(Random r, long seq, String prev, boolean ints) {
        Map<String, Object> details = randomMap(r, 0, ints);
        String sig = r.nextInt(3) == 0 ? "MEUCIQ" + Long.toHexString(r.nextLong()) : null;
        try {
            CustodyEvent e = EventCodec.seal(new CustodyEvent(seq, new UUID(r.nextLong(), r.nextLong()),
                    new UUID(7, 9), Instant.ofEpochMilli(1_780_000_000_000L + r.nextInt(1_000_000)),
                    r.nextBoolean() || ints ? "NOTE" : "ITEM_" + randomText(r), new Actor(randomText(r), "SI", "B-12",
                    r.nextBoolean() ? null : randomText(r), null), new Workstation("ws1", randomText(r), "sakshi test"),
                    r.nextBoolean() ? null : "E0001", null, details, prev, null, sig));
            return EventCodec.toJsonLine(e);
        } catch (IllegalArgumentException notCanonicalisable) {
            return null; // e.g. a lone surrogate in the generated text: Sakshi cannot write it either
        }
    }

    private static String mutate(Random r, String line) {
        int n = line.length();
        int at = r.nextInt(n + 1);
        return switch (r.nextInt(9)) {
            case 0 -> line.substring(0, at) + EDITS[r.nextInt(EDITS.length)] + line.substring(at); // insert
            case 1 -> line.substring(0, at); // truncate
            case 2 -> { // replace a run of characters
                int end = Math.min(n, at + 1 + r.nextInt(4));
                yield line.substring(0, at) + EDITS[r.nextInt(EDITS.length)] + line.substring(end);
            }
            case 3 -> { // delete a character
                yield at < n ? line.substring(0, at) + line.substring(at + 1) : line;
            }
            case 4 -> "\ufeff" + line;
            case 5 -> line + (r.nextBoolean() ? " " : "x");
            case 6 -> reorder(r, line);
            case 7 -> { // swap a character for one from the alphabet
                yield at < n ? line.substring(0, at) + ALPHABET[r.nextInt(ALPHABET.length)] + line.substring(at + 1) : line;
            }
            default -> line.replace("\":" + (char) ('0' + r.nextInt(10)), "\":" + EDITS[r.nextInt(EDITS.length)]);
        };
    }

    /** Swaps two adjacent top-level members (by the positions of their names), or duplicates one. */
    private static String reorder(Random r, String line) {
        String[] names = {"\"actor\":", "\"at\":", "\"case_id\":", "\"details\":", "\"hash\":", "\"id\":", "\"item_id\":",
            "\"item_sha256\":", "\"prev\":", "\"seq\":", "\"sig\":", "\"type\":", "\"workstation\":"};
        int i = r.nextInt(names.length - 1);
        int a = line.indexOf(names[i]);
        int b = line.indexOf(names[i + 1]);
        if (a < 0 || b < 0 || b < a) {
            return line + "}";
        }
        int c = line.indexOf(",\"", b);
        String first = line.substring(a, b - 1);
        String second = c < 0 ? line.substring(b, line.length() - 1) : line.substring(b, c);
        String rest = c < 0 ? "}" : line.substring(c);
        if (r.nextBoolean()) {
            return line.substring(0, a) + second + "," + first + rest; // reordered
        }
        return line.substring(0, a) + first + "," + first + "," + second + rest; // duplicate member
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void everyLineSakshiWritesTakesTheFastPathWithTheFullPathsResult(long seed) {
        Random r = new Random(seed);
        int taken = 0;
        int lines = 0;
        for (int i = 0; i < 2_000; i++) {
            String line = randomEventLine(r, i + 1, "0".repeat(64), true);
            if (line == null) {
                continue;
            }
            lines++;
            if (same(line)) {
                taken++;
            }
        }
        assertTrue(lines > 1_000);
        assertEquals(lines, taken, "every canonical line with integer numbers is taken by the fast path");
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13, 14, 15, 16})
    void mutatedLinesAreEitherDeclinedOrGiveTheFullPathsResult(long seed) {
        Random r = new Random(seed);
        int taken = 0;
        int declined = 0;
        for (int i = 0; i < 6_000; i++) {
            String line = randomEventLine(r, 1 + r.nextInt(5), "0".repeat(64), r.nextInt(4) != 0);
            if (line == null) {
                continue;
            }
            String m = line;
            int edits = 1 + r.nextInt(3);
            for (int k = 0; k < edits; k++) {
                m = mutate(r, m);
            }
            if (same(m)) {
                taken++;
            } else {
                declined++;
            }
        }
        // both outcomes occur, so the comparison above ran on the fast path many times
        assertTrue(taken > 300, "taken " + taken);
        assertTrue(declined > 500, "declined " + declined);
    }

    @Test
    void linesThatAreNotCanonicalAreDeclined() {
        String good = randomEventLine(new Random(5), 1, "0".repeat(64), true);
        assertNotNull(fast.parse(good));
        List<String> bad = List.of(
                "\ufeff" + good, " " + good, good + " ", good + "\n", good.substring(0, good.length() - 1),
                good.replace("\"seq\":1", "\"seq\":1.0"), good.replace("\"seq\":1", "\"seq\":1e0"),
                good.replace("\"seq\":1", "\"seq\":01"), good.replace("\"seq\":1", "\"seq\":\"1\""),
                good.replace("\"seq\":1", "\"seq\" :1"), good.replace("{\"actor\":", "{\"seq\":1,\"actor\":"),
                good.replace("\"type\":\"", "\"type\":\"\\u0041"), good.replace("\"type\":\"", "\"type\":\"\\/"),
                good.replace("\"type\":\"", "\"type\":\"\\u000a"), good.replace("\"type\":\"", "\"type\":\"\\u001F"),
                good.replace("\"type\":\"", "\"type\":\"\ud800"), good.replace("\"type\":\"", "\"type\":\"\t"),
                "{\"n\":-0,\"seq\":1}", "{\"n\":100000000000000000000,\"seq\":1}", "{\"seq\":1,\"a\":1}",
                "{\"a\":1,\"a\":2,\"seq\":1}", "{}", "[1]", "", "{\"seq\":1}x", "{\"seq\":true}");
        for (String l : bad) {
            assertNull(fast.parse(l), () -> "taken: " + printable(l));
            same(l);
        }
    }

    @Test
    void valuesNestedUpToSixtyFourLevelsAreTakenAndDeeperOnesAreDeclinedWithTheFullPathsResult() {
        for (String open : List.of("{\"a\":", "[", "[{\"b\":[", "{\"c\":[")) {
            String close = new StringBuilder(open).reverse().toString().replaceAll("[^\\[{]", "")
                    .replace('{', '}').replace('[', ']');
            int levels = open.replaceAll("[^\\[{]", "").length();
            for (int k = 1; k * levels <= 70; k++) {
                String line = "{\"seq\":1,\"x\":" + open.repeat(k) + "1" + close.repeat(k) + "}";
                boolean deepest = 1 + k * levels <= 64; // the event object itself is the first level
                assertEquals(deepest, same(line), () -> "nesting of " + printable(line));
            }
        }
    }

    @Test
    void memberNamesAreOrderedPerObjectAcrossNestedObjectsAndArrays() {
        List<String> taken = List.of(
                "{\"a\":{\"m\":{\"z\":1},\"n\":[{\"b\":1},{\"a\":2},[],{}]},\"seq\":1}",
                "{\"a\":[[[\"x\"],{\"y\":{\"b\":null,\"c\":true}}],false],\"b\":{},\"seq\":2,\"z\":[]}");
        List<String> declined = List.of(
                "{\"a\":{\"n\":{\"z\":1},\"m\":1},\"seq\":1}",
                "{\"a\":{\"b\":1,\"c\":{\"d\":1},\"c\":2},\"seq\":1}",
                "{\"a\":{\"b\":[{\"c\":1}],\"b\":2},\"seq\":1}",
                "{\"a\":[1,{\"b\":2,\"a\":1}],\"seq\":1}",
                "{\"a\":[1,2,],\"seq\":1}", "{\"a\":{\"b\":1,},\"seq\":1}", "{\"a\":[1 ,2],\"seq\":1}",
                "{\"a\":{\"b\":1]},\"seq\":1}", "{\"a\":[{\"b\":1]],\"seq\":1}", "{\"a\":[{\"b\":1}",
                "{\"a\":{\"b\"1},\"seq\":1}", "{\"a\":{1:2},\"seq\":1}");
        for (String l : taken) {
            assertTrue(same(l), () -> "declined: " + printable(l));
        }
        for (String l : declined) {
            assertNull(fast.parse(l), () -> "taken: " + printable(l));
            same(l);
        }
    }

    @Test
    void theSeqIsReadAsTheFullPathReadsItFromZeroAndNegativeToFifteenDigits() {
        String good = randomEventLine(new Random(5), 1, "0".repeat(64), true);
        for (String seq : List.of("0", "-1", "-987654321012345", "7", "999999999999999", "100000000000000", "-0")) {
            String line = good.replace("\"seq\":1,", "\"seq\":" + seq + ",");
            boolean taken = same(line);
            assertEquals(!seq.equals("-0"), taken, line);
            if (taken) {
                assertEquals(Long.parseLong(seq), fast.parse(line).seq());
                assertEquals(Long.parseLong(seq), fast.parseUtf8(line.getBytes(StandardCharsets.UTF_8)).seq());
            }
        }
    }

    @Test
    void theFuzzCorpusGivesTheSameResultOnBothPaths() throws IOException, URISyntaxException {
        Path dir = Path.of(getClass().getResource("CustodyLogFuzzTestInputs/verify").toURI());
        int n = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
                for (String line : text.split("\n")) {
                    same(line);
                    n++;
                }
                ChainResult withFast = verify(text, true);
                assertEquals(verify(text, false), withFast);
            }
        }
        assertTrue(n > 0);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {21, 22, 23})
    void aLedgerWithOneDamagedLineGetsTheSameVerdictWithAndWithoutTheFastPath(long seed) {
        Random r = new Random(seed);
        for (int round = 0; round < 60; round++) {
            List<String> lines = new ArrayList<>();
            String prev = "0".repeat(64);
            for (int i = 1; lines.size() < 20; i++) {
                String l = randomEventLine(r, lines.size() + 1, prev, r.nextInt(3) != 0);
                if (l != null) {
                    lines.add(l);
                    prev = EventCodec.parseLine(l).hash();
                }
            }
            int at = r.nextInt(lines.size());
            lines.set(at, mutate(r, lines.get(at)));
            String text = String.join("\n", lines) + "\n";
            assertEquals(verify(text, false), verify(text, true));
        }
        String intact = String.join("\n", List.of(randomEventLine(new Random(9), 1, "0".repeat(64), true)));
        assertTrue(verify(intact, true).intact());
    }

    private static ChainResult verify(String jsonl, boolean fastPath) {
        ChainVerifier v = new ChainVerifier(fastPath);
        try {
            new java.io.BufferedReader(new StringReader(jsonl)).lines().filter(l -> !l.isBlank()).forEach(v::acceptLine);
        } catch (java.io.UncheckedIOException e) {
            throw new AssertionError(e);
        }
        return v.result();
    }
}
