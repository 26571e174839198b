package org.sakshi.cli;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sakshi.core.Actor;
import org.sakshi.core.CaseInfo;
import org.sakshi.core.InputException;
import org.sakshi.core.Jurisdiction;
import org.sakshi.core.SakshiException;
import org.sakshi.core.ledger.EventCodec;
import org.sakshi.service.CaseService;
import org.sakshi.service.NewCase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sakshi case}: Create cases (case init). */
@Command(name = "case", description = "Create cases (case init), move them to a lab server and back (case move),"
        + " and rewrite a case's database with large pages (case compact).",
        subcommands = {CaseCommand.Init.class, CaseCommand.Move.class, CaseCommand.Compact.class},
        footer = {"  sakshi case init ./FIR-112 --number \"FIR 112/2021\" \\",
                "      --title \"Trafficking, Howrah\" --officer \"Insp. A. Verma\" \\",
                "      --jurisdiction IN --zone Asia/Kolkata"})
final class CaseCommand extends CliCommand {
    @Override
    public Integer call() {
        err().println("error: 'sakshi case' needs a subcommand: sakshi case init CASE_DIR --number NUM --title TEXT"
                + " --officer NAME");
        return SakshiCommand.INPUT_ERROR;
    }

    /** {@code sakshi case init CASE_DIR --number NUM --title TEXT --officer NAME [...]}. */
    @Command(name = "init", description = "Create a new case folder (case.db, vault/, exports/) and record CASE_CREATED.",
            footer = {"  sakshi case init ./FIR-112 --number \"FIR 112/2021\" \\",
                    "      --title \"Trafficking, Howrah\" --officer \"Insp. A. Verma\" \\",
                    "      --jurisdiction IN --zone Asia/Kolkata"})
    static final class Init extends CliCommand {
        @Parameters(index = "0", arity = "0..1", paramLabel = "CASE_DIR", description = "Folder to create the case in"
                + " (new or empty); with --server, default: the server's vault folder / the case number.")
        Path caseDir;

        @Option(names = "--server", paramLabel = "NAME", description = "Keep the case on this lab server (see 'sakshi"
                + " server init'); CASE_DIR then holds its link and files, normally on the server's shared vault.")
        String server;

        @Option(names = "--number", required = true, description = "Case or FIR number.")
        String number;

        @Option(names = "--title", required = true, description = "Case title.")
        String title;

        @Option(names = "--officer", required = true, description = "Default officer (investigating officer).")
        String officer;

        @Option(names = "--rank", description = "The officer's rank.")
        String rank;

        @Option(names = "--badge", description = "The officer's badge or staff number.")
        String badge;

        @Option(names = "--agency", description = "Agency (police station, unit, NGO).")
        String agency;

        @Option(names = "--jurisdiction", description = "IN|US|NP|BD|OTHER (default: OTHER).")
        Jurisdiction jurisdiction;

        @Option(names = "--zone", description = "Time zone of the case, e.g. Asia/Kolkata (default: this computer's).")
        String zone;

        @Option(names = "--json", description = "Print the new case as JSON.")
        boolean json;

        private final CaseService cases;
        private final org.sakshi.service.LabService lab;

        Init(CaseService cases) {
            this(cases, null);
        }

        Init(CaseService cases, org.sakshi.service.LabService lab) {
            this.cases = cases;
            this.lab = lab;
        }

