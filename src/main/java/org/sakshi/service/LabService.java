package org.sakshi.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.sakshi.core.Actor;
import org.sakshi.core.CustodyEvent;
import org.sakshi.core.EventType;
import org.sakshi.core.InputException;
import org.sakshi.core.IntegrityException;
import org.sakshi.core.SakshiException;
import org.sakshi.core.StorageException;
import org.sakshi.core.audit.AuditOptions;
import org.sakshi.core.audit.AuditReport;
import org.sakshi.core.ledger.EventDetails;
import org.sakshi.storage.CaseStore;
import org.sakshi.storage.EventDraft;
import org.sakshi.storage.LabServer;
import org.sakshi.storage.ServerConfig;
import org.sakshi.storage.ServerLink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lab's case server (docs/architecture.md#lab-server): preparing it, this workstation's list of
 * servers, moving a case between a folder and a server with its ledger verified before and after
 * and a CASE_MOVED event, and the lab-wide audit.
 */
public final class LabService {
    private static final Logger LOG = LoggerFactory.getLogger(LabService.class);
    /** The case files that move with the ledger. */
    private static final List<String> FILES = List.of("vault", "records", "derived", "exports");

    private final CaseAccess access;
    private final LabServers servers;
    private final CustodyService custody;
    private final AuditService audits;

    public LabService(CaseAccess access, LabServers servers, CustodyService custody, AuditService audits) {
        this.access = access;
        this.servers = servers;
        this.custody = custody;
        this.audits = audits;
    }

    public LabServers servers() {
        return servers;
    }

    /** {@code server init} (see {@link LabServers#init}). */
    public LabServerSummary init(String name, String address, String adminUser, Path adminPasswordFile, String appUser,
                                 Path appPasswordFile, Path vault) throws SakshiException {
        return init(name, address, adminUser, adminPasswordFile, appUser, appPasswordFile, vault, null);
    }

    /** {@code server init --tls-root-cert FILE}: TLS with {@code sslmode=verify-full} against {@code tlsRoot}. */
    public LabServerSummary init(String name, String address, String adminUser, Path adminPasswordFile, String appUser,
                                 Path appPasswordFile, Path vault, Path tlsRoot) throws SakshiException {
        return summary(servers.init(name, address, adminUser, adminPasswordFile, appUser, appPasswordFile, vault,
                tlsRoot));
    }

    /** {@code server add} (see {@link LabServers#add}). */
    public LabServerSummary add(String name, String address, String user, Path passwordFile, Path vault)
            throws SakshiException {
        return add(name, address, user, passwordFile, vault, null);
    }

    /** {@code server add --tls-root-cert FILE}: TLS with {@code sslmode=verify-full} against {@code tlsRoot}. */
    public LabServerSummary add(String name, String address, String user, Path passwordFile, Path vault, Path tlsRoot)
            throws SakshiException {
        return summary(servers.add(name, address, user, passwordFile, vault, tlsRoot));
    }

    /**
     * {@code server upgrade NAME}: as the register's owner ({@code ownerUser}, else the saved login),
     * upgrades the server's register and case schemas; returns the register version found before
     * (equal to {@link #schemaVersion()} when there was nothing to do).
     */
    public int upgrade(String name, String ownerUser, Path ownerPasswordFile) throws SakshiException {
        return servers.upgrade(name, ownerUser, ownerPasswordFile);
    }

    /** The register version this Sakshi reads and writes. */
    public static int schemaVersion() {
        return LabServer.REGISTER_VERSION;
    }

    /** The servers this workstation knows. */
    public List<LabServerSummary> list() throws SakshiException {
        return servers.list().stream().map(LabService::summary).toList();
    }

    /** One server as this workstation knows it; InputException saying how to add it when unknown. */
    public LabServerSummary server(String name) throws SakshiException {
        return summary(servers.server(name));
    }

    /** The cases in a server's register, oldest first. */
    public List<LabCase> cases(String name) throws SakshiException {
        return servers.cases(name).stream().map(LabService::labCase).toList();
    }

    private static LabServerSummary summary(ServerConfig c) {
        return new LabServerSummary(c.name(), c.url(), c.user(), c.vault());
    }

    private static LabCase labCase(LabServer.ServerCase c) {
        return new LabCase(c.id(), c.number(), c.title(), c.folder(), c.vault(), c.createdAt());
    }

    /** One case of a lab-wide audit: its register row, its folder here, and the audit or why it could not run. */
    public record CaseAudit(LabCase entry, Path folder, AuditReport report, String problem) {
    }

