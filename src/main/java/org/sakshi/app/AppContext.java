package org.sakshi.app;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;
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
import org.sakshi.service.LabServers;
import org.sakshi.service.LabService;
import org.sakshi.service.ReceiveService;
import org.sakshi.service.SampleCaseService;
import org.sakshi.service.TimestampService;
import org.sakshi.service.VerifyService;
import org.sakshi.signing.WorkstationKey;
import org.sakshi.timestamp.HttpTimestampSource;
import org.sakshi.ui.common.UiServices;
import org.sakshi.vault.SinkFactory;

/**
 * The one place that constructs services, wired by hand (no DI framework, no singletons), and hands
 * each front end only the services it uses ({@link #cli()}, {@link #ui()}); neither front end sees
 * this class. Tests build one with a fixed clock, their own workstation, parsers and vault sink.
 *
 * <p>Each service is made at its first use, once: {@code sakshi items} makes the evidence service
 * alone and never loads the libraries of export, audit, signing or the lab servers, and the start
 * window asks only for what it shows. Nothing a service's constructor does reads the profile or the
 * network (the ledger key, the lab-server settings and the time-stamp authorities are read when a
 * service uses them), so an error is reported at the same moment and in the same words as before.
 */
public final class AppContext {
    private final Path workspace;
    private final Clock clock;
    private final SinkFactory sinks;
    private final Duration lockWait;
    private final Function<String, TimestampSource> tsaFactory;
    private final Supplier<Workstation> workstationSource;
    private final Supplier<Ingest> ingestSource;
    private final Wiring wiring = new Wiring();

    /** The production wiring: system clock, this machine, all parsers, O_DIRECT vault writes, HTTP TSAs. */
    public AppContext(Path workspace) {
        this(workspace, Clock.SYSTEM, AppContext::thisWorkstation, Ingest::new, SinkFactory.DIRECT,
                Duration.ofSeconds(3), url -> new HttpTimestampSource(URI.create(url)));
    }

    public AppContext(Path workspace, Clock clock, Workstation workstation, Ingest ingest, SinkFactory sinks,
                      Duration lockWait, Function<String, TimestampSource> tsaFactory) {
        this(workspace, clock, () -> workstation, () -> ingest, sinks, lockWait, tsaFactory);
    }

    private AppContext(Path workspace, Clock clock, Supplier<Workstation> workstation, Supplier<Ingest> ingest,
                       SinkFactory sinks, Duration lockWait, Function<String, TimestampSource> tsaFactory) {
        this.workspace = workspace;
        this.clock = clock;
        this.workstationSource = workstation;
        this.ingestSource = ingest;
        this.sinks = sinks;
        this.lockWait = lockWait;
        this.tsaFactory = tsaFactory;
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
        return wiring;
    }

    /** The command line's wiring: each command gets the services it uses. */
    public CommandFactory cli() {
        return new CommandFactory(wiring);
    }

    /** The names of the services made so far, in a fixed order; for tests. */
    java.util.List<String> made() {
        return wiring.made();
    }

    /**
     * The services, each made when first asked for and kept (one lock: a service asks for the ones it
     * is made from). A constructor that throws leaves nothing behind, so the next use tries again and
     * fails in the same words.
     */
    private final class Wiring implements UiServices, CommandFactory.Services {
        private Workstation workstation;
        private CaseAccess access;
        private CaseService cases;
        private ImportService imports;
        private EvidenceService evidence;
        private CustodyService custody;
        private ExportService exports;
        private VerifyService verifier;
        private AuditService audits;
        private IdentityService identities;
        private TimestampService timestamps;
        private SampleCaseService samples;
        private EncryptionService crypto;
        private ReceiveService receiver;
        private LabService lab;

        synchronized java.util.List<String> made() {
            java.util.List<String> out = new java.util.ArrayList<>();
            Object[] all = {access, cases, imports, evidence, custody, exports, verifier, audits, identities, timestamps,
                samples, crypto, receiver, lab};
            String[] names = {"access", "cases", "imports", "evidence", "custody", "exports", "verifier", "audits",
                "identities", "timestamps", "samples", "crypto", "receiver", "lab"};
            for (int k = 0; k < all.length; k++) {
                if (all[k] != null) {
                    out.add(names[k]);
                }
            }
            return out;
        }

        private synchronized CaseAccess access() {
            if (access == null) {
                if (workstation == null) {
                    workstation = workstationSource.get();
                }
                access = new CaseAccess(clock, workstation, sinks, lockWait);
            }
            return access;
        }

        @Override
        public synchronized CaseService cases() {
            if (cases == null) {
                cases = new CaseService(access());
            }
            return cases;
        }

        @Override
        public synchronized ImportService imports() {
            if (imports == null) {
                imports = new ImportService(access(), ingestSource.get());
            }
            return imports;
        }

        @Override
        public synchronized EvidenceService evidence() {
            if (evidence == null) {
                evidence = new EvidenceService(access());
            }
            return evidence;
        }

        @Override
        public synchronized CustodyService custody() {
            if (custody == null) {
                custody = new CustodyService(access());
            }
            return custody;
        }

        @Override
        public synchronized ExportService exports() {
            if (exports == null) {
                exports = new ExportService(access(), cases(), evidence(), custody());
            }
            return exports;
        }

        @Override
        public synchronized VerifyService verifier() {
            if (verifier == null) {
                verifier = new VerifyService();
            }
            return verifier;
        }

        @Override
        public synchronized AuditService audits() {
            if (audits == null) {
                audits = AuditService.standard(cases(), custody(), evidence());
            }
            return audits;
        }

        @Override
        public synchronized IdentityService identities() {
            if (identities == null) {
                identities = new IdentityService();
            }
            return identities;
        }

        @Override
        public synchronized TimestampService timestamps() {
            if (timestamps == null) {
                timestamps = new TimestampService(tsaFactory);
            }
            return timestamps;
        }

        @Override
        public synchronized SampleCaseService samples() {
            if (samples == null) {
                samples = new SampleCaseService(cases(), imports(), custody());
            }
            return samples;
        }

        @Override
        public synchronized EncryptionService crypto() {
            if (crypto == null) {
                crypto = new EncryptionService(clock);
            }
            return crypto;
        }

        @Override
        public synchronized ReceiveService receiver() {
            if (receiver == null) {
                receiver = new ReceiveService(access(), imports(), verifier());
            }
            return receiver;
        }

        @Override
        public synchronized LabService lab() {
            if (lab == null) {
                lab = new LabService(access(), new LabServers(WorkstationKey.profileDir()), custody(), audits());
            }
            return lab;
        }
    }
}
