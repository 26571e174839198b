package org.sakshi.cli;

import org.sakshi.service.AuditService;
import org.sakshi.service.CaseService;
import org.sakshi.service.CustodyService;
import org.sakshi.service.EncryptionService;
import org.sakshi.service.EvidenceService;
import org.sakshi.service.ExportService;
import org.sakshi.service.IdentityService;
import org.sakshi.service.ImportService;
import org.sakshi.service.LabService;
import org.sakshi.service.ReceiveService;
import org.sakshi.service.SampleCaseService;
import org.sakshi.service.TimestampService;
import org.sakshi.service.VerifyService;
import picocli.CommandLine;

/**
 * Makes each command with only the services it uses (constructor injection); picocli asks it for
 * every command and subcommand, and gets its own default for option groups, mixins and converters.
 * The application wires one from its services ({@code org.sakshi.app}); the CLI sees nothing else
 * of the engine. A service is asked for only when a command that uses it is made, so a run of
 * {@code sakshi items} never makes (nor loads the libraries of) the export, audit or lab services.
 */
public final class CommandFactory implements CommandLine.IFactory {
    /**
     * Where the commands' services come from. The application makes each at its first use; a service
     * that cannot be made throws from its accessor.
     */
    public interface Services extends org.sakshi.service.Services {
        EncryptionService crypto();
    }

    private final Services s;

    public CommandFactory(Services services) {
        this.s = java.util.Objects.requireNonNull(services, "services");
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        Object made = make(type);
        return made != null ? type.cast(made) : CommandLine.defaultFactory().create(type);
    }

    /**
     * The command of this type with its services, or null for a type that is not a command here.
     * Compared one by one (no table of lambdas: each would be made at every start, for one command).
     */
    private Object make(Class<?> type) {
        if (type == ItemsCommand.class) {
            return new ItemsCommand(s.evidence());
        } else if (type == ShowCommand.class) {
            return new ShowCommand(s.cases(), s.evidence());
        } else if (type == ImportCommand.class) {
            return new ImportCommand(s.cases(), s.imports(), s.timestamps());
        } else if (type == CustodyCommand.class) {
            return new CustodyCommand(s.custody());
        } else if (type == CustodyCommand.Verify.class) {
            return new CustodyCommand.Verify(s.custody()); // the received-bundle check needs no ReceiveService
        } else if (type == VerifyCommand.class) {
            return new VerifyCommand(s.verifier());
        } else if (type == ExportCommand.class) {
            return new ExportCommand(s.cases(), s.exports(), s.identities(), s.timestamps(), s.crypto());
        } else if (type == CaseCommand.Init.class) {
            return new CaseCommand.Init(s.cases(), s.lab());
        } else if (type == CaseCommand.Move.class) {
            return new CaseCommand.Move(s.lab());
        } else if (type == CaseCommand.Compact.class) {
            return new CaseCommand.Compact(s.cases(), s.custody());
        } else if (type == ServerCommand.Init.class) {
            return new ServerCommand.Init(s.lab());
        } else if (type == ServerCommand.Add.class) {
            return new ServerCommand.Add(s.lab());
        } else if (type == ServerCommand.Upgrade.class) {
            return new ServerCommand.Upgrade(s.lab());
        } else if (type == ServerCommand.ListServers.class) {
            return new ServerCommand.ListServers(s.lab());
        } else if (type == TimestampCommand.class) {
            return new TimestampCommand(s.cases(), s.evidence(), s.imports(), s.timestamps(), s.custody());
        } else if (type == ReceiveCommand.class) {
            return new ReceiveCommand(s.cases(), s.receiver(), s.timestamps());
        } else if (type == TransferCommand.class) {
            return new TransferCommand(s.cases(), s.custody(), s.timestamps());
        } else if (type == NoteCommand.class) {
            return new NoteCommand(s.cases(), s.custody());
        } else if (type == EncryptCommand.class) {
            return new EncryptCommand(s.crypto());
        } else if (type == DecryptCommand.class) {
            return new DecryptCommand(s.crypto());
        } else if (type == LongTermCommand.Extend.class) {
            return new LongTermCommand.Extend(s.verifier(), s.timestamps());
        } else if (type == LongTermCommand.Renew.class) {
            return new LongTermCommand.Renew(s.verifier(), s.timestamps());
        } else if (type == AuditCommand.class) {
            return new AuditCommand(s.audits(), s.identities(), s.timestamps(), s.lab());
        } else if (type == KeysCommand.New.class) {
            return new KeysCommand.New(s.identities());
        } else if (type == TsaCommand.Serve.class) {
            return new TsaCommand.Serve(s.identities(), s.timestamps());
        } else if (type == SampleCommand.class) {
            return new SampleCommand(s.samples());
        } else if (type == TransmittalCommand.class) {
            return new TransmittalCommand(s.verifier(), s.identities(), s.timestamps());
        }
        return null;
    }
}
