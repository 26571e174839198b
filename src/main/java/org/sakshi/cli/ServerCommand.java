package org.sakshi.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sakshi.core.InputException;
import org.sakshi.core.SakshiException;
import org.sakshi.service.LabService;
import org.sakshi.service.LabCase;
import org.sakshi.service.LabServerSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sakshi server}: a lab's case server on PostgreSQL (server init, add, list, upgrade). */
@Command(name = "server", description = "A lab's case server on PostgreSQL (server init, add, list, upgrade).",
        subcommands = {ServerCommand.Init.class, ServerCommand.Add.class, ServerCommand.ListServers.class,
            ServerCommand.Upgrade.class},
        footer = {"  sakshi server init --db postgresql://db.lab:5432/sakshi \\",
                "      --vault /srv/sakshi-vault --name lab --app-user sakshi_ws"})
final class ServerCommand extends CliCommand {
    @Override
    public Integer call() {
        err().println("error: 'sakshi server' needs a subcommand: sakshi server init --db postgresql://HOST:PORT/DB"
                + " --vault DIR");
        return SakshiCommand.INPUT_ERROR;
    }

    static LabService need(LabService lab) throws InputException {
        if (lab == null) {
            throw new InputException("lab servers are not available in this setup of Sakshi");
        }
        return lab;
    }

    /** Where the password is: a file given, else the driver's PGPASSFILE or ~/.pgpass; never the command line. */
    static final String PASSWORD = "A file whose first line is the password (never give a password on the command"
            + " line); without it PGPASSFILE or ~/.pgpass is used.";

    static final String TLS_ROOT = "The lab's CA certificate (PEM): talk to the server only over TLS and only when its"
            + " certificate is issued under this root and names the host in --db (sslmode=verify-full).";

    /** {@code sakshi server init}. */
    @Command(name = "init", description = "Prepare a PostgreSQL database as the lab's case server (register, roles,"
            + " append-only rules) and save it in this workstation's settings. Run as the database's owner.",
            footer = {"  sakshi server init \\",
                    "      --db 'postgresql://admin@db.lab:5432/sakshi?sslmode=verify-full' \\",
                    "      --password-file ~/.sakshi/admin.pw --vault /srv/sakshi-vault \\",
                    "      --name lab --app-user sakshi_ws --app-password-file ~/.sakshi/ws.pw"})
    static final class Init extends CliCommand {
        @Option(names = "--db", required = true, paramLabel = "URL",
                description = "postgresql://[ADMIN@]HOST[:PORT]/DATABASE[?sslmode=verify-full&sslrootcert=FILE]; no"
                        + " password in it.")
        String db;

        @Option(names = "--vault", required = true, paramLabel = "DIR",
                description = "The shared folder (NFS/SMB mount) that holds the server's case folders and evidence.")
        Path vault;

        @Option(names = "--name", defaultValue = "lab", description = "The name cases and commands use (default: lab).")
        String name;

        @Option(names = "--user", paramLabel = "ADMIN", description = "The administrator role (default: the one in --db).")
        String user;

        @Option(names = "--password-file", paramLabel = "FILE", description = PASSWORD)
        Path passwordFile;

        @Option(names = "--app-user", paramLabel = "ROLE", description = "The login workstations use: created when"
                + " missing and made a member of sakshi_app, which may only INSERT and SELECT the ledger.")
        String appUser;

        @Option(names = "--app-password-file", paramLabel = "FILE", description = "The password for --app-user, from a"
                + " file.")
        Path appPasswordFile;

        @Option(names = "--tls-root-cert", paramLabel = "FILE", description = TLS_ROOT)
        Path tlsRoot;

        private final LabService lab;

        Init(LabService lab) {
            this.lab = lab;
        }

        @Override
        public Integer call() throws SakshiException {
            LabServerSummary s = need(lab).init(name, db, user, passwordFile, appUser, appPasswordFile, vault,
                    tlsRoot);
            out().println("Lab server " + s.name() + " is ready at " + s.address() + "; vault " + s.vault());
            out().println("This workstation connects as " + (s.user() == null ? "the default user" : s.user())
                    + ". Create cases on it with 'sakshi case init --server " + s.name() + " ...'");
            return SakshiCommand.OK;
        }
    }

