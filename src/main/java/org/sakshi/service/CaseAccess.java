package org.sakshi.service;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;
import org.sakshi.core.Actor;
import org.sakshi.core.CaseInfo;
import org.sakshi.core.Clock;
import org.sakshi.core.SakshiException;
import org.sakshi.core.StorageException;
import org.sakshi.core.Workstation;
import org.sakshi.core.ledger.HeadSigner;
import org.sakshi.hashing.HashPipeline;
import org.sakshi.signing.WorkstationKey;
import org.sakshi.storage.CaseStore;
import org.sakshi.storage.ServerDirectory;
import org.sakshi.vault.SinkFactory;
import org.sakshi.vault.Vault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every service needs to reach a case: the clock and workstation for custody events, how the
 * vault writes, how long to wait for a busy case. Opening a case for writing first finishes what a
 * crashed or killed import left behind (temp files, blobs and records no item refers to), so that
 * nothing unrecorded is ever visible in the case.
 * <p>Case folder layout: {@code case.db}, {@code case.lock}, {@code vault/}, {@code exports/},
 * {@code records/<ITEM>.jsonl} (parsed messages or members, one JSON object per line),
 * {@code derived/<ITEM>/<name>} (thumbnails and other parser output).
 */
public final class CaseAccess {
    private static final Logger LOG = LoggerFactory.getLogger(CaseAccess.class);

    private final Clock clock;
    private final Workstation workstation;
    private final SinkFactory sinks;
    private final Duration lockWait;
    private final HashPipeline pipeline = new HashPipeline();
    private final Path profile;
    private final ServerDirectory servers;
    private HeadSigner key;

    /** With this user's profile folder ({@link WorkstationKey#profileDir()}) for the ledger key. */
    public CaseAccess(Clock clock, Workstation workstation, SinkFactory sinks, Duration lockWait) {
        this(clock, workstation, sinks, lockWait, WorkstationKey.profileDir());
    }

    /**
     * @param profile the profile folder holding this workstation's ledger key ({@code workstation-key.pem},
     *                made at first use) and {@code trusted-ledger-keys.txt}
     */
    public CaseAccess(Clock clock, Workstation workstation, SinkFactory sinks, Duration lockWait, Path profile) {
        this(clock, workstation, sinks, lockWait, profile, new LabServers(profile));
    }

    /** As above, finding lab servers of server cases in {@code servers} instead of the profile's settings. */
    public CaseAccess(Clock clock, Workstation workstation, SinkFactory sinks, Duration lockWait, Path profile,
                      ServerDirectory servers) {
        this.clock = clock;
        this.workstation = workstation;
        this.sinks = sinks;
        this.lockWait = lockWait;
        this.profile = profile;
        this.servers = servers;
    }

    /** Where the lab servers of server cases are found. */
    public ServerDirectory servers() {
        return servers;
    }

    /** This workstation's ledger key, loaded (or made) at first use. */
    public synchronized HeadSigner ledgerKey() throws SakshiException {
        if (key == null) {
            key = WorkstationKey.loadOrCreate(profile, workstation == null ? null : workstation.host());
        }
        return key;
    }

    /** Keys {@code custody verify} trusts: this workstation's own and those listed in the profile. */
    public Set<String> trustedKeys() throws SakshiException {
        Set<String> t = new java.util.LinkedHashSet<>(WorkstationKey.trustedKeys(profile));
        t.add(ledgerKey().fingerprint());
        return t;
    }

    /** System clock, this machine, O_DIRECT vault writes, a 3 s wait for a busy case. */
    public static CaseAccess defaults(Workstation ws) {
        return new CaseAccess(Clock.SYSTEM, ws, SinkFactory.DIRECT, Duration.ofSeconds(3));
    }

    public Clock clock() {
        return clock;
    }

    public Workstation workstation() {
        return workstation;
    }

    public Duration lockWait() {
        return lockWait;
    }

    CaseStore read(Path caseDir) throws SakshiException {
        return CaseStore.openRead(caseDir, clock, workstation, servers);
    }

    CaseStore write(Path caseDir) throws SakshiException {
        return tidied(CaseStore.openWrite(caseDir, clock, workstation, lockWait, ledgerKey(), servers), caseDir);
    }

    /** As {@link #write}, for a case move: also opens a place closed because a move is half-way, to finish it. */
    CaseStore forMove(Path caseDir) throws SakshiException {
        return tidied(CaseStore.openForMove(caseDir, clock, workstation, lockWait, ledgerKey(), servers), caseDir);
    }

    private CaseStore tidied(CaseStore s, Path caseDir) throws SakshiException {
        try {
            if (s.server().isEmpty()) { // on a server, other workstations' imports may be half-way: nothing is tidied
                recover(s);
            }
        } catch (IOException e) {
            s.close();
            throw new StorageException("could not tidy the case " + caseDir + " after an interrupted operation ("
                    + e.getMessage() + ")", e);
        } catch (SakshiException | RuntimeException e) {
            s.close();
            throw e;
        }
        return s;
    }

    CaseStore create(Path caseDir, CaseInfo info) throws SakshiException {
        return CaseStore.create(caseDir, info, clock, workstation, lockWait, ledgerKey());
    }

    CaseStore createOnServer(String server, Path caseDir, CaseInfo info) throws SakshiException {
        return CaseStore.createOnServer(servers.server(server), caseDir, info, clock, workstation, ledgerKey());
    }

    Vault vault(Path caseDir) {
        Vault v = new Vault(caseDir.resolve("vault"), sinks, pipeline);
        return org.sakshi.storage.ServerLink.isLink(caseDir) ? v.shared() : v; // several workstations write it at once
    }

    static Path recordsFile(Path caseDir, String itemId) {
        return caseDir.resolve("records").resolve(itemId + ".jsonl");
    }

    static Path derivedDir(Path caseDir, String itemId) {
        return caseDir.resolve("derived").resolve(itemId);
    }

    /** The acting officer, or the case's default officer when none was named. */
    static Actor actorOr(Actor actor, CaseInfo info) {
        return actor != null ? actor : new Actor(info.defaultOfficer(), null, null, info.agency(), null);
    }

    /** Removes leftovers of an import that never reached its commit. Runs under the write lock only. */
    private void recover(CaseStore s) throws IOException, SakshiException {
        Path dir = s.dir();
        Vault v = vault(dir);
        int tmp = v.cleanTemp();
        Set<String> referenced = s.referencedBlobs();
        int orphans = 0;
        for (String b : v.blobs()) {
            if (!referenced.contains(b)) {
                v.delete(b);
                orphans++;
            }
        }
        Set<String> ids = s.itemIds();
        Path records = dir.resolve("records");
        if (Files.isDirectory(records)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(records)) {
                for (Path p : ds) {
                    String n = p.getFileName().toString();
                    String id = n.endsWith(".jsonl") ? n.substring(0, n.length() - 6) : null;
                    if (id == null || !ids.contains(id)) {
                        Files.deleteIfExists(p);
                        orphans++;
                    }
                }
            }
        }
        Path derived = dir.resolve("derived");
        if (Files.isDirectory(derived)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(derived)) {
                for (Path p : ds) {
                    if (!ids.contains(p.getFileName().toString())) {
                        deleteTree(p);
                        orphans++;
                    }
                }
            }
        }
        if (tmp + orphans > 0) {
            LOG.info("case {}: removed {} unfinished temp files and {} unrecorded leftovers of an interrupted import",
                    dir, tmp, orphans);
        }
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        }
    }
}
