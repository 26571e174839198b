package org.sakshi.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sakshi.core.Check;
import org.sakshi.core.CheckResult;
import org.sakshi.core.CustodyEvent;
import org.sakshi.core.EventType;
import org.sakshi.core.SakshiException;
import org.sakshi.core.audit.AuditReport;
import org.sakshi.core.audit.Finding;
import org.sakshi.core.audit.FindingCode;
import org.sakshi.core.audit.ItemHistory;
import org.sakshi.core.audit.TimelineEntry;
import org.sakshi.core.ledger.EventCodec;
import org.sakshi.core.ledger.EventDetails;

/**
 * The audit of a case that received bundles (docs/cli.md#audit): each kept hop is checked
 * ({@link ReceiveService#checkHops}); a broken hop is RECEIVED_CHAIN_BROKEN (ERROR), an
 * INDETERMINATE bundle taken with a reason is RECEIVED_INDETERMINATE (WARNING), and each receipt
 * is a BUNDLE_RECEIVED_HOP (INFO) saying who sealed it, how long it was in transit and who carried
 * and received it. The timeline of each received item starts with the acts the sending agency
 * recorded on it in its own case, attributed to that agency (custodian "AGENCY (case N)").
 */
final class ReceivedAudit {
    private ReceivedAudit() {
    }

    static AuditReport extend(AuditReport r, Path caseDir, List<CustodyEvent> events) throws SakshiException {
        List<org.sakshi.bundle.ProvenanceChecks.ReceiptEvent> own = ReceiveService.receipts(events);
        if (own.isEmpty() && !Files.isDirectory(caseDir.resolve(ReceiveService.RECEIVED))) {
            return r;
        }
        List<Check> hops = ReceiveService.checkHops(caseDir, own);
        List<Finding> findings = new ArrayList<>(r.findings());
        for (Check c : hops) {
            if (c.result() == CheckResult.FAILED) {
                findings.add(Finding.of(FindingCode.RECEIVED_CHAIN_BROKEN, List.of(), List.of(),
                        "The received bundle kept under " + c.target() + " does not verify: " + c.message()));
            }
        }
        Map<String, List<TimelineEntry>> before = new LinkedHashMap<>();
        for (CustodyEvent e : events) {
            if (EventType.BUNDLE_RECEIVED.name().equals(e.type())) {
                EventDetails.BundleReceived.Read rd = EventDetails.BundleReceived.read(e.details());
                String target = ReceiveService.RECEIVED + "/" + rd.bundleId() + "/";
                String hop = hops.stream().filter(c -> c.target().equals(target) && c.result() != CheckResult.FAILED
                        && c.message().contains(" received at ")).map(Check::message).findFirst().orElse(null);
                findings.add(Finding.of(FindingCode.BUNDLE_RECEIVED_HOP, List.of(), List.of(e.seq()),
                        hop != null ? hop : "Bundle " + rd.bundleId() + " of " + rd.senderAgency() + " (case "
                                + rd.senderCaseNumber() + ") was received at seq " + e.seq() + " by " + rd.receivedBy()
                                + (rd.from() == null ? "" : " from " + rd.from())
                                + (rd.via() == null ? "" : " via " + rd.via()) + "."));
                if ("INDETERMINATE".equals(String.valueOf(e.details().get(EventDetails.BundleReceived.VERDICT)))) {
                    findings.add(Finding.of(FindingCode.RECEIVED_INDETERMINATE, List.of(), List.of(e.seq()),
                            "Bundle " + rd.bundleId() + " was received at seq " + e.seq() + " although it verified"
                            + " INDETERMINATE; the reason recorded: " + rd.acceptedReason()));
                }
            } else if (EventType.ITEM_IMPORTED.name().equals(e.type()) && e.itemId() != null) {
                EventDetails.Received.Read rv = EventDetails.Received.read(e.details());
                if (rv != null && rv.bundleId() != null && rv.itemId() != null) {
                    before.put(e.itemId(), senderActs(caseDir, rv));
                }
            }
        }
        List<ItemHistory> items = new ArrayList<>();
        for (ItemHistory h : r.items()) {
            List<TimelineEntry> earlier = before.get(h.id());
            if (earlier == null || earlier.isEmpty()) {
                items.add(h);
            } else {
                List<TimelineEntry> t = new ArrayList<>(earlier);
                t.addAll(h.timeline());
                items.add(new ItemHistory(h.id(), t));
            }
        }
        return new AuditReport(r.scope(), r.id(), r.hash(), r.label(), r.ledger(), findings, items);
    }

    /** The sending agency's events on its item, from the custody log kept with the bundle. */
    private static List<TimelineEntry> senderActs(Path caseDir, EventDetails.Received.Read rv) {
        Path log = caseDir.resolve(ReceiveService.RECEIVED).resolve(rv.bundleId())
                .resolve("data/custody/custody-log.jsonl");
        List<TimelineEntry> out = new ArrayList<>();
        if (!Files.isRegularFile(log)) {
            return out;
        }
        String agency = (rv.agency() == null ? "the sending agency" : rv.agency()) + " (case " + rv.caseNumber() + ")";
        try (BufferedReader in = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.isBlank() || !line.contains(rv.itemId())) {
                    continue;
                }
                CustodyEvent e = EventCodec.parseLine(line);
                boolean onItem = rv.itemId().equals(e.itemId());
                boolean exported = (EventType.EXPORT_STARTED.name().equals(e.type()))
                        && rv.bundleId().equals(e.details().get(EventDetails.ExportStarted.BUNDLE_ID));
                if (onItem || exported) {
                    String who = e.actor() == null ? null : e.actor().name()
                            + (e.actor().agency() == null ? "" : " (" + e.actor().agency() + ")");
                    out.add(new TimelineEntry(e.seq(), e.at(), e.type(), who, agency,
                            e.workstation() == null ? null : e.workstation().host(), null, e.itemSha256(),
                            "recorded by " + agency + " on its item " + rv.itemId() + " (seq " + e.seq()
                                    + " of its ledger), before this case received it in bundle " + rv.bundleId()));
                }
            }
        } catch (IOException | RuntimeException e) {
            // the kept log is unreadable: RECEIVED_CHAIN_BROKEN says so; the timeline shows this case's acts only
            return List.of();
        }
        return out;
    }
}