    /** {@code sakshi server add}. */
    @Command(name = "add", description = "Save a lab server prepared elsewhere in this workstation's settings.",
            footer = {"  sakshi server add lab --db postgresql://sakshi_ws@db.lab:5432/sakshi \\",
                    "      --password-file ~/.sakshi/ws.pw --tls-root-cert ~/.sakshi/lab-ca.crt \\",
                    "      --vault /mnt/sakshi-vault"})
    static final class Add extends CliCommand {
        @Parameters(index = "0", paramLabel = "NAME", description = "The server's name (as its cases' server-case.json says).")
        String name;

        @Option(names = "--db", required = true, paramLabel = "URL", description = "postgresql://[USER@]HOST[:PORT]/DATABASE[?options].")
        String db;

        @Option(names = "--vault", required = true, paramLabel = "DIR", description = "Where the lab's shared vault is mounted here.")
        Path vault;

        @Option(names = "--user", paramLabel = "ROLE", description = "The login role (default: the one in --db).")
        String user;

        @Option(names = "--password-file", paramLabel = "FILE", description = PASSWORD)
        Path passwordFile;

        @Option(names = "--tls-root-cert", paramLabel = "FILE", description = TLS_ROOT)
        Path tlsRoot;

        private final LabService lab;

        Add(LabService lab) {
            this.lab = lab;
        }

        @Override
        public Integer call() throws SakshiException {
            LabServerSummary s = need(lab).add(name, db, user, passwordFile, vault, tlsRoot);
            out().println("Lab server " + s.name() + " (" + s.address() + ") saved; vault " + s.vault());
            return SakshiCommand.OK;
        }
    }

    /** {@code sakshi server upgrade}. */
    @Command(name = "upgrade", description = "Upgrade a lab server's register and case schemas to this Sakshi's"
            + " version. Run by the database's owner; nothing else changes the schema of an evidence database.",
            footer = {"  sakshi server upgrade lab --user sakshi_admin \\",
                    "      --password-file ~/.sakshi/admin.pw"})
    static final class Upgrade extends CliCommand {
        @Parameters(index = "0", paramLabel = "NAME", description = "The server, as this workstation knows it.")
        String name;

        @Option(names = "--user", paramLabel = "OWNER", description = "The role that owns the register (default: the"
                + " saved login).")
        String user;

        @Option(names = "--password-file", paramLabel = "FILE", description = PASSWORD)
        Path passwordFile;

        private final LabService lab;

        Upgrade(LabService lab) {
            this.lab = lab;
        }

        @Override
        public Integer call() throws SakshiException {
            int from = need(lab).upgrade(name, user, passwordFile);
            int to = LabService.schemaVersion();
            out().println(from == to ? "Lab server " + name + " already has schema version " + to
                    + "; its case schemas are up to date."
                    : "Lab server " + name + " upgraded from schema version " + from + " to " + to
                    + ", with every case schema.");
            return SakshiCommand.OK;
        }
    }

    /** {@code sakshi server list}. */
    @Command(name = "list", description = "List the lab servers this workstation knows, or one server's cases.",
            footer = {"  sakshi server list --cases lab"})
    static final class ListServers extends CliCommand {
        @Option(names = "--cases", paramLabel = "NAME", description = "List the cases in this server's register.")
        String cases;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        private final LabService lab;

        ListServers(LabService lab) {
            this.lab = lab;
        }

        @Override
        public Integer call() throws SakshiException {
            List<Map<String, Object>> rows = new ArrayList<>();
            if (cases != null) {
                for (LabCase c : need(lab).cases(cases)) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", c.id().toString());
                    m.put("number", c.number());
                    m.put("title", c.title());
                    m.put("folder", c.folder());
                    m.put("vault", c.vault());
                    m.put("created_at", c.createdAt().toString());
                    rows.add(m);
                }
            } else {
                for (LabServerSummary s : need(lab).list()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("name", s.name());
                    m.put("address", s.address());
                    m.put("user", s.user());
                    m.put("vault", s.vault().toString());
                    rows.add(m);
                }
            }
            if (json) {
                CliSupport.printJson(out(), rows);
            } else {
                for (Map<String, Object> m : rows) {
                    out().println(String.join("  ", m.values().stream().map(String::valueOf).toList()));
                }
            }
            return SakshiCommand.OK;
        }
    }
}
