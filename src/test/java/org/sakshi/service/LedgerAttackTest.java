package org.sakshi.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sakshi.core.Check;
import org.sakshi.core.CheckResult;
import org.sakshi.core.IntegrityException;
import org.sakshi.core.TimestampToken;
import org.sakshi.core.VerificationReport;
import org.sakshi.core.Verdict;
import org.sakshi.core.ledger.EventCodec;
import org.sakshi.core.ledger.EventDetails;
import org.sakshi.core.ledger.SignedHead;
import org.sakshi.signing.WorkstationKey;
import org.sakshi.storage.HeadFile;
import org.sakshi.storage.LedgerForger;
import org.sakshi.testsupport.LocalTsa;
import org.sakshi.testsupport.Tools;

/**
 * Issue 17 §2: a case folder edited without a key is caught. Each test builds the attack on a real
 * case folder (SQLite store, vault, signed-head file, anchors from a real TSA on loopback) the way
 * an attacker who can write every file would, and asserts custody verify's verdict and its cause.
 * <p>The attacks that work through SQL (events deleted with the triggers off, an event inserted behind
 * Sakshi's back) also run on a lab-server case, as its database owner. The others stay on folders: they
 * edit the signed-head file or rewrite the stored chain row by row with {@link LedgerForger} (case.db);
 * on a server the heads are rows the application may only add to, and a rewritten event is refused by
 * the next writer (storage/ServerCaseStoreTest).
 */
class LedgerAttackTest {
    @TempDir
    Path tmp;

    private ExportFixture fx;

    @AfterEach
    void stop() {
        if (fx != null) {
            fx.tsa.close();
        }
    }

    private ExportFixture fixture() throws Exception {
        return fixture(Fixture.Store.FOLDER);
    }

    private ExportFixture fixture(Fixture.Store store) throws Exception {
        fx = new ExportFixture(tmp, LocalTsa.start(Files.createDirectories(tmp.resolve("pki"))), store.server());
        return fx;
    }

    /**
     * Appends an event with a correct chain link the way someone who can write the store but holds no
     * ledger key would: into case.db (triggers do not stop an INSERT), or as a row inserted on the lab
     * server behind Sakshi's back. Returns its seq.
     */
    private static long appendBehindTheBack(ExportFixture f, String type, Map<String, Object> details) throws Exception {
        if (f.store() == Fixture.Store.FOLDER) {
            try (LedgerForger forger = new LedgerForger(f.caseDir)) {
                return forger.append(type, null, details);
            }
        }
        List<org.sakshi.core.CustodyEvent> all = f.custody.events(f.caseDir);
        org.sakshi.core.CustodyEvent last = all.get(all.size() - 1);
        org.sakshi.core.CustodyEvent e = EventCodec.seal(new org.sakshi.core.CustodyEvent(last.seq() + 1,
                java.util.UUID.randomUUID(), last.caseId(), last.at(), type, last.actor(), last.workstation(), null, null,
                details, last.hash(), null, null));
        Fixture.editBehindTheBack(f.caseDir, f.server, "INSERT INTO events(seq, id, type, at, item_id, hash, json)"
                + " VALUES (?,?,?,?,?,?,?)", e.seq(), e.id().toString(), e.type(), EventCodec.formatAt(e.at()), null,
                e.hash(), EventCodec.toJsonLine(e));
        return e.seq();
    }

