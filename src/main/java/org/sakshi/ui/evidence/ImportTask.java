package org.sakshi.ui.evidence;

import java.nio.file.Path;
import java.time.Duration;
import javafx.concurrent.Task;
import org.sakshi.core.CancelFlag;
import org.sakshi.service.ImportOutcome;
import org.sakshi.service.ImportRequest;
import org.sakshi.ui.common.Messages;

/**
 * Imports one path. End states: SUCCEEDED with the outcome (the path may still be listed as a
 * failure inside it); FAILED with the exception (AmbiguousDateOrderException asks the user, then a
 * new task is made); CANCELLED after Cancel, when the service has rolled back the unfinished item.
 * Progress is bytes; the message is size, MB/s and time left.
 */
final class ImportTask extends Task<ImportOutcome> {
    private final ImportViewModel vm;
    private final Path path;
    private final ImportRequest request;
    private final CancelFlag cancel = new CancelFlag();

    ImportTask(ImportViewModel vm, Path path, ImportRequest request) {
        this.vm = vm;
        this.path = path;
        this.request = request;
        updateTitle(path.getFileName() == null ? path.toString() : path.getFileName().toString());
        updateMessage(Messages.get("import.waiting"));
    }

    Path path() {
        return path;
    }

    ImportRequest request() {
        return request;
    }

    @Override
    protected ImportOutcome call() throws Exception {
        long start = System.nanoTime();
        long[] lastUi = {0};
        updateMessage(Messages.get("import.starting"));
        return vm.importOne(path, request, (done, total, what) -> {
            if (isCancelled()) {
                cancel.cancel();
            }
            long now = System.nanoTime();
            if (now - lastUi[0] > 100_000_000L || done == total) {
                lastUi[0] = now;
                updateProgress(done, total > 0 ? total : -1);
                updateMessage(ImportViewModel.progressText(done, total, Duration.ofNanos(now - start)));
            }
        }, cancel);
    }

    @Override
    protected void cancelled() {
        cancel.cancel();
    }
}
