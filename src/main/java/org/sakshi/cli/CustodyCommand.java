package org.sakshi.cli;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sakshi.core.CustodyEvent;
import org.sakshi.core.SakshiException;
import org.sakshi.core.ledger.EventCodec;
import org.sakshi.core.ledger.Jcs;
import org.sakshi.service.CustodyService;
import org.sakshi.service.LedgerStatus;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sakshi custody}: Print or verify the custody ledger. */
@Command(name = "custody", description = "Print the custody ledger (or 'custody verify' it).",
        subcommands = CustodyCommand.Verify.class,
        footer = "  sakshi custody ./FIR-112 --csv > custody.csv")
final class CustodyCommand extends CliCommand {
    @Parameters(index = "0", paramLabel = "CASE_DIR", arity = "0..1", description = "The case folder.")
    Path caseDir;

    @ArgGroup(exclusive = true)
    Format format;

    static final class Format {
        @Option(names = "--json", description = "A JSON array of the events exactly as stored.")
        boolean json;

        @Option(names = "--csv", description = "CSV for spreadsheets.")
        boolean csv;
    }

    private final CustodyService custody;

    CustodyCommand(CustodyService custody) {
        this.custody = custody;
    }

    @Override
    public Integer call() throws SakshiException {
        if (caseDir == null) {
            err().println("error: give the case folder: sakshi custody CASE_DIR [--json | --csv], or sakshi custody"
                    + " verify CASE_DIR");
            return SakshiCommand.INPUT_ERROR;
        }
        if (format != null && format.csv) {
            out().flush();
            OutputStream os = new NonClosingStream(out());
            custody.writeCsv(caseDir, os);
            return SakshiCommand.OK;
        }
        if (format != null && format.json) {
            // Each element is the stored canonical line, byte for byte.
            boolean[] first = {true};
            out().print("[");
            custody.forEachStoredLine(caseDir, line -> {
                out().print(first[0] ? "\n" : ",\n");
                first[0] = false;
                out().print(line);
            });
            out().println(first[0] ? "]" : "\n]");
            out().flush();
            return SakshiCommand.OK;
        }
        custody.forEachStoredLine(caseDir, line -> {
            CustodyEvent e = EventCodec.parseLine(line);
            out().printf("%5d  %s  %-19s %-6s %-20s %s%n", e.seq(), EventCodec.formatAt(e.at()), e.type(),
                    e.itemId() == null ? "-" : e.itemId(), e.actor() == null ? "-" : e.actor().name(),
                    Jcs.canonicalize(e.details()));
        });
        return SakshiCommand.OK;
    }

    /** {@code sakshi custody verify CASE_DIR}: exit 0 intact, 1 broken (names the first bad seq). */
    @Command(name = "verify", description = "Check every event hash and link, every signed head and key, and every"
            + " anchor; exit 1 naming the fault and the first bad seq.",
            footer = "  sakshi custody verify ./FIR-112")
    static final class Verify extends CliCommand {
        @Parameters(index = "0", paramLabel = "CASE_DIR", description = "The case folder.")
        Path caseDir;

        @Option(names = "--json", description = "Print {intact, events, head, signed_heads, anchors, fault,"
                + " first_bad_seq, message}.")
        boolean json;

        @Option(names = "--trust-key", paramLabel = "SHA256", description = "Also trust the ledger key with this"
                + " certificate SHA-256 (a colleague's workstation); repeatable.")
        java.util.List<String> trustKeys = new java.util.ArrayList<>();

        private final CustodyService custody;

        Verify(CustodyService custody) {
            this.custody = custody;
        }

        @Override
        public Integer call() throws SakshiException {
            // the lines that may be receipts are picked out while the ledger is read for its own check
            java.util.List<String> receipts = new java.util.ArrayList<>();
            LedgerStatus st = custody.verify(caseDir, new java.util.HashSet<>(trustKeys),
                    org.sakshi.service.ReceiveService.RECEIPT_MARKS, receipts::add);
            // docs/custody-ledger.md#received-bundles: each received bundle's kept chain and its continuity
            java.util.List<org.sakshi.core.Check> hops = org.sakshi.service.ReceiveService.receivedHops(caseDir, receipts);
            boolean hopsBroken = org.sakshi.service.ReceiveService.broken(hops);
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("intact", st.intact());
                m.put("events", st.events());
                m.put("head", st.head());
                m.put("signed_heads", st.signedHeads());
                m.put("anchors", st.anchors());
                m.put("fault", st.fault());
                m.put("first_bad_seq", st.firstBadSeq());
                m.put("message", st.message());
                java.util.List<Map<String, Object>> received = new java.util.ArrayList<>();
                for (org.sakshi.core.Check c : hops) {
                    Map<String, Object> h = new LinkedHashMap<>();
                    h.put("result", c.result().name());
                    h.put("target", c.target());
                    h.put("message", c.message());
                    received.add(h);
                }
                m.put("received", received);
                CliSupport.printJson(out(), m);
            } else if (st.intact()) {
                out().println(text().get("custody.intact", String.valueOf(st.events()), st.head(),
                        String.valueOf(st.signedHeads()), String.valueOf(st.anchors())));
            } else {
                out().println(st.firstBadSeq() == null ? text().get("custody.failed", st.fault(), st.message())
                        : text().get("custody.failedAt", st.fault(), String.valueOf(st.firstBadSeq()), st.message()));
            }
            if (!json) {
                for (org.sakshi.core.Check c : hops) {
                    out().println("  " + text().get("custody.hop", c.result(), c.target(), c.message()));
                }
            }
            if (st.intact() && hopsBroken) {
                err().println("error: a received bundle kept in " + caseDir.resolve("received") + " no longer verifies"
                        + " or does not continue into its BUNDLE_RECEIVED; keep the case folder as it is and report it.");
                return SakshiCommand.VERIFY_FAILED;
            }
            if (!st.intact()) {
                err().println("error: the custody ledger of " + caseDir + " fails verification (" + st.fault() + ")"
                        + (st.firstBadSeq() == null ? "" : " at seq " + st.firstBadSeq()) + ": " + st.message()
                        + "; keep the case folder as it is and report it.");
                return SakshiCommand.VERIFY_FAILED;
            }
            return SakshiCommand.OK;
        }
    }

    /** Bytes to the command's stdout writer (UTF-8), without closing it. */
    private static final class NonClosingStream extends OutputStream {
        private final java.io.PrintWriter w;
        private final java.io.ByteArrayOutputStream pending = new java.io.ByteArrayOutputStream();

        NonClosingStream(java.io.PrintWriter w) {
            this.w = w;
        }

        @Override
        public void write(int b) {
            pending.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            pending.write(b, off, len);
            if (pending.size() > 1 << 16) {
                flush();
            }
        }

        @Override
        public void flush() {
            // flushes only at UTF-8 boundaries: the service writes whole lines through a BufferedWriter
            byte[] all = pending.toByteArray();
            int end = all.length;
            while (end > 0 && (all[end - 1] & 0xC0) == 0x80) {
                end--;
            }
            if (end > 0 && (all[end - 1] & 0x80) != 0) {
                end--; // a lead byte whose continuation has not come yet
            }
            w.write(new String(all, 0, end, StandardCharsets.UTF_8));
            pending.reset();
            pending.write(all, end, all.length - end);
            w.flush();
        }

        @Override
        public void close() {
            flush();
        }
    }
}
