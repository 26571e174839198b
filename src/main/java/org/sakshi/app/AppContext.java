package org.sakshi.app;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.sakshi.cli.CommandFactory;
import org.sakshi.core.Clock;
import org.sakshi.core.TimestampSource;
import org.sakshi.core.Version;
import org.sakshi.core.Workstation;
import org.sakshi.ingest.Ingest;
import org.sakshi.service.AuditService;
import org.sakshi.service.CaseAccess;
import org.sakshi.service.CaseService;
import org.sakshi.service.CustodyService;
import org.sakshi.service.EncryptionService;
import org.sakshi.service.EvidenceService;
import org.sakshi.service.ExportService;
import org.sakshi.service.IdentityService;
import org.sakshi.service.ImportService;
import org.sakshi.service.ReceiveService;
import org.sakshi.service.SampleCaseService;
import org.sakshi.service.TimestampService;
import org.sakshi.service.VerifyService;
import org.sakshi.timestamp.HttpTimestampSource;
import org.sakshi.ui.common.UiServices;
import org.sakshi.vault.SinkFactory;

/**
 * The one place that constructs services, wired by hand (no DI framework, no singletons), and hands
 * each front end only the services it uses ({@link #cli()}, {@link #ui()}); neither front end sees
 * this class. Tests build one with a fixed clock, their own workstation, parsers and vault sink.
 */
public final class AppContext {
    private final Path workspace;
    private final Clock clock;
    private final Workstation workstation;
    private final CaseAccess access;
    private final CaseService cases;
    private final ImportService imports;
    private final EvidenceService evidence;
    private final CustodyService custody;
    private final ExportService exports;
    private final VerifyService verifier = new VerifyService();
    private final AuditService audits;
    private final IdentityService identities = new IdentityService();
    private final TimestampService timestamps;
    private final SampleCaseService samples;
    private final EncryptionService crypto;
    private final ReceiveService receiver;
    private final org.sakshi.service.LabService lab;

    /** The production wiring: system clock, this machine, all parsers, O_DIRECT vault writes, HTTP TSAs. */
    public AppContext(Path workspace) {
        this(workspace, Clock.SYSTEM, thisWorkstation(), new Ingest(), SinkFactory.DIRECT, Duration.ofSeconds(3),
                url -> new HttpTimestampSource(URI.create(url)));
    }

    public AppContext(Path workspace, Clock clock, Workstation workstation, Ingest ingest, SinkFactory sinks,
                      Duration lockWait, Function<String, TimestampSource> tsaFactory) {
        this.workspace = workspace;
        this.clock = clock;
        this.workstation = workstation;
        this.access = new CaseAccess(clock, workstation, sinks, lockWait);
        this.cases = new CaseService(access);
        this.imports = new ImportService(access, ingest);
        this.evidence = new EvidenceService(access);
        this.custody = new CustodyService(access);
        this.exports = new ExportService(access, cases, evidence, custody);
        this.audits = AuditService.standard(cases, custody, evidence);
        this.timestamps = new TimestampService(tsaFactory);
        this.samples = new SampleCaseService(cases, imports, custody);
        this.crypto = new EncryptionService(clock);
        this.receiver = new ReceiveService(access, imports, verifier);
        this.lab = new org.sakshi.service.LabService(access,
                new org.sakshi.service.LabServers(org.sakshi.signing.WorkstationKey.profileDir()), custody, audits);
    }

    /** This machine: host name, OS user, {@code sakshi <version>}. */
    public static Workstation thisWorkstation() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                host = "unknown";
            }
        }
        return new Workstation(host, System.getProperty("user.name"), Version.toolVersion());
    }

    /** {@code ~/Sakshi} unless the {@code sakshi.workspace} system property or SAKSHI_WORKSPACE says otherwise. */
    public static Path defaultWorkspace() {
        String p = System.getProperty("sakshi.workspace");
        if (p == null || p.isBlank()) {
            p = System.getenv("SAKSHI_WORKSPACE");
        }
        if (p == null || p.isBlank()) {
            return Path.of(System.getProperty("user.home"), "Sakshi");
        }
        return Path.of(p);
    }

    /**
     * The workspace folder. Tests reach the services through {@link #ui()} or {@link #cli()}, the same
     * wiring the front ends get.
     */
    public Path workspace() {
        return workspace;
    }

    /** The GUI's services; its views give each view model the ones it uses. */
    public UiServices ui() {
        return new UiServices(cases, imports, evidence, custody, exports, verifier, audits, identities, timestamps,
                samples, receiver, lab);
    }

    /** The command line's wiring: each command gets the services it uses. */
    public CommandFactory cli() {
        return new CommandFactory(cases, imports, evidence, custody, exports, verifier, audits, identities, timestamps,
                samples, crypto, receiver, lab);
    }
}
