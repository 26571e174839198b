package org.sakshi.ui.evidence;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.sakshi.core.Actor;
import org.sakshi.core.ByteSize;
import org.sakshi.core.CancelFlag;
import org.sakshi.core.DateOrder;
import org.sakshi.core.ItemKind;
import org.sakshi.core.ProgressListener;
import org.sakshi.core.SakshiException;
import org.sakshi.core.SourceDetails;
import org.sakshi.core.TimestampSource;
import org.sakshi.service.ImportOutcome;
import org.sakshi.service.ImportRequest;
import org.sakshi.service.ImportService;
import org.sakshi.ui.common.Messages;

/**
 * The import form (seizure details, chat zone, forced kind) and the import of one path. Each path
 * is imported as its own call so that each gets its own progress and Cancel, and a chat whose date
 * order is ambiguous can be asked about and retried alone.
 */
public final class ImportViewModel {
    private final Path caseDir;
    private final ImportService imports;
    private final StringProperty source = new SimpleStringProperty("");
    private final StringProperty deviceMake = new SimpleStringProperty("");
    private final StringProperty deviceModel = new SimpleStringProperty("");
    private final StringProperty deviceSerial = new SimpleStringProperty("");
    private final StringProperty deviceImei = new SimpleStringProperty("");
    private final StringProperty location = new SimpleStringProperty("");
    private final StringProperty note = new SimpleStringProperty("");
    private final StringProperty zone = new SimpleStringProperty("");
    private final ObjectProperty<ItemKind> kind = new SimpleObjectProperty<>(null);
    private final StringBinding problem;

    public ImportViewModel(Path caseDir, ImportService imports, ZoneId caseZone) {
        this.caseDir = caseDir;
        this.imports = imports;
        zone.set(caseZone == null ? ZoneId.systemDefault().getId() : caseZone.getId());
        problem = Bindings.createStringBinding(this::findProblem, zone, deviceImei);
    }

    private String findProblem() {
        try {
            ZoneId.of(zone.get().strip());
        } catch (DateTimeException e) {
            return Messages.get("import.problem.zone", zone.get());
        }
        String imei = deviceImei.get().strip();
        if (!imei.isEmpty() && !imei.matches("\\d{14,16}")) {
            return Messages.get("import.problem.imei");
        }
        return "";
    }

    /** The request for ImportService; blank fields become null. */
    public ImportRequest request(Actor actor, DateOrder dateOrder, List<TimestampSource> tsas) {
        SourceDetails src = new SourceDetails(b(source), b(deviceMake), b(deviceModel), b(deviceSerial), b(deviceImei),
                b(location));
        return new ImportRequest(kind.get(), ZoneId.of(zone.get().strip()), dateOrder, src, b(note), tsas, actor);
    }

    private static String b(StringProperty p) {
        String s = p.get();
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Imports one path (worker thread). */
    public ImportOutcome importOne(Path path, ImportRequest request, ProgressListener progress, CancelFlag cancel)
            throws SakshiException {
        return imports.importPaths(caseDir, List.of(path), request, progress, cancel);
    }

    /**
     * The progress line under a running import, e.g. {@code 12.0 MiB of 40.0 MiB · 85.3 MB/s · 1 s left};
     * the rate and time left appear once there is a second of history.
     */
    public static String progressText(long done, long total, Duration elapsed) {
        StringBuilder sb = new StringBuilder(ByteSize.format(done));
        if (total > 0) {
            sb.append(' ').append(Messages.get("import.of")).append(' ').append(ByteSize.format(total));
        }
        double secs = elapsed.toMillis() / 1000.0;
        if (secs >= 1 && done > 0) {
            double rate = done / secs;
            sb.append(" \u00b7 ").append(String.format(Locale.ROOT, "%.1f MB/s", rate / 1e6));
            if (total > done) {
                long left = (long) Math.ceil((total - done) / rate);
                sb.append(" \u00b7 ").append(Messages.get("import.left", left));
            }
        }
        return sb.toString();
    }

    public StringProperty sourceProperty() {
        return source;
    }

    public StringProperty deviceMakeProperty() {
        return deviceMake;
    }

    public StringProperty deviceModelProperty() {
        return deviceModel;
    }

    public StringProperty deviceSerialProperty() {
        return deviceSerial;
    }

    public StringProperty deviceImeiProperty() {
        return deviceImei;
    }

    public StringProperty locationProperty() {
        return location;
    }

    public StringProperty noteProperty() {
        return note;
    }

    public StringProperty zoneProperty() {
        return zone;
    }

    public ObjectProperty<ItemKind> kindProperty() {
        return kind;
    }

    public StringBinding problemProperty() {
        return problem;
    }
}
