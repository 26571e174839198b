package org.sakshi.service;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sakshi.core.Actor;
import org.sakshi.core.CaseInfo;
import org.sakshi.core.EventType;
import org.sakshi.core.InputException;
import org.sakshi.core.Jurisdiction;
import org.sakshi.core.SakshiException;
import org.sakshi.core.StorageException;
import org.sakshi.core.ledger.EventCodec;
import org.sakshi.core.ledger.EventDetails;
import org.sakshi.storage.CaseStore;
import org.sakshi.storage.EventDraft;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creating, opening and listing cases. A case is a folder: case.db, vault/, exports/. */
public final class CaseService {
    private static final Logger LOG = LoggerFactory.getLogger(CaseService.class);

    private final CaseAccess access;

    public CaseService(CaseAccess access) {
        this.access = access;
    }

    /** Creates the case folder and its store, and records CASE_CREATED. Refuses a folder that already holds a case. */
    public CaseInfo create(Path caseDir, NewCase request) throws SakshiException {
        return create(caseDir, request, null);
    }

    /**
     * As {@link #create(Path, NewCase)}; with {@code server} (a lab server's name in this
     * workstation's settings) the case is kept on that server and {@code caseDir} becomes its place
     * (holding {@code server-case.json} and the case's files, normally on the server's shared vault).
     */
    public CaseInfo create(Path caseDir, NewCase request, String server) throws SakshiException {
        if (request.number() == null || request.number().isBlank()) {
            throw new InputException("a case needs a number (--number)");
        }
        if (request.title() == null || request.title().isBlank()) {
            throw new InputException("a case needs a title (--title)");
        }
        if (request.officer() == null) {
            throw new InputException("a case needs a default officer (--officer)");
        }
        ZoneId zone = request.zone() == null ? ZoneId.systemDefault() : request.zone();
        Jurisdiction j = request.jurisdiction() == null ? Jurisdiction.OTHER : request.jurisdiction();
        String agency = request.agency() != null ? request.agency() : request.officer().agency();
        CaseInfo info = new CaseInfo(UUID.randomUUID(), request.number(), request.title(), agency, j,
                request.officer().name(), zone, EventCodec.ledgerTime(access.clock().now()));
        try (CaseStore s = server == null ? access.create(caseDir, info) : access.createOnServer(server, caseDir, info)) {
            try {
                for (String sub : List.of("vault", "exports", "records", "derived")) {
                    org.sakshi.core.OwnerOnly.dir(caseDir.resolve(sub));
                }
            } catch (IOException e) {
                throw new StorageException("cannot create the folders of the case " + caseDir + " ("
                        + e.getMessage() + ")", e);
            }
            Actor actor = request.officer();
            Map<String, Object> d = EventDetails.CaseCreated.of(info.number(), info.title(), info.agency(),
                    info.jurisdiction().name(), info.zone().getId());
            s.tx(() -> s.append(new EventDraft(EventType.CASE_CREATED.name(), actor, null, null, d)));
            return info;
        }
    }

    /** Reads a case's metadata; InputException when the folder is not a case, StorageException for a newer schema. */
    public CaseInfo open(Path caseDir) throws SakshiException {
        try (CaseStore s = access.read(caseDir)) {
            return s.caseInfo();
        }
    }

    /**
     * Removes the plain copies an export or receipt left in this case when it was stopped (killed,
     * power lost): {@code exports/.staging-*} and {@code .decrypt-*} whose lock no process holds.
     * Folders in use are kept. Never throws; returns how many were removed.
     */
    public int sweepLeftovers(Path caseDir) {
        return WorkFolders.sweep(caseDir).size();
    }

    /** The cases directly inside a workspace folder, most recent activity first. Unreadable folders are skipped. */
    public List<CaseSummary> list(Path workspace) {
        List<CaseSummary> out = new ArrayList<>();
        if (!Files.isDirectory(workspace)) {
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(workspace)) {
            for (Path d : ds) {
                if (!Files.isRegularFile(d.resolve(CaseStore.DB)) && !org.sakshi.storage.ServerLink.isLink(d)) {
                    continue;
                }
                try (CaseStore s = access.read(d)) {
                    Instant last = s.lastActivity().orElse(s.caseInfo().createdAt());
                    out.add(new CaseSummary(d, s.caseInfo(), s.items().size(), last));
                } catch (SakshiException | RuntimeException e) {
                    LOG.warn("skipping {}: {}", d, e.getMessage());
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot list the workspace {}: {}", workspace, e.getMessage());
        }
        out.sort(Comparator.comparing(CaseSummary::lastActivity).reversed());
        return out;
    }
}