        @Override
        public Integer call() throws SakshiException {
            ZoneId z;
            try {
                z = zone == null ? ZoneId.systemDefault() : ZoneId.of(zone);
            } catch (DateTimeException e) {
                throw new InputException("--zone " + zone + " is not a time zone; give a region like Asia/Kolkata");
            }
            if (officer.isBlank()) {
                throw new InputException("--officer must name the case's officer");
            }
            if (caseDir == null && server == null) {
                throw new InputException("give the folder to create the case in (CASE_DIR), or --server NAME");
            }
            if (caseDir == null) {
                caseDir = ServerCommand.need(lab).server(server).vault()
                        .resolve(number.strip().replaceAll("[^A-Za-z0-9._-]+", "-"));
            }
            CaseInfo info = cases.create(caseDir, new NewCase(number, title, agency, jurisdiction, z,
                    new Actor(officer, rank, badge, agency, null)), server);
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", info.id().toString());
                m.put("dir", caseDir.toAbsolutePath().toString());
                m.put("number", info.number());
                m.put("title", info.title());
                m.put("agency", info.agency());
                m.put("jurisdiction", info.jurisdiction().name());
                m.put("officer", info.defaultOfficer());
                m.put("zone", info.zone().getId());
                m.put("created_at", EventCodec.formatAt(info.createdAt()));
                CliSupport.printJson(out(), m);
            } else {
                out().println(text().get("case.created", info.number(), info.title(), caseDir));
                out().println(text().get("case.details", info.id(), info.defaultOfficer(), info.zone()));
                if (server != null) {
                    out().println(text().get("case.onServer", server));
                }
            }
            return SakshiCommand.OK;
        }
    }

    /** {@code sakshi case move CASE_DIR --to-server NAME | --to-folder DIR}. */
    @Command(name = "move", description = "Move a case folder onto a lab server, or a server case back into a folder:"
            + " the ledger is verified before and after, CASE_MOVED is recorded, and the old place is closed to changes.",
            footer = {"  sakshi case move ./FIR-112 --to-server lab --officer \"Insp. A. Verma\""})
    static final class Move extends CliCommand {
        @Parameters(index = "0", paramLabel = "CASE_DIR", description = "The case to move.")
        Path caseDir;

        @Option(names = "--to-server", paramLabel = "NAME", description = "Move the folder case onto this lab server.")
        String toServer;

        @Option(names = "--to", paramLabel = "DIR", description = "With --to-server: the case's new folder (default:"
                + " the server's vault folder / the case folder's name).")
        Path to;

        @Option(names = "--to-folder", paramLabel = "DIR", description = "Move the server case into this new folder.")
        Path toFolder;

        @Option(names = "--officer", description = "Who moves it (default: the case's officer).")
        String officer;

        private final org.sakshi.service.LabService lab;

        Move(org.sakshi.service.LabService lab) {
            this.lab = lab;
        }

        @Override
        public Integer call() throws SakshiException {
            if ((toServer == null) == (toFolder == null)) {
                throw new InputException("give exactly one of --to-server NAME and --to-folder DIR");
            }
            Actor actor = officer == null || officer.isBlank() ? null : Actor.named(officer);
            Path moved = toServer != null
                    ? ServerCommand.need(lab).moveToServer(caseDir, toServer, to, actor)
                    : ServerCommand.need(lab).moveToFolder(caseDir, toFolder, actor);
            out().println(text().get("case.moved", caseDir, moved));
            return SakshiCommand.OK;
        }
    }

    /** {@code sakshi case compact CASE_DIR [--json] [officer options]}. */
    @Command(name = "compact", description = "Rewrite the case's database (case.db) with 32 KiB pages, which makes"
            + " 'custody verify' of a large ledger faster: the ledger is verified before and after, CASE_COMPACTED"
            + " is recorded, and a crash leaves either the old or the new database. Never done on its own.",
            footer = "  sakshi case compact ./FIR-112 --officer \"Insp. A. Verma\"")
    static final class Compact extends CliCommand {
        @Parameters(index = "0", paramLabel = "CASE_DIR", description = "The case folder.")
        Path caseDir;

        @Option(names = "--json", description = "Print {page_size_before, page_size, size_before, size, events, head}.")
        boolean json;

        @picocli.CommandLine.Mixin
        OfficerOptions officer;

        private final CaseService cases;
        private final org.sakshi.service.CustodyService custody;

        Compact(CaseService cases, org.sakshi.service.CustodyService custody) {
            this.cases = cases;
            this.custody = custody;
        }

        @Override
        public Integer call() throws SakshiException {
            Actor actor = CliSupport.actor(cases, caseDir, officer);
            org.sakshi.service.CustodyService.Compacted c = custody.compact(caseDir, actor);
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("page_size_before", c.pageSizeBefore());
                m.put("page_size", c.pageSize());
                m.put("size_before", c.sizeBefore());
                m.put("size", c.size());
                m.put("events", c.events());
                m.put("head", c.head());
                CliSupport.printJson(out(), m);
            } else {
                // sizes and seq as plain digits in every language (no grouping, no native digits)
                out().println(text().get("case.compacted", caseDir.resolve("case.db"), String.valueOf(c.pageSizeBefore()),
                        String.valueOf(c.pageSize()), String.valueOf(c.sizeBefore()), String.valueOf(c.size()),
                        String.valueOf(c.events()), c.head()));
            }
            return SakshiCommand.OK;
        }
    }
}
