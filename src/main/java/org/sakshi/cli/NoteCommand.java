package org.sakshi.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sakshi.core.Actor;
import org.sakshi.core.CustodyEvent;
import org.sakshi.core.SakshiException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sakshi note}: Record a note in the custody ledger. */
@Command(name = "note", description = "Record a note in the custody ledger (NOTE).",
        footer = "  sakshi note ./FIR-112 \"Phone returned to the malkhana\" --items E0003")
final class NoteCommand extends CliCommand {
    @Parameters(index = "0", paramLabel = "CASE_DIR", description = "The case folder.")
    Path caseDir;

    @Parameters(index = "1", paramLabel = "TEXT", description = "The note.")
    String text;

    @Option(names = "--items", paramLabel = "ID,...", description = "Items the note is about.")
    List<String> items = new ArrayList<>();

    @Mixin
    OfficerOptions officer;

    @Override
    public Integer call() throws SakshiException {
        Actor actor = CliSupport.actor(ctx(), caseDir, officer);
        CustodyEvent e = ctx().custody().note(caseDir, actor, text, CliSupport.splitIds(items));
        out().println("Recorded seq " + e.seq() + " NOTE" + (e.itemId() == null ? "" : " on " + e.itemId()));
        return SakshiCommand.OK;
    }
}