    /**
     * Audits every case in the server's register. A case whose folder cannot be reached from this
     * workstation (the register's path, else the server's vault folder with the same folder name)
     * or cannot be read is listed with the problem instead of a report.
     */
    public List<CaseAudit> auditAll(String serverName, AuditOptions options) throws SakshiException {
        ServerConfig server = servers.server(serverName);
        List<CaseAudit> out = new ArrayList<>();
        for (LabServer.ServerCase c : LabServer.cases(server)) {
            Path folder = reachable(server, c.folder());
            if (folder == null) {
                out.add(new CaseAudit(labCase(c), null, null, "its folder " + c.folder() + " is not reachable from this"
                        + " workstation; mount the lab's vault at " + server.vault()));
                continue;
            }
            try {
                out.add(new CaseAudit(labCase(c), folder, audits.auditCase(folder, options), null));
            } catch (SakshiException e) {
                out.add(new CaseAudit(labCase(c), folder, null, e.getMessage()));
            }
        }
        return out;
    }

    /**
     * The folder of a server's case as this workstation reaches it: the register's path, else the
     * server's vault folder with the same folder name; InputException saying what to mount when neither is a case.
     */
    public Path folder(String serverName, LabCase c) throws SakshiException {
        ServerConfig server = servers.server(serverName);
        Path folder = reachable(server, c.folder());
        if (folder == null) {
            throw new InputException("the folder " + c.folder() + " of case " + c.number() + " is not reachable from this"
                    + " workstation; mount the lab's vault at " + server.vault());
        }
        return folder;
    }

    private static Path reachable(ServerConfig server, String registered) {
        Path folder = Path.of(registered);
        if (!ServerLink.isLink(folder)) {
            folder = server.vault().resolve(folder.getFileName().toString());
        }
        return ServerLink.isLink(folder) ? folder : null;
    }

    /**
     * Moves a folder case onto a lab server: verifies its ledger, copies every record and the
     * ledger (as stored) in one transaction and the case files to {@code target} (default: the
     * server's vault folder with the case folder's name; the folder the server keeps for it when it has held the
     * case before), verifies the copy ends with the same head,
     * records CASE_MOVED in the folder and the same event on the server, and closes the folder to
     * changes. Returns the new place.
     */
    public Path moveToServer(Path folder, String serverName, Path target, Actor actor) throws SakshiException {
        servers.server(serverName); // an unknown name is refused before anything else
        return move(folder, target, serverName, actor);
    }

    /** Moves a server case back into a new folder case at {@code target}, the same way. */
    public Path moveToFolder(Path serverCase, Path target, Actor actor) throws SakshiException {
        if (target == null) {
            throw new InputException("give the new folder with --to-folder DIR");
        }
        return move(serverCase, target, null, actor);
    }

    /** A step of a move where a test stands in for a crash or a lost server; does nothing otherwise. */
    interface MoveFault {
        void at(String step) throws SakshiException;
    }

    /** Tests only: called after the copy is verified ({@code copied}) and after the old place recorded CASE_MOVED ({@code closed}). */
    static volatile MoveFault faults = step -> { };

