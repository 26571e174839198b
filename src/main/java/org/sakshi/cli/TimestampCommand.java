package org.sakshi.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sakshi.core.Actor;
import org.sakshi.core.Item;
import org.sakshi.core.SakshiException;
import org.sakshi.core.TimestampStatus;
import org.sakshi.core.ledger.EventCodec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sakshi timestamp}: Time-stamp items still pending. */
@Command(name = "timestamp", description = "Time-stamp items still pending.")
final class TimestampCommand extends CliCommand {
    @Parameters(index = "0", paramLabel = "CASE_DIR", description = "The case folder.")
    Path caseDir;

    @Option(names = "--tsa", paramLabel = "URL", description = "RFC 3161 time-stamp authority; repeat for fallbacks.")
    List<String> tsa = new ArrayList<>();

    @Mixin
    OfficerOptions officer;

    @Override
    public Integer call() throws SakshiException {
        Actor actor = CliSupport.actor(ctx(), caseDir, officer);
        long pendingBefore = ctx().evidence().items(caseDir).stream()
                .filter(i -> i.timestamp().status() == TimestampStatus.PENDING).count();
        if (pendingBefore == 0) {
            out().println("No items are waiting for a time-stamp.");
            // the ledger head left unanchored while no TSA was reachable is anchored now
            ctx().custody().anchorIfPending(caseDir, actor, CliSupport.tsas(ctx(), tsa))
                    .ifPresent(e -> out().println("Ledger head anchored at seq " + e.seq() + "."));
            return SakshiCommand.OK;
        }
        List<Item> stamped = ctx().imports().stampPending(caseDir, CliSupport.tsas(ctx(), tsa), actor);
        for (Item it : stamped) {
            out().println(it.id() + " time-stamped by " + it.timestamp().tsa() + " at "
                    + EventCodec.formatAt(it.timestamp().time()));
        }
        List<Item> still = ctx().evidence().items(caseDir).stream()
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
