package org.sakshi.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sakshi.core.Actor;
import org.sakshi.core.ByteSize;
import org.sakshi.core.CaseInfo;
import org.sakshi.core.InputException;
import org.sakshi.core.ProgressListener;
import org.sakshi.core.SakshiException;
import org.sakshi.service.CaseService;

/** Helpers shared by the engine's commands: JSON output, the acting officer, progress bar. */
final class CliSupport {
    /** Set up on first use: a command that prints no JSON (a plain import) never pays for data binding. */
    private static final class Json {
        static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    /** The mapper for the commands' JSON output. */
    static ObjectMapper json() {
        return Json.JSON;
    }

    private CliSupport() {
    }

    /** Writes {@code value} as UTF-8 JSON to stdout, with a final newline. */
    static void printJson(PrintWriter out, Object value) throws SakshiException {
        try {
            Json.JSON.writer(new DefaultPrettyPrinter()).writeValue((Writer) out, value);
            out.println();
            out.flush();
        } catch (java.io.IOException e) {
            throw new InputException("cannot write JSON to standard output (" + e.getMessage() + ")", e);
        }
    }

    /** The acting officer: the one named on the command line, else the case's default officer. */
    static Actor actor(CaseService cases, Path caseDir, OfficerOptions officer) throws SakshiException {
        CaseInfo info = cases.open(caseDir);
        return officer == null ? new Actor(info.defaultOfficer(), null, null, info.agency(), null)
                : officer.actor(info.defaultOfficer(), info.agency());
    }

    /** An ISO instant ({@code 2031-05-01T10:00:00Z}, an offset, or a date meaning its start in UTC). */
    static java.time.Instant instant(String text, String option) throws org.sakshi.core.InputException {
        String t = text.strip();
        try {
            if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return java.time.LocalDate.parse(t).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
            }
            return java.time.OffsetDateTime.parse(t).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw new org.sakshi.core.InputException(option + " " + text + " is not a time: write 2031-05-01 or"
                    + " 2031-05-01T10:00:00Z (UTC) or with an offset such as +05:30.");
        }
    }

    static List<String> splitIds(List<String> ids) {
        List<String> out = new ArrayList<>();
        if (ids != null) {
            for (String s : ids) {
                for (String p : s.split(",")) {
                    if (!p.isBlank()) {
                        out.add(p.trim());
                    }
                }
            }
        }
        return out;
    }

    /**
     * True when the process has a terminal. Since JDK 22 {@code System.console()} is non-null even when
     * the streams are redirected, so {@code Console.isTerminal()} (JDK 22+) is asked when present.
     */
    static boolean stderrIsTerminal() {
        java.io.Console c = System.console();
        if (c == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(c);
        } catch (ReflectiveOperationException e) {
            return true; // JDK 21: a console exists only for a terminal
        }
    }

    /** A progress bar on stderr when it is a terminal; nothing otherwise (never on stdout). */
    static ProgressListener progressBar(PrintWriter err) {
        if (!stderrIsTerminal()) {
            return ProgressListener.NONE;
        }
        return new ProgressListener() {
            private long last;

            @Override
            public void progress(long done, long total, String what) {
                long now = System.nanoTime();
                boolean end = total > 0 && done >= total;
                if (!end && now - last < 200_000_000L) {
                    return;
                }
                last = now;
                int width = 30;
                int filled = total > 0 ? (int) Math.min(width, done * width / Math.max(1, total)) : 0;
                String pct = total > 0 ? String.format(Locale.ROOT, "%3d%%", done * 100 / Math.max(1, total)) : "   ?";
                String name = what == null ? "" : what.length() > 30 ? "..." + what.substring(what.length() - 27) : what;
                err.print("\r[" + "#".repeat(filled) + ".".repeat(width - filled) + "] " + pct + " "
                        + ByteSize.format(done) + (total > 0 ? " / " + ByteSize.format(total) : "") + " " + name + "\u001b[K");
                if (end) {
                    err.print("\r\u001b[K");
                }
                err.flush();
            }
        };
    }
}
