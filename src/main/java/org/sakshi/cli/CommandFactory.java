package org.sakshi.cli;

import java.util.Map;
import java.util.function.Supplier;
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
 * of the engine.
 */
public final class CommandFactory implements CommandLine.IFactory {
    private final Map<Class<?>, Supplier<?>> commands;

    public CommandFactory(CaseService cases, ImportService imports, EvidenceService evidence, CustodyService custody,
                          ExportService exports, VerifyService verifier, AuditService audits,
                          IdentityService identities, TimestampService timestamps, SampleCaseService samples,
                          EncryptionService crypto, ReceiveService receiver) {
        this(cases, imports, evidence, custody, exports, verifier, audits, identities, timestamps, samples, crypto,
                receiver, null);
    }

    /** As above, with the lab-server service ({@code server}, {@code case init --server}, {@code case move}, lab audit). */
    public CommandFactory(CaseService cases, ImportService imports, EvidenceService evidence, CustodyService custody,
                          ExportService exports, VerifyService verifier, AuditService audits,
                          IdentityService identities, TimestampService timestamps, SampleCaseService samples,
                          EncryptionService crypto, ReceiveService receiver, LabService lab) {
        commands = Map.ofEntries(
                Map.entry(CaseCommand.Init.class, () -> new CaseCommand.Init(cases, lab)),
                Map.entry(CaseCommand.Move.class, () -> new CaseCommand.Move(lab)),
                Map.entry(ServerCommand.Init.class, () -> new ServerCommand.Init(lab)),
                Map.entry(ServerCommand.Add.class, () -> new ServerCommand.Add(lab)),
                Map.entry(ServerCommand.Upgrade.class, () -> new ServerCommand.Upgrade(lab)),
                Map.entry(ServerCommand.ListServers.class, () -> new ServerCommand.ListServers(lab)),
                Map.entry(ImportCommand.class, () -> new ImportCommand(cases, imports, timestamps)),
                Map.entry(ItemsCommand.class, () -> new ItemsCommand(evidence)),
                Map.entry(ShowCommand.class, () -> new ShowCommand(cases, evidence)),
                Map.entry(TimestampCommand.class, () -> new TimestampCommand(cases, evidence, imports, timestamps, custody)),
                Map.entry(CustodyCommand.class, () -> new CustodyCommand(custody)),
                Map.entry(CustodyCommand.Verify.class, () -> new CustodyCommand.Verify(custody, receiver)),
                Map.entry(ReceiveCommand.class, () -> new ReceiveCommand(cases, receiver, timestamps)),
                Map.entry(TransferCommand.class, () -> new TransferCommand(cases, custody, timestamps)),
                Map.entry(NoteCommand.class, () -> new NoteCommand(cases, custody)),
                Map.entry(ExportCommand.class, () -> new ExportCommand(cases, exports, identities, timestamps, crypto)),
                Map.entry(EncryptCommand.class, () -> new EncryptCommand(crypto)),
                Map.entry(DecryptCommand.class, () -> new DecryptCommand(crypto)),
                Map.entry(VerifyCommand.class, () -> new VerifyCommand(verifier)),
                Map.entry(LongTermCommand.Extend.class, () -> new LongTermCommand.Extend(verifier, timestamps)),
                Map.entry(LongTermCommand.Renew.class, () -> new LongTermCommand.Renew(verifier, timestamps)),
                Map.entry(AuditCommand.class, () -> new AuditCommand(audits, identities, timestamps, lab)),
                Map.entry(KeysCommand.New.class, () -> new KeysCommand.New(identities)),
                Map.entry(TsaCommand.Serve.class, () -> new TsaCommand.Serve(identities, timestamps)),
                Map.entry(SampleCommand.class, () -> new SampleCommand(samples)),
                Map.entry(TransmittalCommand.class, () -> new TransmittalCommand(verifier, identities, timestamps)));
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        Supplier<?> make = commands.get(type);
        return make != null ? type.cast(make.get()) : CommandLine.defaultFactory().create(type);
    }
}
