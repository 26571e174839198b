package org.sakshi.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sakshi.core.Item;
import org.sakshi.core.Verdict;

/**
 * A folder whose names meet after cleaning ({@code x%y.txt} and {@code x_y.txt}) or differ only in
 * case ({@code A.txt}, {@code a.txt}) exports with deterministic {@code ~2} suffixes, keeps every
 * original name in case.json, and verifies PASSED.
 */
class BagCollisionTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Fixture.Store.class)
    void namesThatMeetAfterCleaningOrCaseFoldingGetATildeSuffixAndKeepTheirOriginalInCaseJson(Fixture.Store store) throws Exception {
        ExportFixture fx = new ExportFixture(dir, store);
        Path phone = Files.createDirectories(dir.resolve("phone"));
        Files.writeString(phone.resolve("x%y.txt"), "percent");
        Files.writeString(phone.resolve("x_y.txt"), "underscore");
        Files.writeString(phone.resolve("A.txt"), "upper");
        Files.writeString(phone.resolve("a.txt"), "lower");
        Item folder = fx.imports.importPaths(fx.caseDir, List.of(phone), Fixture.plain(), null, null).imported().get(0);
        Path out = dir.resolve("bundle.zip");
        ExportResult r = fx.exports.export(fx.caseDir, fx.request(out, List.of(folder.id())), null, null);
        assertEquals(Verdict.PASSED, fx.verifier.verify(out, fx.trust(), null).verdict());

        String base = r.bundleId() + "/data/evidence/" + folder.id() + "/phone/";
        Map<String, String> content = new HashMap<>();
        JsonNode caseJson;
        try (ZipFile z = ZipFile.builder().setPath(out).get()) {
            for (ZipArchiveEntry e : Collections.list(z.getEntries())) {
                if (e.getName().startsWith(base)) {
                    content.put(e.getName().substring(base.length()), new String(z.getInputStream(e).readAllBytes()));
                }
            }
            caseJson = new ObjectMapper().readTree(z.getInputStream(z.getEntry(r.bundleId() + "/data/case.json")));
        }
        // sorted originals: A.txt, a.txt, x%y.txt, x_y.txt; the first to claim a name keeps it
        assertEquals(Map.of("A.txt", "upper", "a~2.txt", "lower", "x_y.txt", "percent", "x_y~2.txt", "underscore"),
                content);
        JsonNode item = caseJson.get("items").get(0);
        List<String> originals = new ArrayList<>();
        item.get("renamed").forEach(n -> originals.add(n.get("original").asText() + " -> "
                + n.get("path").asText().substring(n.get("path").asText().lastIndexOf('/') + 1)));
        assertEquals(List.of("a.txt -> a~2.txt", "x%y.txt -> x_y.txt", "x_y.txt -> x_y~2.txt"), originals);
        assertTrue(item.get("renamed").get(0).get("path").asText().startsWith("data/evidence/"));
    }
}
