package org.sakshi.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.sakshi.core.Actor;

/** CSV cells a spreadsheet would run as formulas are neutralised (OWASP CSV injection). */
class CsvTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "=HYPERLINK(\"http://x\")|`\"'=HYPERLINK(\"\"http://x\"\")\"`",
            "+1+2|\"'+1+2\"",
            "-2+3|\"'-2+3\"",
            "@SUM(A1)|\"'@SUM(A1)\"",
            "plain text|plain text",
            "a,b|\"a,b\"",
            "x=1|x=1"})
    void formulaTriggersAreQuotedAndPrefixedWithAQuote(String in, String out) {
        assertEquals(out, Csv.cell(in));
    }

    @Test
    void tabAndCarriageReturnAtTheStartAreNeutralisedToo() {
        assertEquals("\"'\tcmd\"", Csv.cell("\tcmd"));
        assertEquals("\"'\r=1\"", Csv.cell("\r=1"));
    }

    @Test
    void numbersStayNumbersEvenWhenNegative() {
        assertEquals("-5", Csv.cell(-5L));
        assertEquals("", Csv.cell(null));
    }

    @ParameterizedTest
    @EnumSource(Fixture.Store.class)
    void theCustodyCsvNeutralisesAFormulaInAnOfficersName(Fixture.Store store) throws Exception {
        Fixture fx = store.fixture();
        Path c = fx.newCase(tmp.resolve("case"));
        fx.custody.note(c, new Actor("=cmd|' /C calc'!A0", null, null, null, null), "seal intact", List.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fx.custody.writeCsv(c, out);
        String last = out.toString(StandardCharsets.UTF_8).split("\r\n")[2];
        assertTrue(last.contains(",\"'=cmd|' /C calc'!A0\","), last);
    }
}
