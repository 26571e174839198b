package org.sakshi.cli;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sakshi.core.Actor;
import org.sakshi.core.ByteSize;
import org.sakshi.core.CancelFlag;
import org.sakshi.core.DateOrder;
import org.sakshi.core.InputException;
import org.sakshi.core.Item;
import org.sakshi.core.ItemJson;
import org.sakshi.core.ItemKind;
import org.sakshi.core.SakshiException;
import org.sakshi.core.SourceDetails;
import org.sakshi.service.CaseService;
import org.sakshi.service.ImportOutcome;
import org.sakshi.service.ImportRequest;
import org.sakshi.service.ImportService;
import org.sakshi.service.TimestampService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sakshi import}: Import files or folders as evidence items. */
@Command(name = "import", description = "Import files or folders as evidence items.",
        footer = {"  sakshi import ./FIR-112 chat.zip photo.jpg E01-folder/ \\",
                "      --source \"seized from accused\" --device-imei 356938035643809 \\",
                "      --tsa http://tsa.example/"})
final class ImportCommand extends CliCommand {
    @Parameters(index = "0", paramLabel = "CASE_DIR", description = "The case folder.")
    Path caseDir;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "PATH", description = "Files or folders (a folder is one item).")
    List<Path> paths;

    @Option(names = "--kind", description = "auto|screenshot|chat|device|file (default: auto, from content).")
    String kind = "auto";

    @Option(names = "--zone", description = "The phone's time zone for chat times (default: the case's).")
    String zone;

    @Option(names = "--date-order", description = "dmy|mdy|ymd when a chat's dates are ambiguous.")
    String dateOrder;

    @Option(names = "--source", description = "Where and how it was seized (free text).")
    String source;

    @Option(names = "--device-make", description = "Device make.")
    String deviceMake;

    @Option(names = "--device-model", description = "Device model.")
    String deviceModel;

    @Option(names = "--device-serial", description = "Device serial number.")
    String deviceSerial;

    @Option(names = "--device-imei", description = "Device IMEI.")
    String deviceImei;

    @Option(names = "--location", description = "Where the evidence was seized (recorded in the ledger).")
    String location;

    @Option(names = "--note", description = "A note recorded with the import.")
    String note;

    @Option(names = "--tsa", paramLabel = "URL", description = "RFC 3161 time-stamp authority; repeat for fallbacks.")
    List<String> tsa = new ArrayList<>();

    @Option(names = "--json", description = "Print the imported items as a JSON array.")
    boolean json;

    @Mixin
    OfficerOptions officer;

    private final CaseService cases;
    private final ImportService imports;
    private final TimestampService timestamps;

    ImportCommand(CaseService cases, ImportService imports, TimestampService timestamps) {
        this.cases = cases;
        this.imports = imports;
        this.timestamps = timestamps;
    }

    @Override
    public Integer call() throws SakshiException {
        // the first file's vault copy (hashing) started with the process (ImportHeadStart) or starts now,
        // while the case is opened and checked; it is taken over under the case's write lock, or removed
        // when the import stops before that
        ImportService.EarlyCopy head = ImportHeadStart.take(caseDir, paths);
        try (ImportService.EarlyCopy early = head != null ? head : imports.startCopy(caseDir, paths)) {
            return run(early);
        }
    }

    private Integer run(ImportService.EarlyCopy early) throws SakshiException {
        ItemKind k;
        try {
            k = kind == null || kind.equalsIgnoreCase("auto") ? null : ItemKind.fromJson(kind);
        } catch (IllegalArgumentException e) {
            throw new InputException("--kind " + kind + " is not one of auto|screenshot|chat|device|file");
        }
        ZoneId z = null;
        if (zone != null) {
            try {
                z = ZoneId.of(zone);
            } catch (DateTimeException e) {
                throw new InputException("--zone " + zone + " is not a time zone; give a region like Asia/Kolkata");
            }
        }
        DateOrder d = null;
        if (dateOrder != null) {
            try {
                d = DateOrder.fromJson(dateOrder);
            } catch (IllegalArgumentException e) {
                throw new InputException("--date-order " + dateOrder + " is not one of dmy|mdy|ymd");
            }
        }
        Actor actor = CliSupport.actor(cases, caseDir, officer);
        ImportRequest req = new ImportRequest(k, z, d,
                new SourceDetails(source, deviceMake, deviceModel, deviceSerial, deviceImei, location), note,
                timestamps.sources(tsa), actor);
        ImportOutcome outcome = imports.importPaths(caseDir, paths, req, CliSupport.progressBar(err()),
                new CancelFlag(), early);
        for (ImportOutcome.Failure f : outcome.failures()) {
            err().println("error: " + f.message());
        }
        if (json) {
            List<Map<String, Object>> arr = new ArrayList<>();
            for (Item it : outcome.imported()) {
                arr.add(ItemJson.of(it));
            }
            CliSupport.printJson(out(), arr);
        } else {
            CliText text = text();
            for (Item it : outcome.imported()) {
                out().println(text.get("import.imported", it.id(), it.kind().json(), it.name(),
                        ByteSize.format(it.size()), it.digests().sha256(), it.timestamp().status().json()));
                for (String w : it.warnings()) {
                    out().println("  " + text.get("import.warning", w));
                }
            }
        }
        err().flush();
        if (outcome.failures().isEmpty()) {
            return SakshiCommand.OK;
        }
        return outcome.imported().isEmpty() ? SakshiCommand.INPUT_ERROR : SakshiCommand.PARTIAL;
    }
}