    /**
     * One move, safe to run again after any failure (docs/custody-ledger.md#on-a-lab-server): the
     * new place is made {@code arriving} (closed) and filled and verified while the old place stays
     * open; a failure up to here leaves the old place as it was and running the move again starts
     * over (a half-made folder is removed, a server copy is caught up). Then the old place closes
     * and records CASE_MOVED (a folder first writes its {@code moving} marker, removed again if the
     * event is not recorded; a server case records the event and its closure in one transaction);
     * from here the move can only go forward: running it again copies the tail to the new place
     * and opens it. At no moment is the case open in two places, and each ledger verifies throughout.
     */
    private Path move(Path from, Path to, String serverName, Actor actor) throws SakshiException {
        LedgerStatus before = custody.verify(from);
        if (!before.intact()) {
            throw new IntegrityException("the ledger of " + from + " is not intact (" + before.message() + "); a case is"
                    + " moved only with an intact ledger. Run 'sakshi custody verify " + from + "' and report it");
        }
        String toPlace = serverName != null ? "server:" + serverName : "folder:" + to.toAbsolutePath().normalize();
        String fromPlace;
        String closedPlace;
        try (CaseStore src = access.forMove(from)) {
            boolean fromServer = src.server().isPresent();
            if (serverName != null && fromServer) {
                throw new InputException(from + " is already a server case; move it back with --to-folder DIR first");
            }
            if (serverName == null && !fromServer) {
                throw new InputException(from + " is a folder case; move it to a server with --to-server NAME");
            }
            fromPlace = fromServer ? "server:" + src.server().get().name() : "folder:" + from.toAbsolutePath().normalize();
            ServerConfig server = serverName != null ? servers.server(serverName) : null;
            if (server != null) {
                to = serverFolder(server, src.caseInfo().id(), to);
                if (to == null) {
                    to = server.vault().resolve(from.toAbsolutePath().normalize().getFileName().toString());
                }
            }
            closedPlace = server != null ? toPlace + " (" + to.toAbsolutePath().normalize() + ")" : toPlace;
            java.util.Optional<CaseStore.Closure> closure = src.closure();
            if (closure.isPresent() && LabServer.ARRIVING.equals(closure.get().state())) {
                throw new InputException(from + " is itself still being moved here from " + closure.get().place()
                        + "; finish that move first by running it again");
            }
            if (closure.isPresent() && !closure.get().place().equals(closedPlace)) {
                throw new InputException("the case in " + from + " was moved to " + closure.get().place() + "; it can"
                        + " only be moved from where it lives now");
            }
            CustodyEvent moved = recordedMove(src, fromPlace, toPlace);
            if (moved == null) {
                if (closure.isPresent() && CaseStore.MOVING.equals(closure.get().state())) {
                    src.unmarkMoving(); // an earlier run stopped before CASE_MOVED: open here until this run closes it
                }
                src.signHead(); // the copy carries heads that cover every event, also one adopted just now
                CustodyEvent head = src.lastEvents(1).get(0);
                if (server != null) {
                    copyToServer(src, server, to, fromPlace);
                } else {
                    copyToFolder(src, to, fromPlace);
                }
                copyFiles(from, to);
                LedgerStatus copied = custody.verify(to);
                if (!copied.intact() || copied.events() != head.seq() || !head.hash().equals(copied.head())) {
                    throw new IntegrityException("the copy of " + from + " at " + to + " does not end with the same"
                            + " verified ledger (" + copied.message() + "); the case was not moved and " + from
                            + " is unchanged");
                }
                faults.at("copied");
                moved = closeSource(src, fromServer, fromPlace, toPlace, closedPlace, head, actor);
            }
            faults.at("closed");
            finishAt(src, to, moved);
            if (!fromServer) {
                src.markMoved(closedPlace);
            }
        }
        LedgerStatus after = custody.verify(to);
        if (!after.intact()) {
            throw new IntegrityException("the moved case at " + to + " does not verify (" + after.message() + "); report"
                    + " it and keep using " + from);
        }
        LOG.info("case moved from {} to {} ({} events)", fromPlace, toPlace, after.events());
        return to;
    }

    /** The CASE_MOVED from {@code fromPlace} to {@code toPlace} that ends the old place's ledger, or null. */
    private static CustodyEvent recordedMove(CaseStore src, String fromPlace, String toPlace) throws SakshiException {
        List<CustodyEvent> last = src.lastEvents(1);
        if (last.isEmpty()) {
            return null;
        }
        CustodyEvent e = last.get(0);
        return EventType.CASE_MOVED.name().equals(e.type())
                && fromPlace.equals(e.details().get(EventDetails.CaseMoved.FROM))
                && toPlace.equals(e.details().get(EventDetails.CaseMoved.TO)) ? e : null;
    }

    /**
     * Where a case goes on a server: the folder its register names when the server already keeps a
     * copy (closed since it moved away, or half-made), else {@code target} or the vault's folder
     * named like the case folder.
     */
    private Path serverFolder(ServerConfig server, java.util.UUID id, Path target) throws SakshiException {
        java.util.Optional<String> kept = LabServer.registeredFolder(server, id);
        if (kept.isEmpty()) {
            return target;
        }
        Path folder = reachable(server, kept.get());
        if (folder == null) {
            throw new InputException("the lab server " + server.name() + " keeps this case's folder at " + kept.get()
                    + ", which is not reachable from this workstation; mount the lab's vault at " + server.vault());
        }
        if (target != null && !target.toAbsolutePath().normalize().equals(folder.toAbsolutePath().normalize())) {
            throw new InputException("the lab server " + server.name() + " keeps this case's folder at " + folder
                    + "; move it back there (leave out --to)");
        }
        return folder;
    }

    private void copyToServer(CaseStore src, ServerConfig server, Path to, String fromPlace) throws SakshiException {
        if (ServerLink.isLink(to)) { // the server keeps a copy: closed since the case moved away, or half-made
            try (CaseStore d = access.forMove(to)) {
                java.util.Optional<CaseStore.Closure> c = d.closure();
                if (c.isEmpty()) {
                    throw new InputException("the lab server " + server.name() + " holds this case open at " + to
                            + "; it lives there already, so use it there");
                }
                d.catchUpFrom(src, fromPlace);
            }
            return;
        }
        if (Files.exists(to) && !isEmptyDir(to)) {
            throw new InputException(to + " is not empty; give a new or empty folder for the moved case");
        }
        CaseStore.copyToServer(src, server, to, access.clock(), access.workstation(), access.ledgerKey(), fromPlace)
                .close();
    }

