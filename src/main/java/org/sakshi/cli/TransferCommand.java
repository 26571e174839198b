package org.sakshi.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sakshi.core.Actor;
import org.sakshi.core.CustodyEvent;
import org.sakshi.core.SakshiException;
import org.sakshi.service.CaseService;
import org.sakshi.service.CustodyService;
import org.sakshi.service.TransferRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sakshi transfer}: Record a hand-over of items. */
@Command(name = "transfer", description = "Record a hand-over of items (TRANSFERRED).",
        footer = {"  sakshi transfer ./FIR-112 --to \"FSL Kolkata\" --reason \"examination\" \\",
                "      --seal S-114"})
final class TransferCommand extends CliCommand {
    @Parameters(index = "0", paramLabel = "CASE_DIR", description = "The case folder.")
    Path caseDir;

    @Option(names = "--to", required = true, description = "Receiving custodian.")
    String to;

    @Option(names = "--reason", required = true, description = "Why the items change hands.")
    String reason;

    @Option(names = "--location", description = "Where the hand-over happens.")
    String location;

    @Option(names = "--seal", description = "Seal number.")
    String seal;

    @Option(names = "--items", paramLabel = "ID,...", description = "Items handed over (default: the whole case).")
    List<String> items = new ArrayList<>();

    @Mixin
    OfficerOptions officer;

    private final CaseService cases;
    private final CustodyService custody;

    TransferCommand(CaseService cases, CustodyService custody) {
        this.cases = cases;
        this.custody = custody;
    }

    @Override
    public Integer call() throws SakshiException {
        Actor actor = CliSupport.actor(cases, caseDir, officer);
        List<CustodyEvent> events = custody.transfer(caseDir, actor,
                new TransferRequest(to, reason, location, seal, CliSupport.splitIds(items)));
        for (CustodyEvent e : events) {
            out().println("Recorded seq " + e.seq() + " TRANSFERRED " + (e.itemId() == null ? "(whole case)" : e.itemId())
                    + " from " + actor.name() + " to " + to);
        }
        return SakshiCommand.OK;
    }
}