    private static String hex(String alg, byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(alg).digest(b));
    }

    @Test
    void aGenuineCaseIsIntactWithEveryEventUnderASignedHeadAndItsAnchorChecked() throws Exception {
        ExportFixture f = fixture();
        LedgerStatus st = f.custody.verify(f.caseDir);
        assertTrue(st.intact(), st.message());
        assertTrue(st.signedHeads() >= 2, st.message());
        assertEquals(1, st.anchors(), st.message());
        List<String> heads = Files.readAllLines(HeadFile.of(f.caseDir));
        SignedHead last = SignedHead.parse(heads.get(heads.size() - 1));
        assertEquals(st.events(), last.seq());
        assertEquals(st.head(), last.head());
        assertEquals(f.access.ledgerKey().fingerprint(), last.key());
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(HeadFile.of(f.caseDir))));
    }

    @Test
    void aSwappedEvidenceFileWithRewrittenRowEventsChainAndFreshTimestampFailsOnTheSignatureAndExportIsRefused()
            throws Exception {
        ExportFixture f = fixture();
        byte[] forged = "a different photo".getBytes(StandardCharsets.UTF_8);
        String sha256 = hex("SHA-256", forged);
        TimestampToken fresh = f.tsa.source().stamp(HexFormat.of().parseHex(sha256));
        long importSeq;
        try (LedgerForger forger = new LedgerForger(f.caseDir)) {
            // the evidence file in the vault, its items row and its token
            Path blob = f.caseDir.resolve("vault").resolve(forger.value("SELECT blob FROM items WHERE id = 'E0001'"));
            blob.toFile().setWritable(true);
            Files.write(blob, forged);
            forger.exec("UPDATE items SET sha256 = ?, sha1 = ?, md5 = ?, size = ?, ts_time = ? WHERE id = 'E0001'",
                    sha256, hex("SHA-1", forged), hex("MD5", forged), forged.length, EventCodec.formatAt(fresh.genTime()));
            forger.exec("UPDATE item_tokens SET response = ?, gen_time = ?, serial = ? WHERE item_id = 'E0001'",
                    fresh.response(), EventCodec.formatAt(fresh.genTime()), fresh.serial());
            // ITEM_IMPORTED and every later event about E0001, the chain re-hashed, the anchor re-stamped
            importSeq = ((Number) forger.first("ITEM_IMPORTED", "E0001").get("seq")).longValue();
            forger.rewriteFrom(importSeq, e -> {
                if ("E0001".equals(e.get("item_id"))) {
                    e.put("item_sha256", sha256);
                    @SuppressWarnings("unchecked") Map<String, Object> d = (Map<String, Object>) e.get("details");
                    if ("ITEM_IMPORTED".equals(e.get("type"))) {
                        d.put("sha256", sha256);
                        d.put("sha1", hex0("SHA-1", forged));
                        d.put("md5", hex0("MD5", forged));
                        d.put("size", forged.length);
                    }
                    if ("ITEM_TIMESTAMPED".equals(e.get("type"))) {
                        d.put(EventDetails.ItemTimestamped.GEN_TIME, EventCodec.formatAt(fresh.genTime()));
                        d.put(EventDetails.ItemTimestamped.SERIAL, fresh.serial());
                    }
                }
                return e;
            }, f.tsa.source());
            // no key: the heads are pointed at the new hashes, the old signatures kept
            forger.repointHeads();
        }
        LedgerStatus st = f.custody.verify(f.caseDir);
        assertFalse(st.intact());
        assertEquals("SIGNATURE_INVALID", st.fault(), st.message());
        assertTrue(st.firstBadSeq() <= importSeq, st.message());
        assertTrue(st.message().contains("does not verify"), st.message());

        IntegrityException refused = assertThrows(IntegrityException.class, () -> f.exports.export(f.caseDir,
                f.request(tmp.resolve("forged.zip"), List.of()), null, null));
        assertTrue(refused.getMessage().contains("seq " + st.firstBadSeq()), refused.getMessage());
        assertTrue(refused.getMessage().contains("no bundle was sealed"), refused.getMessage());
        assertFalse(Files.exists(tmp.resolve("forged.zip")));
    }

    private static String hex0(String alg, byte[] b) {
        try {
            return hex(alg, b);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aLedgerRewrittenFromItsFirstEventAndSignedWithTheForgersOwnKeyFailsAsAnUntrustedKey() throws Exception {
        ExportFixture f = fixture();
        WorkstationKey own = WorkstationKey.loadOrCreate(tmp.resolve("forger-profile"), "forger");
        try (LedgerForger forger = new LedgerForger(f.caseDir)) {
            forger.rewriteFrom(1, e -> {
                if ("CASE_CREATED".equals(e.get("type"))) {
                    @SuppressWarnings("unchecked") Map<String, Object> d = (Map<String, Object>) e.get("details");
                    d.put(EventDetails.CaseCreated.KEY, EventDetails.KeyEnrolled.of(own, "workstation", List.of()));
                }
                return e;
            }, f.tsa.source());
            forger.resignHeads(own);
        }
        LedgerStatus st = f.custody.verify(f.caseDir);
        assertFalse(st.intact());
        assertEquals("KEY_NOT_TRUSTED", st.fault(), st.message());
        assertEquals(1L, st.firstBadSeq());
        assertTrue(st.message().contains(own.fingerprint()), st.message());
        // a colleague's key, once trusted explicitly, is accepted
        assertTrue(f.custody.verify(f.caseDir, java.util.Set.of(own.fingerprint())).intact());
    }

    @ParameterizedTest
    @EnumSource(Fixture.Store.class)
    void droppingTheTriggersAndDeletingTheLastEventsFailsOnTheSignedHeadsAndTheCaseRefusesWrites(Fixture.Store store)
            throws Exception {
        ExportFixture f = fixture(store);
        f.custody.note(f.caseDir, null, "seal checked", List.of());
        long last = f.custody.verify(f.caseDir).events();
        if (store == Fixture.Store.SERVER) { // the server's owner switches the triggers off and deletes
            Fixture.editBehindTheBack(f.caseDir, f.server, "DELETE FROM events WHERE seq >= ?", last - 1);
        } else {
            deleteWithSqlite(f, last);
        }
        LedgerStatus st = f.custody.verify(f.caseDir);
        assertFalse(st.intact());
        assertEquals("HEADS_AHEAD", st.fault(), st.message());
        assertEquals(last - 1, st.firstBadSeq());
        assertTrue(st.message().contains("ends at seq " + (last - 2)), st.message());
        // mismatch is a failure, never a silent repair: the next operation is refused
        IntegrityException ex = assertThrows(IntegrityException.class,
                () -> f.custody.note(f.caseDir, null, "cover it up", List.of()));
        assertTrue(ex.getMessage().contains("nothing was written"), ex.getMessage());
        assertEquals(last - 2, f.custody.verify(f.caseDir).events());
    }

    private static void deleteWithSqlite(ExportFixture f, long last) throws Exception {
        Path db = f.caseDir.resolve("case.db");
        String sql = "DROP TRIGGER events_no_delete; DELETE FROM events WHERE seq >= " + (last - 1) + ";";
        if (Tools.onPath("sqlite3")) {
            Process p = new ProcessBuilder("sqlite3", db.toString(), sql).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), out);
        } else {
            try (LedgerForger forger = new LedgerForger(f.caseDir)) {
                forger.deleteFrom(last - 1);
            }
        }
    }

    @Test
    void rewritingTheTailBeforeTheLastAnchorFailsNamingTheAnchorEvenWithTheWorkstationKey() throws Exception {
        ExportFixture f = fixture();
        f.custody.note(f.caseDir, null, "after the anchor", List.of());
        long anchorSeq;
        try (LedgerForger forger = new LedgerForger(f.caseDir)) {
            anchorSeq = ((Number) forger.first("LEDGER_ANCHORED", null).get("seq")).longValue();
            long target = ((Number) forger.first("ITEM_IMPORTED", "E0002").get("seq")).longValue();
            forger.rewriteFrom(target, e -> {
                if (((Number) e.get("seq")).longValue() == target) {
                    @SuppressWarnings("unchecked") Map<String, Object> d = (Map<String, Object>) e.get("details");
                    d.put("note", "rewritten");
                }
                return e;
            }, null);
            forger.resignHeads(f.access.ledgerKey()); // the attacker holds the workstation key
        }
        LedgerStatus st = f.custody.verify(f.caseDir);
        assertFalse(st.intact());
        assertEquals("ANCHOR_MISMATCH", st.fault(), st.message());
        assertEquals(anchorSeq, st.firstBadSeq());
        assertTrue(st.message().contains("the anchor at seq " + anchorSeq), st.message());
    }

    @Test
    void aFreshAnchorObtainedLaterForARewrittenLedgerPassesTheSignaturesButTheAuditProvesTheDatesFalse()
            throws Exception {
        // the key holder rewrites before the anchor and re-anchors two days later: custody verify cannot
        // tell (every signature and token is genuine), but the anchor's genTime contradicts the event times
        ExportFixture f = fixture();
        Clock later = Clock.fixed(Instant.now().plus(Duration.ofDays(2)), ZoneOffset.UTC);
        try (LocalTsa tomorrow = LocalTsa.start(f.tsa.pki(), later); LedgerForger forger = new LedgerForger(f.caseDir)) {
            long target = ((Number) forger.first("ITEM_IMPORTED", "E0002").get("seq")).longValue();
            forger.rewriteFrom(target, e -> {
                if (((Number) e.get("seq")).longValue() == target) {
                    @SuppressWarnings("unchecked") Map<String, Object> d = (Map<String, Object>) e.get("details");
                    d.put("note", "rewritten");
                }
                return e;
            }, tomorrow.source());
            forger.resignHeads(f.access.ledgerKey());
        }
        assertTrue(f.custody.verify(f.caseDir).intact());
        f.custody.note(f.caseDir, null, "the day after", List.of());
        AuditService audit = AuditService.standard(f.cases, f.custody, f.evidence);
        org.sakshi.core.audit.AuditReport r = audit.auditCase(f.caseDir, org.sakshi.core.audit.AuditOptions.DEFAULTS);
        assertTrue(r.hasErrors(), r.findings().toString());
        assertFalse(r.findings("EVENT_BEFORE_TOKEN").isEmpty(), r.findings().toString());
        assertFalse(r.findings("CLOCK_DRIFT").isEmpty(), r.findings().toString());
    }

    @Test
    void anEditedSignedHeadFileFailsAndATruncatedOneLeavesEventsUncovered() throws Exception {
        ExportFixture f = fixture();
        // checked intact first, so this process has found these very signatures valid (LedgerVerifier
        // remembers valid ones): an edit must still be caught
        assertTrue(f.custody.verify(f.caseDir).intact());
        Path heads = HeadFile.of(f.caseDir);
        List<String> lines = Files.readAllLines(heads);
        List<String> edited = new ArrayList<>(lines);
        SignedHead h = SignedHead.parse(lines.get(0));
        edited.set(0, new SignedHead(h.caseId(), h.seq(), h.head(), "2020-01-01T00:00:00.000Z", h.key(), h.alg(),
                h.sig()).toLine());
        Files.write(heads, edited);
        LedgerStatus st = f.custody.verify(f.caseDir);
        assertEquals("SIGNATURE_INVALID", st.fault(), st.message());
        assertEquals(1L, st.firstBadSeq());
        // the same signed text with another head's (valid, already checked) signature
        edited.set(0, new SignedHead(h.caseId(), h.seq(), h.head(), h.at(), h.key(), h.alg(),
                SignedHead.parse(lines.get(1)).sig()).toLine());
        Files.write(heads, edited);
        st = f.custody.verify(f.caseDir);
        assertEquals("SIGNATURE_INVALID", st.fault(), st.message());
        assertEquals(1L, st.firstBadSeq());

        Files.write(heads, lines.subList(0, lines.size() - 1));
        st = f.custody.verify(f.caseDir);
        assertEquals("NOT_COVERED", st.fault(), st.message());
        assertEquals(SignedHead.parse(lines.get(lines.size() - 2)).seq() + 1, st.firstBadSeq());

        Files.delete(heads);
        st = f.custody.verify(f.caseDir);
        assertEquals("HEADS_MALFORMED", st.fault(), st.message());
    }

    @ParameterizedTest
    @EnumSource(Fixture.Store.class)
    void anEventAppendedWithoutTheKeyAndAdoptedByTheNextHonestActIsAnAuditError(Fixture.Store store) throws Exception {
        ExportFixture f = fixture(store);
        // the attacker appends a forged hand-over with a correct chain link, but cannot sign a head for it
        long forged = appendBehindTheBack(f, "TRANSFERRED", Map.of("from", "SI Sen", "to", "Mr. X", "reason", "forged"));
        assertEquals("NOT_COVERED", f.custody.verify(f.caseDir).fault());
        // the officer's next act adopts it, visibly
        f.custody.note(f.caseDir, null, "next day", List.of());
        assertTrue(f.custody.verify(f.caseDir).intact());
        AuditService audit = AuditService.standard(f.cases, f.custody, f.evidence);
        org.sakshi.core.audit.AuditReport r = audit.auditCase(f.caseDir, org.sakshi.core.audit.AuditOptions.DEFAULTS);
        List<org.sakshi.core.audit.Finding> adopted = r.findings("LEDGER_EVENTS_ADOPTED");
        assertEquals(1, adopted.size(), r.findings().toString());
        assertTrue(adopted.get(0).events().contains(forged), adopted.get(0).toString());
        assertTrue(r.hasErrors());
    }

    @Test
    void anExportedBundleOfAGenuineCasePassesAndItsCustodyCheckCoversTheSignedHeads() throws Exception {
        ExportResult r = ExportFixture.sharedExport();
        VerificationReport v = ExportFixture.shared().verifier.verify(r.bundle(), ExportFixture.shared().trust(), null);
        assertEquals(Verdict.PASSED, v.verdict(), v.checks().toString());
        Check heads = v.checks().stream().filter(c -> c.code() == org.sakshi.core.CheckCode.CUSTODY_SIGNED_HEADS).findFirst().orElseThrow();
        assertEquals(CheckResult.PASSED, heads.result(), heads.message());
        assertTrue(heads.message().contains("anchor"), heads.message());
    }
}
