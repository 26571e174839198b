package org.sakshi.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Map;
import org.sakshi.core.Actor;
import org.sakshi.core.FolderEntry;
import org.sakshi.core.InputException;
import org.sakshi.core.Item;
import org.sakshi.core.ItemJson;
import org.sakshi.core.ItemKind;
import org.sakshi.core.SakshiException;
import org.sakshi.service.CaseService;
import org.sakshi.service.EvidenceService;
import org.sakshi.service.ItemView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sakshi show}: Show one item (records ITEM_ACCESSED). */
@Command(name = "show", description = "Show one item (records ITEM_ACCESSED).",
        footer = "  sakshi show ./FIR-112 E0002 --json --purpose \"prepare charge sheet\"")
final class ShowCommand extends CliCommand {
    @Parameters(index = "0", paramLabel = "CASE_DIR", description = "The case folder.")
    Path caseDir;

    @Parameters(index = "1", paramLabel = "ITEM", description = "Item id, e.g. E0001.")
    String itemId;

    @Option(names = "--json", description = "Print the item as JSON (chats add messages, dumps add members).")
    boolean json;

    @Option(names = "--purpose", description = "Why the item is viewed (recorded in the ledger).")
    String purpose = "shown on the command line";

    @Mixin
    OfficerOptions officer;

    private final CaseService cases;
    private final EvidenceService evidence;

    ShowCommand(CaseService cases, EvidenceService evidence) {
        this.cases = cases;
        this.evidence = evidence;
    }

    @Override
    public Integer call() throws SakshiException {
        Actor actor = CliSupport.actor(cases, caseDir, officer);
        ItemView view = evidence.open(caseDir, itemId, actor, purpose);
        Item it = view.item();
        if (json) {
            writeJson(it);
            return SakshiCommand.OK;
        }
        Map<String, Object> m = ItemJson.of(it);
        for (Map.Entry<String, Object> e : m.entrySet()) {
            out().println(e.getKey() + ": " + (e.getValue() == null ? "" : e.getValue()));
        }
        if (view.content() != null) {
            out().println("vault_copy: " + view.content());
        }
        if (view.entries() != null) {
            out().println("files: " + view.entries().size());
            for (FolderEntry fe : view.entries()) {
                out().println("  " + fe.sha256() + "  " + fe.size() + "  " + fe.path());
            }
        }
        return SakshiCommand.OK;
    }

    /** Streams the item object, then {@code messages} (chat) or {@code members} (device) from the stored records. */
    private void writeJson(Item it) throws SakshiException {
        String arrayKey = it.kind() == ItemKind.CHAT ? "messages" : it.kind() == ItemKind.DEVICE ? "members" : null;
        try {
            JsonGenerator g = CliSupport.json().getFactory().createGenerator((Writer) out());
            g.setCodec(CliSupport.json());
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            for (Map.Entry<String, Object> e : ItemJson.of(it).entrySet()) {
                g.writeFieldName(e.getKey());
                g.writeObject(e.getValue());
            }
            if (arrayKey != null) {
                g.writeArrayFieldStart(arrayKey);
                try {
                    evidence.records(caseDir, it.id(), r -> g.writeObject(r));
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                }
                g.writeEndArray();
            }
            g.writeEndObject();
            g.flush();
            out().println();
            out().flush();
        } catch (IOException e) {
            throw new InputException("cannot write JSON to standard output (" + e.getMessage() + ")", e);
        }
    }
}
