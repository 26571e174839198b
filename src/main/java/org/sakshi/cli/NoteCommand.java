package org.sakshi.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sakshi.core.Actor;
import org.sakshi.core.CustodyEvent;
import org.sakshi.core.SakshiException;
import org.sakshi.service.CaseService;
import org.sakshi.service.CustodyService;
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

    private final CaseService cases;
    private final CustodyService custody;

    NoteCommand(CaseService cases, CustodyService custody) {
        this.cases = cases;
        this.custody = custody;
    }

    @Override
    public Integer call() throws SakshiException {
        Actor actor = CliSupport.actor(cases, caseDir, officer);
        CustodyEvent e = custody.note(caseDir, actor, text, CliSupport.splitIds(items));
        out().println(e.itemId() == null ? text().get("note.recorded", String.valueOf(e.seq()))
                : text().get("note.recordedOn", String.valueOf(e.seq()), e.itemId()));
        return SakshiCommand.OK;
    }
}
