package org.sakshi.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sakshi.app.AppContext;
import org.sakshi.app.Version;
import org.sakshi.audit.AuditJson;
import org.sakshi.audit.AuditOptions;
import org.sakshi.audit.AuditReport;
import org.sakshi.audit.AuditText;
import org.sakshi.audit.ItemHistory;
import org.sakshi.core.InputException;
import org.sakshi.core.SakshiException;
import org.sakshi.core.Signer;
import org.sakshi.core.TimestampSource;
import org.sakshi.service.AuditService;
import org.sakshi.signing.Pkcs12Identity;
import org.sakshi.timestamp.HttpTimestampSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sakshi audit (CASE_DIR | BUNDLE.zip) [--item ID] [--json] [--report OUT.pdf] [--keystore ...]}
 * (cli.md): verifies the custody ledger, then reports custody findings. Exit 0 when no finding is an
 * ERROR, 1 otherwise, 2 when the input cannot be read.
 */
@Command(name = "audit", description = "Audit the custody of a case or a bundle.")
final class AuditCommand extends CliCommand {
    @Parameters(index = "0", paramLabel = "CASE_DIR|BUNDLE.zip", description = "A case folder or a bundle .zip.")
    Path target;

    @Option(names = "--item", paramLabel = "ID", description = "Print the custody history of one item.")
    String item;

    @Option(names = "--json", description = "Print the audit as JSON (cli.md) on stdout.")
    boolean json;

    @Option(names = "--report", paramLabel = "OUT.pdf", description = "Write the audit report PDF.")
    Path report;

    @Option(names = "--keystore", paramLabel = "FILE.p12", description = "Lab identity to sign the report PDF.")
    Path keystore;

    @Option(names = "--storepass-file", paramLabel = "F", description = "File whose first line is the keystore password.")
    Path storepassFile;

    @Option(names = "--alias", paramLabel = "A", description = "Key entry in the keystore (default: the only one).")
    String alias;

    @Option(names = "--pkcs11", paramLabel = "LIBRARY", description = "PKCS#11 library of the lab's token.")
    Path pkcs11;

    @Option(names = "--token-label", paramLabel = "L", description = "PKCS#11 token label.")
    String tokenLabel;

    @Option(names = "--pin-file", paramLabel = "F", description = "File whose first line is the token PIN.")
    Path pinFile;

    @Option(names = "--tsa", paramLabel = "URL", description = "TSA to time-stamp the report's signature.")
    List<URI> tsas = new ArrayList<>();

    @Option(names = "--tolerance", paramLabel = "MINUTES", defaultValue = "5",
            description = "Allowed workstation clock difference to a TSA (default: ${DEFAULT-VALUE} min).")
    long toleranceMinutes;

    @Option(names = "--max-seizure-gap", paramLabel = "HOURS", defaultValue = "24",
            description = "Allowed time between seizure and import (default: ${DEFAULT-VALUE} h).")
    long maxSeizureGapHours;

    @Override
    public Integer call() throws SakshiException {
        if (toleranceMinutes < 0 || maxSeizureGapHours < 0) {
            throw new InputException("--tolerance and --max-seizure-gap must not be negative.");
        }
        if (keystore != null && storepassFile == null) {
            throw new InputException("--keystore " + keystore + " needs --storepass-file with its password.");
        }
        if ((keystore != null || pkcs11 != null) && report == null) {
            throw new InputException("--keystore and --pkcs11 sign the report PDF; give --report OUT.pdf too.");
        }
        if (pkcs11 != null) {
            throw new InputException("signing the audit report with a PKCS#11 token (--pkcs11 " + pkcs11
                    + ") is not available in this build yet; use --keystore FILE.p12.");
        }
        AuditOptions options = new AuditOptions(Duration.ofMinutes(toleranceMinutes), Duration.ofHours(maxSeizureGapHours));
        AuditService service = service(ctx());
        AuditReport r = service.audit(target, options);
        ItemHistory history = null;
        if (item != null) {
            history = r.item(item).orElseThrow(() -> new InputException("item " + item + " is not in the custody "
                    + "ledger of " + target + "; run 'sakshi items' to see the item ids."));
        }
        if (report != null) {
            Signer signer = keystore == null ? null : Pkcs12Identity.load(keystore, storepassFile, alias);
            TimestampSource tsa = tsas.isEmpty() ? null : new HttpTimestampSource(tsas.get(0));
            service.writeReportPdf(r, Version.toolVersion(), report, signer, tsa);
        }
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>(AuditJson.toMap(r));
            if (history != null) {
                String id = history.id();
                m.put("items", ((List<?>) m.get("items")).stream()
                        .filter(x -> id.equals(((Map<?, ?>) x).get("id"))).toList());
            }
            try {
                out().println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else if (history != null) {
            out().print(AuditText.timeline(r, history));
        } else {
            out().print(AuditText.summary(r));
        }
        if (report != null && !json) {
            out().println("Audit report written to " + report + (keystore == null ? " (unsigned)" : " (signed)"));
        }
        return r.hasErrors() ? SakshiCommand.VERIFY_FAILED : SakshiCommand.OK;
    }

    /** The audit service wired from the context's services (AppContext may take this over). */
    static AuditService service(AppContext ctx) {
        return AuditService.standard(ctx.cases(), ctx.custody(), ctx.evidence());
    }
}
