package org.sakshi.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.audit.Ledger;
import org.sakshi.core.InputException;
import org.sakshi.core.TimestampToken;
import org.sakshi.core.Workstation;
import org.sakshi.core.audit.AuditOptions;
import org.sakshi.core.audit.AuditReport;
import org.sakshi.core.audit.AuditScope;
import org.sakshi.core.audit.Finding;
import org.sakshi.core.audit.Severity;
import org.sakshi.testsupport.LocalTsa;

class AuditServiceBundleTest {
    private static final String BUNDLE_ID = "5b0e3c1a-7d2f-4e6b-9a8c-0d1e2f3a4b5c";

    @TempDir
    Path dir;

    @TempDir
    static Path pkiDir;

    private static LocalTsa tsa;

    @BeforeAll
    static void startTsa() throws Exception {
        tsa = LocalTsa.start(pkiDir);
    }

    @AfterAll
    static void stopTsa() {
        tsa.close();
    }

    /**
     * The findings of the custody analysis. These hand-made bundles carry no manifest or signature, so the
     * service is built without its integrity step (AuditIntegrityTest covers that step on sealed bundles).
     */
    private static Set<String> problems(AuditReport r) {
        return r.findings().stream().filter(f -> f.severity() != Severity.INFO).map(Finding::code)
                .collect(Collectors.toSet());
    }

    private AuditService service() {
        CaseAccess access = CaseAccess.defaults(new Workstation("lab-1", "examiner", "sakshi test"));
        // these hand-made ZIPs carry no manifest or signature: the custody analysis is tested without the
        // bundle verification that AuditService.standard runs first (tested in AuditIntegrityTest)
        return AuditService.standard(new CaseService(access), new CustodyService(access), new EvidenceService(access))
                .withIntegrity(null);
    }

