package org.sakshi.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sakshi.core.Actor;
import org.sakshi.core.Item;
import org.sakshi.core.SakshiException;
import org.sakshi.core.TimestampStatus;
import org.sakshi.core.ledger.EventCodec;
import org.sakshi.service.CaseService;
import org.sakshi.service.CustodyService;
import org.sakshi.service.EvidenceService;
import org.sakshi.service.ImportService;
import org.sakshi.service.TimestampService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sakshi timestamp}: Time-stamp items still pending. */
@Command(name = "timestamp", description = "Time-stamp items still pending.",
        footer = "  sakshi timestamp ./FIR-112 --tsa http://tsa.example/")
final class TimestampCommand extends CliCommand {
    @Parameters(index = "0", paramLabel = "CASE_DIR", description = "The case folder.")
    Path caseDir;

    @Option(names = "--tsa", paramLabel = "URL", description = "RFC 3161 time-stamp authority; repeat for fallbacks.")
    List<String> tsa = new ArrayList<>();

    @Mixin
    OfficerOptions officer;

    private final CaseService cases;
    private final EvidenceService evidence;
    private final ImportService imports;
    private final TimestampService timestamps;
    private final CustodyService custody;

    TimestampCommand(CaseService cases, EvidenceService evidence, ImportService imports, TimestampService timestamps,
                     CustodyService custody) {
        this.custody = custody;
        this.cases = cases;
        this.evidence = evidence;
        this.imports = imports;
        this.timestamps = timestamps;
    }

    @Override
    public Integer call() throws SakshiException {
        Actor actor = CliSupport.actor(cases, caseDir, officer);
        long pendingBefore = evidence.items(caseDir).stream()
                .filter(i -> i.timestamp().status() == TimestampStatus.PENDING).count();
        if (pendingBefore == 0) {
            out().println(text().get("timestamp.none"));
            // the ledger head left unanchored while no TSA was reachable is anchored now
            custody.anchorIfPending(caseDir, actor, timestamps.sources(tsa))
                    .ifPresent(e -> out().println(text().get("timestamp.anchored", String.valueOf(e.seq()))));
            return SakshiCommand.OK;
        }
        List<Item> stamped = imports.stampPending(caseDir, timestamps.sources(tsa), actor);
        for (Item it : stamped) {
            out().println(text().get("timestamp.stamped", it.id(), it.timestamp().tsa(),
                    EventCodec.formatAt(it.timestamp().time())));
        }
        List<Item> still = evidence.items(caseDir).stream()
                .filter(i -> i.timestamp().status() == TimestampStatus.PENDING).toList();
        for (Item it : still) {
            err().println("error: " + it.id() + " is still not time-stamped: no time-stamp authority answered;"
                    + " try again later or with another --tsa");
        }
        if (still.isEmpty()) {
            return SakshiCommand.OK;
        }
        return stamped.isEmpty() ? SakshiCommand.INPUT_ERROR : SakshiCommand.PARTIAL;
    }
}
