package org.sakshi.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Help → User guide shows the README's sections for officers, prosecutors and labs; the shipped copy
 * must equal them. To refresh it: {@code mvn -o test -Dtest=UserGuideTest -Dsakshi.updateDocs=true}.
 */
class UserGuideTest {
    static final Path README = Path.of("README.md");
    static final Path COPY = Path.of("src/main/resources/org/sakshi/ui/user-guide.md");
    static final List<String> SECTIONS = List.of("## For officers", "## In your language", "## For prosecutors",
            "## For forensic labs");

    /** The README's sections, each up to the next "## " heading, in README order. */
    static String fromReadme() throws Exception {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder("# Sakshi user guide\n\n(The README's sections for officers,"
                + " prosecutors and labs.)\n\n");
        for (String h : SECTIONS) {
            int b = readme.indexOf("\n" + h + "\n");
            assertTrue(b >= 0, "README has no section " + h);
            int e = readme.indexOf("\n## ", b + 1);
            out.append(readme, b + 1, e < 0 ? readme.length() : e + 1).append('\n');
        }
        return out.toString();
    }

    @Test
    void theGuideShippedWithTheWindowIsTheReadmesSectionsForOfficersProsecutorsAndLabs() throws Exception {
        String fresh = fromReadme();
        if (Boolean.getBoolean("sakshi.updateDocs")) {
            Files.writeString(COPY, fresh, StandardCharsets.UTF_8);
            return;
        }
        assertEquals(fresh, Files.readString(COPY, StandardCharsets.UTF_8), COPY + " is stale: run mvn -o test"
                + " -Dtest=UserGuideTest -Dsakshi.updateDocs=true and commit it");
        assertEquals(fresh, UserGuide.text(), "the window reads the shipped copy");
    }
}