    private static Map<String, Object> caseJson(Ledger l, List<Map<String, Object>> items) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("format", "sakshi-bundle");
        c.put("version", 1);
        c.put("bundle_id", BUNDLE_ID);
        c.put("custody", Map.of("file", "data/custody/custody-log.jsonl", "count", l.events().size(),
                "head", l.last().hash()));
        c.put("items", items);
        return c;
    }

    private static Map<String, Object> item(String id, Map<String, Object> timestamp, String source) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("sha256", Ledger.sha(id));
        m.put("derived_from", null);
        m.put("source", source);
        m.put("timestamp", timestamp);
        return m;
    }

    @Test
    void aBundleWhereTheFormerHolderAccessedAnItemAfterHandingItOverFails() throws Exception {
        Ledger l = new Ledger().imported(Ledger.RAO, "E0001").stamped(Ledger.RAO, "E0001")
                .transferred(Ledger.RAO, "E0001", Ledger.LAB).accessed(Ledger.RAO, "E0001")
                .exportStarted(Ledger.LAB, BUNDLE_ID);
        Path zip = AuditBundleFixture.write(dir.resolve("b.zip"), BUNDLE_ID, l.events(),
                caseJson(l, List.of(item("E0001", null, "phone"))), Map.of());
        AuditReport r = service().auditBundle(zip, AuditOptions.DEFAULTS);
        assertEquals(AuditScope.BUNDLE, r.scope());
        assertEquals(BUNDLE_ID, r.id());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(zip))),
                r.hash());
        assertEquals(Set.of("ACT_BY_NON_CUSTODIAN"), problems(r), () -> r.findings().toString());
        assertEquals(List.of(5L), r.findings("ACT_BY_NON_CUSTODIAN").get(0).events());
        assertEquals(l.events().size(), r.ledger().events());
    }

    @Test
    void theItemTokenInsideTheBundleShowsAWorkstationTwoHoursFast() throws Exception {
        TimestampToken token = tsa.source().stamp(HexFormat.of().parseHex(Ledger.sha("E0001")));
        Ledger l = new Ledger().at(token.genTime().plus(Duration.ofHours(2)).minusSeconds(120));
        l.imported(Ledger.RAO, "E0001")
                .add(Ledger.RAO, "ITEM_TIMESTAMPED", "E0001", Map.of("tsa", tsa.url().toString()))
                .exportStarted(Ledger.RAO, BUNDLE_ID);
        Path zip = AuditBundleFixture.write(dir.resolve("b.zip"), BUNDLE_ID, l.events(),
                caseJson(l, List.of(item("E0001", Map.of("file", "data/timestamps/E0001.tsr"), "phone"))),
                Map.of("data/timestamps/E0001.tsr", token.response()));
        AuditReport r = service().auditBundle(zip, AuditOptions.DEFAULTS);
        assertEquals(Set.of("CLOCK_DRIFT"), problems(r), () -> r.findings().toString());
        assertEquals(List.of(3L), r.findings("CLOCK_DRIFT").get(0).events());
    }

    @Test
    void aTokenFileForAnotherHashDoesNotCountAsTheItemsTimestamp() throws Exception {
        TimestampToken other = tsa.source().stamp(new byte[32]);
        Ledger l = new Ledger().imported(Ledger.RAO, "E0001").exportStarted(Ledger.RAO, BUNDLE_ID);
        Path zip = AuditBundleFixture.write(dir.resolve("b.zip"), BUNDLE_ID, l.events(),
                caseJson(l, List.of(item("E0001", Map.of("file", "data/timestamps/E0001.tsr"), "phone"))),
                Map.of("data/timestamps/E0001.tsr", other.response()));
        AuditReport r = service().auditBundle(zip, AuditOptions.DEFAULTS);
        assertEquals(Set.of("ITEM_NOT_TIMESTAMPED"), problems(r), () -> r.findings().toString());
    }

    @Test
    void aBundleWhoseCaseJsonNamesAnotherHeadFails() throws Exception {
        Ledger l = new Ledger().imported(Ledger.RAO, "E0001").stamped(Ledger.RAO, "E0001")
                .exportStarted(Ledger.RAO, BUNDLE_ID);
        Map<String, Object> c = caseJson(l, List.of(item("E0001", null, null)));
        c.put("custody", Map.of("count", 3, "head", "ab".repeat(32)));
        Path zip = AuditBundleFixture.write(dir.resolve("b.zip"), BUNDLE_ID, l.events(), c, Map.of());
        AuditReport r = service().auditBundle(zip, AuditOptions.DEFAULTS);
        assertEquals(Set.of("LEDGER_HEAD_MISMATCH"), problems(r));
        assertTrue(r.hasErrors());
    }

    @Test
    void theSeizureTimeInACaseJsonSourceIsComparedWithTheImport() throws Exception {
        Ledger l = new Ledger().imported(Ledger.RAO, "E0001").stamped(Ledger.RAO, "E0001")
                .exportStarted(Ledger.RAO, BUNDLE_ID);
        Path zip = AuditBundleFixture.write(dir.resolve("b.zip"), BUNDLE_ID, l.events(),
                caseJson(l, List.of(item("E0001", null, "Redmi 9 seized 2026-07-20T10:00:00Z at Sealdah"))), Map.of());
        AuditReport r = service().auditBundle(zip, AuditOptions.DEFAULTS);
        assertEquals(Set.of("SEIZURE_IMPORT_GAP"), problems(r));
    }

    @Test
    void aLogLineChangedAfterExportIsABrokenChainNamingItsSeq() throws Exception {
        Ledger l = new Ledger().imported(Ledger.RAO, "E0001").stamped(Ledger.RAO, "E0001")
                .transferred(Ledger.RAO, "E0001", Ledger.LAB).exportStarted(Ledger.LAB, BUNDLE_ID);
        List<org.sakshi.core.CustodyEvent> events = new java.util.ArrayList<>(l.events());
        org.sakshi.core.CustodyEvent t = events.get(3);
        // the hand-over rewritten to another receiver, hash left as it was
        events.set(3, new org.sakshi.core.CustodyEvent(t.seq(), t.id(), t.caseId(), t.at(), t.type(), t.actor(),
                t.workstation(), t.itemId(), t.itemSha256(), Map.of("from", Ledger.RAO, "to", Ledger.SEN,
                "reason", "lab examination"), t.prev(), t.hash(), null));
        Path zip = AuditBundleFixture.write(dir.resolve("b.zip"), BUNDLE_ID, events,
                caseJson(l, List.of(item("E0001", null, null))), Map.of());
        AuditReport r = service().auditBundle(zip, AuditOptions.DEFAULTS);
        assertEquals(false, r.ledger().intact());
        assertEquals(4L, r.ledger().firstBadSeq());
        assertEquals(List.of(4L), r.findings("LEDGER_BROKEN").get(0).events());
        assertTrue(r.hasErrors());
    }

    @Test
    void aLogLineThatIsNoLongerJsonIsABrokenChainNotAnInputError() throws Exception {
        Ledger l = new Ledger().imported(Ledger.RAO, "E0001").stamped(Ledger.RAO, "E0001")
                .exportStarted(Ledger.RAO, BUNDLE_ID);
        Path zip = AuditBundleFixture.write(dir.resolve("b.zip"), BUNDLE_ID, l.events(),
                caseJson(l, List.of(item("E0001", null, null))), Map.of());
        String log = AuditBundleFixture.jsonl(l.events()).replaceFirst("\"ITEM_TIMESTAMPED\"", "\"ITEM_TIMESTAMPED");
        Path damaged = dir.resolve("damaged.zip");
        try (var z = new java.util.zip.ZipOutputStream(Files.newOutputStream(damaged));
             var in = new java.util.zip.ZipInputStream(Files.newInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] data = e.getName().endsWith("custody-log.jsonl") ? log.getBytes() : in.readAllBytes();
                z.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                z.write(data);
                z.closeEntry();
            }
        }
        AuditReport r = service().auditBundle(damaged, AuditOptions.DEFAULTS);
        assertFalse(r.ledger().intact());
        assertTrue(problems(r).contains("LEDGER_BROKEN"), r.findings().toString());
    }

    @Test
    void aZipWithoutACustodyLogIsAnInputError() throws Exception {
        Path zip = dir.resolve("x.zip");
        try (var z = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new java.util.zip.ZipEntry("x/readme.txt"));
            z.write("hello".getBytes());
            z.closeEntry();
        }
        InputException e = assertThrows(InputException.class, () -> service().auditBundle(zip, AuditOptions.DEFAULTS));
        assertTrue(e.getMessage().contains("not a Sakshi bundle"), e.getMessage());
    }

    @Test
    void aMissingPathIsAnInputErrorNamingIt() {
        Path nowhere = dir.resolve("nowhere.zip");
        InputException e = assertThrows(InputException.class, () -> service().audit(nowhere, AuditOptions.DEFAULTS));
        assertTrue(e.getMessage().contains("nowhere.zip"));
    }


}
