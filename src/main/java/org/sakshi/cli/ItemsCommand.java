package org.sakshi.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sakshi.core.ByteSize;
import org.sakshi.core.Item;
import org.sakshi.core.ItemJson;
import org.sakshi.core.SakshiException;
import org.sakshi.service.EvidenceService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sakshi items}: List a case's items. */
@Command(name = "items", description = "List a case's items.",
        footer = "  sakshi items ./FIR-112 --json")
final class ItemsCommand extends CliCommand {
    @Parameters(index = "0", paramLabel = "CASE_DIR", description = "The case folder.")
    Path caseDir;

    @Option(names = "--json", description = "Print the items as a JSON array.")
    boolean json;

    private final EvidenceService evidence;

    ItemsCommand(EvidenceService evidence) {
        this.evidence = evidence;
    }

    @Override
    public Integer call() throws SakshiException {
        List<Item> items = evidence.items(caseDir);
        if (json) {
            List<Map<String, Object>> arr = new ArrayList<>();
            for (Item it : items) {
                arr.add(ItemJson.of(it));
            }
            CliSupport.printJson(out(), arr);
            return SakshiCommand.OK;
        }
        if (items.isEmpty()) {
            out().println(text().get("items.none", caseDir));
            return SakshiCommand.OK;
        }
        out().printf("%-6s %-10s %10s  %-64s  %-8s  %s%n", "ID", "KIND", "SIZE", "SHA-256", "STAMP", "NAME");
        for (Item it : items) {
            out().printf("%-6s %-10s %10s  %-64s  %-8s  %s%n", it.id(), it.kind().json(),
                    ByteSize.format(it.size()), it.digests().sha256(), it.timestamp().status().json(), it.name());
        }
        return SakshiCommand.OK;
    }
}
