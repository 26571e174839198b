package org.sakshi.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sakshi.audit.Ledger.LAB;
import static org.sakshi.audit.Ledger.RAO;
import static org.sakshi.audit.Ledger.SEN;

import org.sakshi.core.ledger.EventDetails;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.sakshi.core.audit.AuditOptions;
import org.sakshi.core.audit.AuditReport;
import org.sakshi.core.audit.AuditScope;
import org.sakshi.core.audit.Finding;
import org.sakshi.core.audit.FindingCode;
import org.sakshi.core.audit.ItemHistory;
import org.sakshi.core.audit.LedgerSummary;
import org.sakshi.core.audit.Severity;
import org.sakshi.core.audit.TimelineEntry;

class AuditAnalyzerTest {

    /** Codes of ERROR and WARNING findings. */
    private static Set<String> problems(AuditReport r) {
        return r.findings().stream().filter(f -> f.severity() != Severity.INFO).map(Finding::code)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Ledger cleanCase() {
        return new Ledger()
                .imported(RAO, "E0001").stamped(RAO, "E0001")
                .imported(RAO, "E0002").stamped(RAO, "E0002")
                .accessed(RAO, "E0001")
                .transferred(RAO, "E0001", LAB).transferred(RAO, "E0002", LAB)
                .accessed(LAB, "E0001")
                .exportStarted(LAB, "b-1").exportSealed(LAB, "b-1");
    }

    @Test
    void aCleanCaseYieldsNoErrorOrWarning() {
        AuditReport r = cleanCase().audit();
        assertEquals(Set.of(), problems(r), () -> r.findings().toString());
        assertFalse(r.hasErrors());
        assertTrue(r.ledger().intact());
    }

    @Test
    void accessByThePreviousCustodianAfterATransferIsAnActByANonCustodian() {
        AuditReport r = new Ledger().imported(RAO, "E0001").stamped(RAO, "E0001")
                .transferred(RAO, "E0001", LAB).accessed(LAB, "E0001").accessed(RAO, "E0001").audit();
        assertEquals(Set.of("ACT_BY_NON_CUSTODIAN"), problems(r));
        Finding f = r.findings("ACT_BY_NON_CUSTODIAN").get(0);
        assertEquals(Severity.ERROR, f.severity());
        assertEquals(List.of("E0001"), f.items());
        assertEquals(List.of(6L), f.events());
        assertTrue(f.message().contains(LAB), f.message());
    }

    @Test
    void aTransferFromSomeoneWhoDidNotHoldTheItemIsFound() {
        AuditReport r = new Ledger().imported(RAO, "E0001").stamped(RAO, "E0001")
                .transferred(SEN, "E0001", LAB).audit();
        assertEquals(Set.of("TRANSFER_BY_NON_HOLDER"), problems(r));
        assertEquals(List.of(4L), r.findings("TRANSFER_BY_NON_HOLDER").get(0).events());
    }

    @Test
    void theNewCustodianMayActAfterACaseLevelTransfer() {
        AuditReport r = new Ledger().imported(RAO, "E0001").stamped(RAO, "E0001")
                .add(RAO, "TRANSFERRED", null, Map.of("from", RAO, "to", SEN, "reason", "shift change"))
                .accessed(SEN, "E0001").audit();
        assertEquals(Set.of(), problems(r));
        assertEquals(SEN, r.item("E0001").orElseThrow().timeline().get(3).custodian());
    }

    @Test
    void anExportByAnOfficerWhoDoesNotHoldTheItemsIsAWarning() {
        AuditReport r = new Ledger().imported(RAO, "E0001").stamped(RAO, "E0001")
                .exportStarted(SEN, "b-1").exportSealed(SEN, "b-1").audit();
        assertEquals(Set.of("EXPORT_BY_NON_CUSTODIAN"), problems(r));
        assertEquals(2, r.findings("EXPORT_BY_NON_CUSTODIAN").size());
        assertFalse(r.hasErrors());
    }

    @Test
    void namesMatchWithoutRanksPunctuationOrCase() {
        AuditReport r = new Ledger().imported("Insp. Asha Verma", "E0001").stamped(RAO, "E0001")
                .accessed("asha  verma", "E0001").accessed("Inspector Asha Verma", "E0001").audit();
        assertEquals(Set.of(), problems(r), () -> r.findings().toString());
    }

    @Test
    void aSealedExportCoversOnlyTheItemsItsStartListed() {
        AuditReport r = new Ledger().imported(RAO, "E0001").stamped(RAO, "E0001").imported(RAO, "E0002")
                .stamped(RAO, "E0002").add(RAO, "EXPORT_STARTED", null, Map.of("bundle_id", "b-1", "items", List.of("E0001")))
                .exportSealed(RAO, "b-1").accessed(RAO, "E0002").accessed(RAO, "E0001").audit();
        assertEquals(Set.of("ACTED_AFTER_SEAL"), problems(r));
        assertEquals(List.of("E0001"), r.findings("ACTED_AFTER_SEAL").get(0).items());
        assertEquals(1, r.findings("ACTED_AFTER_SEAL").size());
    }

    @Test
    void aClockGoingBackwardsInSeqOrderIsFound() {
        Ledger l = new Ledger().imported(RAO, "E0001").stamped(RAO, "E0001");
        l.skew(Duration.ofMinutes(-3)).accessed(RAO, "E0001");
        AuditReport r = l.audit();
        assertEquals(Set.of("CLOCK_BACKWARDS"), problems(r));
        assertEquals(List.of(3L, 4L), r.findings("CLOCK_BACKWARDS").get(0).events());
    }

    @Test
    void aWorkstationClockTwoHoursFastAgainstAnItemTokenIsClockDrift() {
        Ledger l = new Ledger().skew(Duration.ofHours(2)).imported(RAO, "E0001");
        l.stamped(RAO, "E0001", l.now().plusSeconds(60).minus(Duration.ofHours(2)));
        AuditReport r = l.audit();
        assertEquals(Set.of("CLOCK_DRIFT"), problems(r));
        Finding f = r.findings("CLOCK_DRIFT").get(0);
        assertEquals(List.of(3L), f.events());
        assertTrue(f.message().contains("2 h 0 min ahead"), f.message());
    }

    @Test
    void eventsDatedBeforeATokenTheyFollowInTheChainAreFound() {
        Ledger l = new Ledger().imported(RAO, "E0001");
        Instant genTime = l.now().plus(Duration.ofHours(2));
        l.stamped(RAO, "E0001", genTime).accessed(RAO, "E0001").accessed(RAO, "E0001");
        AuditReport r = l.audit();
        // from the ledger alone, a token 2 h after the import recorded with it cannot be told from a re-stamp
        assertEquals(Set.of("CLOCK_DRIFT", "EVENT_BEFORE_TOKEN", "TIMESTAMP_AFTER_IMPORT"), problems(r));
        Finding f = r.findings("EVENT_BEFORE_TOKEN").get(0);
        assertEquals(List.of(4L, 5L), f.events());
        assertEquals(Severity.ERROR, f.severity());
    }

    @Test
    void eventsDatedAfterAnAnchorThatProvesTheyExistedAreFound() {
        Ledger l = new Ledger().imported(RAO, "E0001").stamped(RAO, "E0001");
        l.skew(Duration.ofHours(2)).accessed(RAO, "E0001");
        l.anchored(RAO, l.now().minus(Duration.ofHours(2)).plusSeconds(60));
        AuditReport r = l.audit();
        assertEquals(Set.of("CLOCK_DRIFT", "EVENT_AFTER_TOKEN"), problems(r));
        assertEquals(List.of(4L), r.findings("EVENT_AFTER_TOKEN").get(0).events());
    }

    @Test
    void aBundleTokenOverTheLogFindsEventsDatedAfterIt() {
        Ledger l = cleanCase();
        AuditInput in = l.input(List.of(), List.of(TimeProof.export("signature/tagmanifest-sha256.txt.tsr",
                l.last().at().minus(Duration.ofMinutes(6)), l.last().seq())));
        AuditReport r = AuditAnalyzer.analyze(in, AuditOptions.DEFAULTS);
        assertEquals(Set.of("EVENT_AFTER_TOKEN"), problems(r));
        assertEquals(List.of(11L), r.findings("EVENT_AFTER_TOKEN").get(0).events());
    }

    @Test
    void anItemAccessedAfterItsBundleWasSealedIsFound() {
        AuditReport r = cleanCase().accessed(LAB, "E0002").audit();
        assertEquals(Set.of("ACTED_AFTER_SEAL"), problems(r));
        assertEquals(List.of(11L, 12L), r.findings("ACTED_AFTER_SEAL").get(0).events());
        assertEquals(List.of("E0002"), r.findings("ACTED_AFTER_SEAL").get(0).items());
    }

    @Test
    void anItemWithoutATimestampIsFound() {
        AuditReport r = new Ledger().imported(RAO, "E0001").stamped(RAO, "E0001").imported(RAO, "E0002").audit();
        assertEquals(Set.of("ITEM_NOT_TIMESTAMPED"), problems(r));
        assertEquals(List.of("E0002"), r.findings("ITEM_NOT_TIMESTAMPED").get(0).items());
    }

    @Test
    void aTokenFileCountsAsTheItemsTimestamp() {
        Ledger l = new Ledger().imported(RAO, "E0001");
        AuditReport r = AuditAnalyzer.analyze(l.input(List.of(),
                List.of(TimeProof.item("E0001", "data/timestamps/E0001.tsr", l.now().plusSeconds(5)))), AuditOptions.DEFAULTS);
        assertEquals(Set.of(), problems(r));
    }

    @Test
    void anItemRestampedDaysAfterItsImportWithTheEventBackdatedIsAnError() {
        // the swapped file's fresh token is written into the old ITEM_TIMESTAMPED event (dated at import)
        Ledger l = new Ledger().imported(RAO, "E0001");
        l.stamped(RAO, "E0001", l.now().plus(Duration.ofDays(3)));
        AuditReport r = l.audit();
        assertTrue(problems(r).contains("TIMESTAMP_AFTER_IMPORT"), r.findings().toString());
        assertTrue(r.hasErrors());
        assertTrue(r.findings("TIMESTAMP_AFTER_IMPORT").get(0).message().contains("re-stamped"));
    }

    @Test
    void aTokenFileRestampedAfterImportWithoutAnyEventIsAnError() {
        Ledger l = new Ledger().imported(RAO, "E0001");
        AuditReport r = AuditAnalyzer.analyze(l.input(List.of(),
                List.of(TimeProof.item("E0001", "data/timestamps/E0001.tsr", l.now().plus(Duration.ofHours(6))))),
                AuditOptions.DEFAULTS);
        assertTrue(problems(r).contains("TIMESTAMP_AFTER_IMPORT"), r.findings().toString());
    }

    @Test
    void aStampRecordedLateWhenItWasObtainedIsNotARestamp() {
        Ledger l = new Ledger().imported(RAO, "E0001");
        l.skew(Duration.ofDays(2)).stamped(RAO, "E0001");
        AuditReport r = l.audit();
        assertFalse(problems(r).contains("TIMESTAMP_AFTER_IMPORT"), r.findings().toString());
        assertTrue(r.findings().stream().anyMatch(f -> f.code().equals("TIMESTAMP_DELAYED")), r.findings().toString());
    }

    @Test
    void aTokenFileWhoseGenTimeDiffersFromTheRecordedOneIsFound() {
        Ledger l = new Ledger().imported(RAO, "E0001").stamped(RAO, "E0001");
        AuditReport r = AuditAnalyzer.analyze(l.input(List.of(),
                List.of(TimeProof.item("E0001", "data/timestamps/E0001.tsr", l.now().minus(Duration.ofDays(3))))),
                AuditOptions.DEFAULTS);
        assertTrue(problems(r).contains("TOKEN_MISMATCH"), r.findings().toString());
    }

    @Test
    void anExportWithoutASealIsFound() {
        AuditReport r = cleanCase().exportStarted(LAB, "b-2").audit();
        assertEquals(Set.of("EXPORT_NOT_SEALED"), problems(r));
        assertEquals(List.of(12L), r.findings("EXPORT_NOT_SEALED").get(0).events());
    }

    @Test
    void theExportThatMadeTheAuditedBundleNeedsNoSealInsideIt() {
        Ledger l = cleanCase().exportStarted(LAB, "b-2");
        AuditInput c = l.input();
        AuditInput bundle = new AuditInput(AuditScope.BUNDLE, "b-2", "ab".repeat(32), c.events(), c.ledger(),
                l.last().hash(), (long) l.events().size(), List.of(), List.of());
        assertEquals(Set.of(), problems(AuditAnalyzer.analyze(bundle, AuditOptions.DEFAULTS)));
    }

    @Test
    void aDerivedItemWhoseParentIsMissingIsFound() {
        Ledger l = new Ledger().imported(RAO, "E0001").stamped(RAO, "E0001").imported(RAO, "E0002")
                .stamped(RAO, "E0002");
        AuditReport r = AuditAnalyzer.analyze(l.input(List.of(new ItemFacts("E0001", Ledger.sha("E0001"), null, null, null),
                new ItemFacts("E0002", Ledger.sha("E0002"), "E0009", null, null)), List.of()), AuditOptions.DEFAULTS);
        assertEquals(Set.of("DERIVED_PARENT_MISSING"), problems(r));
        assertEquals(List.of("E0002"), r.findings("DERIVED_PARENT_MISSING").get(0).items());
    }

    @Test
    void aDerivationFromAnItemThatWasNeverImportedIsFound() {
        AuditReport r = new Ledger().add(RAO, "ITEM_DERIVED", "E0003", Map.of(EventDetails.ItemDerived.PARENT, "E0001")).audit();
        assertTrue(problems(r).contains("DERIVED_PARENT_MISSING"), r.findings().toString());
    }

    @Test
    void anAssumptionRecordedAfterTheItemWasUsedIsLate() {
        AuditReport r = new Ledger().imported(RAO, "E0001").stamped(RAO, "E0001").accessed(RAO, "E0001")
                .add(RAO, "ASSUMPTION_RECORDED", "E0001", Map.of("zone", "Asia/Kolkata", "date_order", "dmy")).audit();
        assertEquals(Set.of("ASSUMPTION_LATE"), problems(r));
        assertEquals(List.of(4L, 5L), r.findings("ASSUMPTION_LATE").get(0).events());
    }

    @Test
    void anAssumptionRecordedAtImportIsNotLate() {
        AuditReport r = new Ledger().imported(RAO, "E0001")
                .add(RAO, "ASSUMPTION_RECORDED", "E0001", Map.of("zone", "Asia/Kolkata")).stamped(RAO, "E0001")
                .accessed(RAO, "E0001").audit();
        assertEquals(Set.of(), problems(r));
    }

    @Test
    void aLongGapBetweenSeizureAndImportIsFound() {
        Ledger l = new Ledger().imported(RAO, "E0001").stamped(RAO, "E0001");
        ItemFacts f = new ItemFacts("E0001", Ledger.sha("E0001"), null, "phone seized 2026-07-25 21:00",
                Instant.parse("2026-07-25T15:30:00Z"));
        AuditReport r = AuditAnalyzer.analyze(l.input(List.of(f), List.of()), AuditOptions.DEFAULTS);
        assertEquals(Set.of("SEIZURE_IMPORT_GAP"), problems(r));
    }

    @Test
    void aSeizureWithinTheAllowedGapIsNoFinding() {
        Ledger l = new Ledger().imported(RAO, "E0001").stamped(RAO, "E0001");
        ItemFacts f = new ItemFacts("E0001", Ledger.sha("E0001"), null, "seized", Ledger.T0.minus(Duration.ofHours(3)));
        assertEquals(Set.of(), problems(AuditAnalyzer.analyze(l.input(List.of(f), List.of()), AuditOptions.DEFAULTS)));
    }

    @Test
    void aBrokenChainReportedByVerificationIsAnError() {
        Ledger l = cleanCase();
        AuditInput c = l.input();
        AuditInput broken = new AuditInput(AuditScope.CASE, c.id(), null, c.events(),
                new LedgerSummary(c.events().size(), l.last().hash(), false, 5L, "event 5's hash does not recompute"),
                null, null, List.of(), List.of());
        AuditReport r = AuditAnalyzer.analyze(broken, AuditOptions.DEFAULTS);
        assertEquals(Set.of("LEDGER_BROKEN"), problems(r));
        assertEquals(List.of(5L), r.findings().get(0).events());
        assertTrue(r.hasErrors());
    }

    @Test
    void aMissingEventIsABrokenChainEvenWhenHashesWereNotRecomputed() {
        Ledger l = cleanCase();
        List<org.sakshi.core.CustodyEvent> gap = new java.util.ArrayList<>(l.events());
        gap.remove(6);
        AuditInput c = l.input();
        AuditInput in = new AuditInput(AuditScope.CASE, c.id(), null, gap, c.ledger(), null, null, List.of(), List.of());
        AuditReport r = AuditAnalyzer.analyze(in, AuditOptions.DEFAULTS);
        assertEquals(List.of(8L), r.findings("LEDGER_BROKEN").get(0).events());
    }

    @Test
    void aBundleWhoseCaseJsonNamesAnotherHeadIsFound() {
        Ledger l = cleanCase();
        AuditInput c = l.input();
        AuditInput in = new AuditInput(AuditScope.BUNDLE, "b-1", null, c.events(), c.ledger(), "00".repeat(32),
                (long) c.events().size(), List.of(), List.of());
        assertEquals(Set.of("LEDGER_HEAD_MISMATCH"), problems(AuditAnalyzer.analyze(in, AuditOptions.DEFAULTS)));
    }

    @Test
    void anEventCarryingAnotherHashOfTheItemIsFound() {
        AuditReport r = new Ledger().imported(RAO, "E0001").stamped(RAO, "E0001")
                .addWithHash(RAO, "ITEM_ACCESSED", "E0001", "ff".repeat(32), Map.of()).audit();
        assertEquals(Set.of("ITEM_HASH_CHANGED"), problems(r));
        TimelineEntry last = r.item("E0001").orElseThrow().timeline().get(2);
        assertEquals(Ledger.sha("E0001"), last.hashBefore());
        assertEquals("ff".repeat(32), last.hashAfter());
    }

    @Test
    void eventsAdoptedWithoutASignedHeadAreAnErrorNamingThemButAnAdoptedPreSignedHeadsCaseIsOnlyNoted() {
        AuditReport r = new Ledger().imported(RAO, "E0001").stamped(RAO, "E0001").accessed(SEN, "E0001")
                .add(RAO, "LEDGER_ADOPTED", null, Map.of("from", 4, "to", 4, "reason", "not covered")).audit();
        assertEquals(Set.of("LEDGER_EVENTS_ADOPTED", "ACT_BY_NON_CUSTODIAN"), problems(r));
        Finding f = r.findings("LEDGER_EVENTS_ADOPTED").get(0);
        assertEquals(List.of(4L, 5L), f.events()); // the access (seq 4) and the adoption itself
        assertEquals(List.of("E0001"), f.items());

        AuditReport legacy = new Ledger().imported(RAO, "E0001").stamped(RAO, "E0001")
                .add(RAO, "LEDGER_ADOPTED", null, Map.of("from", 1, "to", 3, "reason", "written before signed heads"))
                .audit();
        assertEquals(Set.of(), problems(legacy));
        assertEquals(1, legacy.findings("LEDGER_SIGNED_HEADS_START").size(), legacy.findings().toString());
    }

    @Test
    void anActOnAnItemNeverImportedIsFound() {
        AuditReport r = new Ledger().accessed(RAO, "E0042").audit();
        assertEquals(Set.of("ITEM_UNKNOWN"), problems(r));
    }

    @Test
    void anItemInTheCaseWithoutAnImportEventIsFound() {
        Ledger l = new Ledger();
        AuditReport r = AuditAnalyzer.analyze(l.input(List.of(new ItemFacts("E0001", "aa", null, null, null)), List.of()),
                AuditOptions.DEFAULTS);
        assertEquals(Set.of("ITEM_NOT_IN_LEDGER"), problems(r));
    }

    @Test
    void noTokenAtAllIsReportedAsInformation() {
        AuditReport r = new Ledger().audit();
        assertEquals(List.of("NO_TIME_REFERENCE"), r.findings().stream().map(Finding::code).toList());
        assertEquals(Severity.INFO, r.findings().get(0).severity());
    }

    @Test
    void theTimelineNamesTheCustodianAfterEveryEvent() {
        ItemHistory h = cleanCase().audit().item("E0001").orElseThrow();
        assertEquals(List.of("ITEM_IMPORTED", "ITEM_TIMESTAMPED", "ITEM_ACCESSED", "TRANSFERRED", "ITEM_ACCESSED",
                "EXPORT_STARTED", "EXPORT_SEALED"), h.timeline().stream().map(TimelineEntry::type).toList());
        assertEquals(List.of(RAO, RAO, RAO, LAB, LAB, LAB, LAB),
                h.timeline().stream().map(TimelineEntry::custodian).toList());
        assertEquals("ws-1", h.timeline().get(0).host());
    }

    @Test
    void everyFindingCodeInAReportIsOneOfTheStableCodes() {
        Set<String> codes = java.util.Arrays.stream(FindingCode.values()).map(Enum::name).collect(Collectors.toSet());
        AuditReport r = cleanCase().accessed(RAO, "E0001").exportStarted(LAB, "x").accessed(LAB, "E0042").audit();
        assertFalse(r.findings().isEmpty());
        r.findings().forEach(f -> {
            assertTrue(codes.contains(f.code()), f.code());
            assertEquals(FindingCode.valueOf(f.code()).severity(), f.severity());
        });
    }
}