    private void copyToFolder(CaseStore src, Path to, String fromPlace) throws SakshiException {
        if (Files.exists(to) && !isEmptyDir(to)) {
            if (!CaseStore.arrivingCase(to).equals(java.util.Optional.of(src.caseInfo().id()))) {
                throw new InputException(to + " is not empty; give a new or empty folder for the moved case");
            }
            try {
                CaseAccess.deleteTree(to); // what an earlier, failed run of this move left: made again from the start
            } catch (IOException e) {
                throw new StorageException("cannot remove the unfinished copy " + to + " of an earlier move ("
                        + e.getMessage() + "); remove it and run the move again", e);
            }
        }
        try {
            CaseStore.copyToFolder(src, to, access.clock(), access.workstation(), access.lockWait(), access.ledgerKey(),
                    fromPlace).close();
        } catch (SakshiException | RuntimeException e) {
            deleteQuietly(to); // a half-made folder copy, still marked arriving: nobody used it
            throw e;
        }
    }

    /** Closes the old place and records CASE_MOVED there: after this the move only goes forward. */
    private CustodyEvent closeSource(CaseStore src, boolean fromServer, String fromPlace, String toPlace,
                                     String closedPlace, CustodyEvent head, Actor actor) throws SakshiException {
        Actor who = CaseAccess.actorOr(actor, src.caseInfo());
        if (!fromServer) {
            src.markMoving(closedPlace);
        }
        try {
            return src.tx(() -> {
                CustodyEvent e = src.append(new EventDraft(EventType.CASE_MOVED.name(), who, null, null,
                        EventDetails.CaseMoved.of(fromPlace, toPlace, head.seq(), head.hash())));
                if (fromServer) {
                    src.markMoved(closedPlace);
                }
                return e;
            });
        } catch (SakshiException | RuntimeException e) {
            if (!fromServer) {
                try {
                    src.unmarkMoving();
                } catch (SakshiException again) {
                    e.addSuppressed(again);
                }
            }
            throw e;
        }
    }

    /**
     * Gives the new place the events the old one recorded after the copy (a KEY_ENROLLED of this
     * workstation's key, when it first wrote there, and CASE_MOVED) and opens it. Refused when the
     * new place is neither arriving nor already holding that CASE_MOVED (the case moved on from it).
     */
    private void finishAt(CaseStore src, Path to, CustodyEvent moved) throws SakshiException {
        try (CaseStore d = access.forMove(to)) {
            java.util.Optional<CaseStore.Closure> c = d.closure();
            List<CustodyEvent> mine = d.lastEvents(1);
            long have = mine.isEmpty() ? 0 : mine.get(0).seq();
            if (c.isEmpty() || !LabServer.ARRIVING.equals(c.get().state())) {
                if (c.isEmpty() && have >= moved.seq()
                        && d.lastEvents((int) (have - moved.seq() + 1)).get(0).hash().equals(moved.hash())) {
                    return; // finished before
                }
                throw new InputException("the case at " + to + " is not waiting for this move (it is "
                        + (c.isEmpty() ? "open" : c.get().state() + " " + c.get().place()) + "); nothing was changed");
            }
            List<CustodyEvent> tail = src.lastEvents((int) (moved.seq() - have));
            d.tx(() -> {
                for (CustodyEvent e : tail) {
                    d.appendCopy(e);
                }
                if (d.server().isPresent()) {
                    d.markArrived();
                }
                return null;
            });
            if (d.server().isEmpty()) {
                d.markArrived();
            }
        }
    }

    private static boolean isEmptyDir(Path p) throws StorageException {
        if (!Files.isDirectory(p)) {
            return false;
        }
        try (Stream<Path> s = Files.list(p)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            throw new StorageException("cannot read " + p + " (" + e.getMessage() + ")", e);
        }
    }

    /** Copies the case files; each copy is written beside its target, forced to disk and renamed into place. */
    private static void copyFiles(Path from, Path to) throws StorageException {
        for (String sub : FILES) {
            Path src = from.resolve(sub);
            if (!Files.isDirectory(src)) {
                continue;
            }
            try (Stream<Path> s = Files.walk(src)) {
                for (Path p : s.toList()) {
                    Path dst = to.resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                        org.sakshi.core.OwnerOnly.dir(dst);
                    } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                        if (p.getFileName().toString().endsWith(".part")) {
                            continue; // an unfinished write of an interrupted import
                        }
                        Path tmp = dst.resolveSibling(dst.getFileName() + ".moving");
                        Files.copy(p, tmp, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                        try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.READ)) {
                            ch.force(true);
                        }
                        Files.move(tmp, dst, StandardCopyOption.ATOMIC_MOVE);
                    }
                }
            } catch (IOException e) {
                throw new StorageException("cannot copy the case files from " + src + " to " + to + " (" + e.getMessage()
                        + "); nothing was moved: free space or fix permissions and try again", e);
            }
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            CaseAccess.deleteTree(p);
        } catch (IOException e) {
            LOG.warn("could not remove the unfinished copy {}: {}", p, e.getMessage());
        }
    }
}
