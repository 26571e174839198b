package org.sakshi.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sakshi.core.Actor;
import org.sakshi.core.CustodyEvent;
import org.sakshi.core.SakshiException;
import org.sakshi.service.CaseService;
import org.sakshi.service.CustodyService;
import org.sakshi.service.TimestampService;
import org.sakshi.service.TransferRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sakshi transfer}: Record a hand-over of items. */
@Command(name = "transfer", description = "Record a hand-over of items (TRANSFERRED).",
        footer = {"  sakshi transfer ./FIR-112 --to \"FSL Kolkata\" --received-by \"Dr. Iyer\" \\",
                "      --reason \"examination\" --seal S-114"})
final class TransferCommand extends CliCommand {
    @Parameters(index = "0", paramLabel = "CASE_DIR", description = "The case folder.")
    Path caseDir;

    @Option(names = "--from", paramLabel = "NAME", description = "Custodian handing the items over (default: their"
            + " current holder by the ledger).")
    String from;

    @Option(names = "--to", required = true, description = "Receiving custodian.")
    String to;

    @Option(names = "--received-by", paramLabel = "NAME", description = "Person who received the items for the"
            + " receiving custodian (the acknowledgement).")
    String receivedBy;

    @Option(names = "--handed-over-by", paramLabel = "NAME", description = "Person who handed the items over for"
            + " the sender.")
    String handedOverBy;

    @Option(names = "--reason", required = true, description = "Why the items change hands.")
    String reason;

    @Option(names = "--location", description = "Where the hand-over happens.")
    String location;

    @Option(names = "--seal", description = "Seal number.")
    String seal;

    @Option(names = "--items", paramLabel = "ID,...", description = "Items handed over (default: the whole case).")
    List<String> items = new ArrayList<>();

    @Option(names = "--tsa", paramLabel = "URL", description = "RFC 3161 time-stamp authority that anchors the"
            + " ledger head after the hand-over; repeat for fallbacks.")
    List<String> tsa = new ArrayList<>();

    @Mixin
    OfficerOptions officer;

    private final CaseService cases;
    private final CustodyService custody;
    private final TimestampService timestamps;

    TransferCommand(CaseService cases, CustodyService custody, TimestampService timestamps) {
        this.cases = cases;
        this.custody = custody;
        this.timestamps = timestamps;
    }

    @Override
    public Integer call() throws SakshiException {
        Actor actor = CliSupport.actor(cases, caseDir, officer);
        List<CustodyEvent> events = custody.transfer(caseDir, actor,
                new TransferRequest(from, to, receivedBy, handedOverBy, reason, location, seal,
                        CliSupport.splitIds(items), timestamps.sources(tsa)));
        for (CustodyEvent e : events) {
            if (org.sakshi.core.EventType.LEDGER_ANCHORED.name().equals(e.type())) {
                out().println(text().get("ledger.anchored", String.valueOf(e.seq())));
                continue;
            }
            out().println(text().get("transfer.recorded", String.valueOf(e.seq()),
                    e.itemId() == null ? text().get("transfer.wholeCase") : e.itemId(),
                    org.sakshi.core.ledger.EventDetails.Transferred.from(e.details()), to));
        }
        return SakshiCommand.OK;
    }
}
