package org.sakshi.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sakshi.core.CertificateKind;
import org.sakshi.core.InputException;
import org.sakshi.core.Item;

class CertificateTest {
    @TempDir
    Path dir;

    private String certificateText(ReportWriter writer, String id, Map<String, String> extra) throws Exception {
        Path pdf = dir.resolve(id + ".pdf");
        try (OutputStream out = Files.newOutputStream(pdf)) {
            writer.writeCertificate(id, ReportFixtures.data(2), extra, out);
        }
        return PdfText.extract(pdf);
    }

    @ParameterizedTest
    @ValueSource(strings = {"IN-BSA63-PartA", "IN-BSA63-PartB", "US-FRE902-14", "NP-ETA2063", "BD-EA1872", "US-3505", "GENERIC"})
    void everyShippedCertificateListsTheCaseAndEveryItemHash(String id) throws Exception {
        String text = certificateText(new ReportWriter(), id, Map.of("place", "Kolkata"));
        assertTrue(text.contains("FIR 123/2026"), id);
        assertTrue(text.contains(ReportFixtures.BUNDLE_ID), id);
        for (Item it : ReportFixtures.data(0).items()) {
            assertTrue(text.contains(it.digests().sha256()), id + " lacks the SHA-256 of " + it.id());
            assertTrue(text.contains(it.digests().md5()), id + " lacks the MD5 of " + it.id());
        }
        assertFalse(text.contains("${"), id + " has an unfilled placeholder");
        assertTrue(text.contains("Page 1 of"), id);
    }

    @Test
    void bsaPartAGivesDateAsDdMmYyyyAndTimeInIst24Hour() throws Exception {
        // exported 2026-11-20T10:15:30Z = 15:45 IST
        String text = certificateText(new ReportWriter(), "IN-BSA63-PartA", Map.of("place", "Kolkata"));
        assertTrue(text.contains("20/11/2026"), text);
        assertTrue(text.contains("15:45"), text);
        assertTrue(text.contains("Kolkata"));
        assertTrue(text.contains("[X] Mobile"), "the screenshot's phone (IMEI given) ticks Mobile: " + text);
        assertTrue(text.contains("IMEI 356789104512345"));
        assertTrue(text.contains("Samsung Galaxy A14"));
    }

    @Test
    void missingDataPrintsABlankLineToFillByHand() throws Exception {
        String text = certificateText(new ReportWriter(), "IN-BSA63-PartA", Map.of());
        int colour = text.indexOf("Colour");
        assertTrue(colour >= 0);
        assertTrue(text.substring(colour, colour + 60).contains(Templates.BLANK), text.substring(colour, colour + 60));
        int place = text.indexOf("Place");
        assertTrue(text.substring(place).contains(Templates.BLANK), "no place given: blank line expected");
    }

    @Test
    void extraValuesFillPlaceholdersAndPerItemOverrides() {
        List<Templates.Line> lines = Templates.fill("""
                Colour:: ${device.colour}
                {{#items}}
                ${item.id} colour ${item.colour}
                {{/items}}
                """, ReportFixtures.data(0), Map.of("device.colour", "black", "E0002.colour", "blue"));
        assertEquals("black", lines.get(0).text());
        assertEquals(Templates.Kind.FIELD, lines.get(0).kind());
        assertEquals("E0001 colour " + Templates.BLANK, lines.get(1).text());
        assertEquals("E0002 colour blue", lines.get(2).text());
    }

    @Test
    void itemBlockRepeatsOncePerItemAndEventBlockOncePerEvent() {
        ReportData d = ReportFixtures.data(0);
        List<Templates.Line> lines = Templates.fill("""
                {{#items}}
                | ${item.sha256}
                {{/items}}
                {{#events}}
                ${event.seq} ${event.type}
                {{/events}}
                """, d, Map.of());
        assertEquals(d.items().size(), lines.stream().filter(l -> l.kind() == Templates.Kind.MONO).count());
        assertEquals(d.events().size(), lines.stream().filter(l -> l.text().matches("\\d+ [A-Z_]+")).count());
    }

    @Test
    void unknownTickBoxesStayEmptyBoxes() {
        List<Templates.Line> lines = Templates.fill("[${tick.owned}] Owned", ReportFixtures.data(0), Map.of());
        assertEquals("[ ] Owned", lines.get(0).text());
    }

    @Test
    void templateInTheOverrideFolderReplacesTheShippedOne() throws Exception {
        Path templates = Files.createDirectories(dir.resolve("templates"));
        Files.writeString(templates.resolve("GENERIC.txt"), "= Local form\nCase:: ${case.number}\nज़िला प्रमाण\n");
        String text = certificateText(new ReportWriter(templates), "GENERIC", Map.of());
        assertTrue(text.contains("Local form"));
        assertTrue(text.contains("ज़िला प्रमाण"));
        assertFalse(text.contains("CHAIN-OF-CUSTODY"));
    }

    @Test
    void unknownTemplateIdIsAnErrorNamingTheKnownIds() {
        ReportException e = assertThrows(ReportException.class, () -> new ReportWriter()
                .writeCertificate("XX-NONE", ReportFixtures.data(0), Map.of(), new ByteArrayOutputStream()));
        assertTrue(e.getMessage().contains("IN-BSA63-PartA"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"IN-BSA63,IN-BSA63-PartA;IN-BSA63-PartB", "US-FRE902,US-FRE902-14", "generic,GENERIC",
        "us-fre902-14,US-FRE902-14", "np,NP-ETA2063", "BD,BD-EA1872", "us-3505,US-3505"})
    void aCertificateCodeNamesItsTemplates(String code, String ids) throws Exception {
        assertEquals(List.of(ids.split(";")), CertificateKind.fromCode(code).templates());
    }

    @Test
    void anUnknownCertificateCodeIsAnInputErrorListingTheCodes() {
        InputException e = assertThrows(InputException.class, () -> CertificateKind.fromCode("XX-NONE"));
        assertTrue(e.getMessage().contains("IN-BSA63|US-FRE902|NP|BD|US-3505|GENERIC"), e.getMessage());
    }

    @Test
    void everyTemplateOfEveryCertificateKindIsShipped() {
        assertEquals(CertificateKind.allTemplates(), ReportWriter.CERTIFICATE_IDS);
        for (String id : CertificateKind.allTemplates()) {
            assertTrue(ReportWriter.class.getResource("templates/" + id + ".txt") != null, id + " is shipped");
        }
    }
}
