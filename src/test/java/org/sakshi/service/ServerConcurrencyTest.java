package org.sakshi.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.core.CustodyEvent;
import org.sakshi.core.Item;
import org.sakshi.signing.WorkstationKey;
import org.sakshi.storage.ServerConfig;
import org.sakshi.testsupport.PgCluster;

/**
 * Issue 14: several workstations append to one case on a lab server at once and the ledger stays
 * one gap-free chain. 8 writers in 4 real JVMs import into the same server case (some files with
 * the same content, so their vault copies race too), then the case is checked as a whole.
 */
class ServerConcurrencyTest {
    private static final int JVMS = 4;
    private static final int THREADS = 2;
    private static final int FILES = 4;

    @TempDir
    Path tmp;

    private static String classPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp == null || cp.isBlank() ? System.getProperty("java.class.path") : cp;
    }

    @Test
    void eightWritersOnFourJvmsLeaveOneIntactGapFreeChainWithNoEventLost() throws Exception {
        ServerConfig server = PgCluster.shared().newServer("lab", tmp.resolve("lab-vault"));
        Fixture fx = new Fixture(org.sakshi.vault.SinkFactory.DIRECT, new org.sakshi.ingest.Ingest(), server);
        Path c = fx.newCase(tmp.resolve("lab-vault").resolve("FIR-12"));
        List<Process> children = new ArrayList<>();
        for (int j = 0; j < JVMS; j++) {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-cp", classPath(), ConcurrentImportMain.class.getName(), c.toString(), server.url(),
                    server.user(), server.vault().toString(), WorkstationKey.profileDir().toString(), "ws" + j,
                    String.valueOf(THREADS)));
            for (int t = 0; t < THREADS; t++) {
                List<String> files = new ArrayList<>();
                for (int i = 0; i < FILES; i++) {
                    Path f = tmp.resolve("in").resolve("j" + j + "t" + t).resolve("file" + i + ".txt");
                    Files.createDirectories(f.getParent());
                    // the first file of every writer has the same bytes: eight copies into one vault blob at once
                    Files.writeString(f, i == 0 ? "the same seized photo" : "evidence " + j + "/" + t + "/" + i,
                            StandardCharsets.UTF_8);
                    files.add(f.toString());
                }
                cmd.add(String.join(",", files));
            }
            children.add(new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(tmp.resolve("ws" + j + ".log").toFile()).start());
        }
        for (int j = 0; j < JVMS; j++) {
            Process p = children.get(j);
            try {
                assertTrue(p.waitFor(240, TimeUnit.SECONDS), "workstation " + j + " did not finish");
                assertEquals(0, p.exitValue(), Files.readString(tmp.resolve("ws" + j + ".log")));
            } finally {
                p.destroyForcibly();
            }
        }

        LedgerStatus st = fx.custody.verify(c);
        assertTrue(st.intact(), st.message());
        List<CustodyEvent> events = fx.custody.events(c);
        for (int i = 0; i < events.size(); i++) {
            assertEquals(i + 1, events.get(i).seq(), "seq has no gap");
        }
        assertEquals(events.size(), st.events());
        int writers = JVMS * THREADS;
        assertEquals(writers * FILES, events.stream().filter(e -> e.type().equals("ITEM_IMPORTED")).count(),
                "every import is on the record");
        assertEquals(writers, events.stream().filter(e -> e.type().equals("NOTE")).count(), "every note is on the record");
        assertFalse(events.stream().anyMatch(e -> e.type().equals("LEDGER_ADOPTED")),
                "every event was covered by a head when it was committed");
        List<Item> items = fx.evidence.items(c);
        assertEquals(writers * FILES, items.size());
        Set<String> ids = new HashSet<>();
        for (Item it : items) {
            assertTrue(ids.add(it.id()), "item ids are unique: " + it.id());
            Path blob = fx.evidence.blobPath(c, it.id());
            assertEquals(it.digests().sha256(), sha256(blob), "the vault copy of " + it.id() + " is intact");
        }
    }

    private static String sha256(Path f) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(f)));
    }
}
