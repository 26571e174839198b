package org.sakshi.service;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.sakshi.core.Actor;
import org.sakshi.core.Clock;
import org.sakshi.core.Workstation;
import org.sakshi.ingest.Ingest;
import org.sakshi.storage.ServerConfig;
import org.sakshi.vault.SinkFactory;

/**
 * One workstation of {@link ServerConcurrencyTest}, run in its own JVM: {@code threads} writers,
 * each importing its files into the same server case one operation at a time, then a note.
 * Args: case folder, server address, login, vault, profile, workstation name, threads, then the files
 * of writer 0 separated by ',' , of writer 1, ...
 */
public final class ConcurrentImportMain {
    private ConcurrentImportMain() {
    }

    public static void main(String[] args) throws Exception {
        Path caseDir = Path.of(args[0]);
        ServerConfig server = new ServerConfig("lab", args[1], args[2], null, Path.of(args[3]));
        Path profile = Path.of(args[4]);
        String host = args[5];
        int threads = Integer.parseInt(args[6]);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String[] files = args[7 + t].split(",");
            String who = host + "-w" + t;
            done.add(pool.submit(() -> {
                CaseAccess access = new CaseAccess(Clock.SYSTEM, new Workstation(host, who, "sakshi test"),
                        SinkFactory.BUFFERED, Duration.ofSeconds(30), profile, name -> server);
                ImportService imports = new ImportService(access, new Ingest());
                CustodyService custody = new CustodyService(access);
                Actor actor = Actor.named("SI " + who);
                for (String f : files) {
                    imports.importPaths(caseDir, List.of(Path.of(f)), new ImportRequest(null, null, null, null, null,
                            null, actor), null, null);
                }
                custody.note(caseDir, actor, "done by " + who, List.of());
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        System.exit(0);
    }
}
