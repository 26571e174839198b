package org.sakshi.ingest.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sakshi.ingest.chat.ChatTestSupport.attachment;
import static org.sakshi.ingest.chat.ChatTestSupport.flags;
import static org.sakshi.ingest.chat.ChatTestSupport.options;
import static org.sakshi.ingest.chat.ChatTestSupport.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sakshi.core.DateOrder;
import org.sakshi.ingest.ParseInput;

/**
 * The marker data files: every string of every language, written by a person on Android and on
 * iOS (with the direction mark iOS puts before it), keeps its sender and gets its flag; only group
 * notices lose the sender.
 */
class WhatsAppMarkersTest {
    static final List<String> REQUIRED = List.of("hi", "bn", "ne", "ur", "ta", "te", "mr", "gu", "pa", "kn", "ml", "or",
            "as", "en");

    @TempDir
    Path dir;

    @Test
    void atLeastThirtyLanguagesAreListedIncludingEveryLanguageOfTheFourCountries() {
        Map<String, String> langs = WhatsAppMarkers.languages();
        assertTrue(langs.size() >= 30, langs.keySet().toString());
        assertTrue(langs.keySet().containsAll(REQUIRED), langs.keySet().toString());
        for (String l : langs.keySet()) {
            assertTrue(WhatsAppMarkers.entries().stream().anyMatch(e -> e.language().equals(l)
                    && e.kind() == WhatsAppMarkers.Kind.MEDIA_OMITTED), l + " has no media-omitted marker");
            assertTrue(WhatsAppMarkers.entries().stream().anyMatch(e -> e.language().equals(l)
                    && e.kind() == WhatsAppMarkers.Kind.DELETED), l + " has no deleted marker");
        }
    }

    @Test
    void everyStringNamesItsSourceAndDraftedStringsSaySo() {
        for (WhatsAppMarkers.Entry e : WhatsAppMarkers.entries()) {
            assertTrue(e.source().startsWith("public:") || e.source().startsWith("drafted"), e.toString());
        }
        assertTrue(WhatsAppMarkers.entries().stream().anyMatch(e -> !e.drafted()));
    }

    static Stream<Arguments> userMarkers() {
        return WhatsAppMarkers.entries().stream()
                .filter(e -> switch (e.kind()) {
                    case MEDIA_OMITTED, OMITTED, CONTACT_OMITTED, DELETED, LIVE_LOCATION, VIEW_ONCE -> true;
                    default -> false;
                })
                .map(e -> Arguments.of(e.language() + " " + e.kind().key() + " " + e.text(), e));
    }

    private ChatTestSupport.Run runText(String text) throws Exception {
        Path f = ChatTestSupport.write(dir, "chat.txt", text);
        return run(ParseInput.ofFile("chat.txt", f, options().withDateOrder(DateOrder.DMY)));
    }

    private static String expectedFlag(WhatsAppMarkers.Kind k) {
        return switch (k) {
            case DELETED -> "deleted";
            case LIVE_LOCATION -> "location";
            case VIEW_ONCE -> "view_once";
            case CONTACT_OMITTED -> "contact_card";
            default -> "media_omitted";
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("userMarkers")
    void aMarkerWrittenByAPersonKeepsItsSenderAndGetsItsFlag(String label, WhatsAppMarkers.Entry e) throws Exception {
        String android = "28/07/21, 14:05 - Ramesh Kumar: " + e.text() + "\n";
        String ios = "[28/07/21, 14:06:00] Group: \u200EMessages and calls are end-to-end encrypted.\n"
                + "[28/07/21, 14:07:00] Ramesh Kumar: \u200E" + e.text() + "\n";
        ChatTestSupport.Run a = runText(android);
        assertEquals("Ramesh Kumar", a.message(0).get("sender"), label);
        assertEquals(e.text(), a.message(0).get("text"), "the text is kept as exported");
        assertTrue(flags(a.message(0)).contains(expectedFlag(e.kind())), label + " " + flags(a.message(0)));

        ChatTestSupport.Run i = runText(ios);
        assertNull(i.message(0).get("sender"));
        assertEquals("Ramesh Kumar", i.message(1).get("sender"), label + " on iOS");
        assertTrue(flags(i.message(1)).contains(expectedFlag(e.kind())), label + " on iOS " + flags(i.message(1)));
    }

    static Stream<Arguments> attachmentWords() {
        return WhatsAppMarkers.entries().stream()
                .filter(e -> e.kind() == WhatsAppMarkers.Kind.FILE_ATTACHED || e.kind() == WhatsAppMarkers.Kind.ATTACHED)
                .map(e -> Arguments.of(e.language() + " " + e.kind().key() + " " + e.text(), e));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attachmentWords")
    void everyLocalisedAttachmentFormLinksTheNamedFile(String label, WhatsAppMarkers.Entry e) throws Exception {
        String body = e.kind() == WhatsAppMarkers.Kind.ATTACHED ? "\u200E<" + e.text() + ": 00000012-Scan 12.pdf>"
                : e.text().contains("%s") ? e.text().replace("%s", "\u200EScan 12.pdf")
                : "Scan 12.pdf (" + e.text() + ")";
        String name = e.kind() == WhatsAppMarkers.Kind.FILE_ATTACHED ? "Scan 12.pdf" : "00000012-Scan 12.pdf";
        ChatTestSupport.Run r = runText("[28/07/21, 14:05:00] Ramesh: " + body + "\ncaption line\n");
        assertEquals("Ramesh", r.message(0).get("sender"), label);
        assertEquals(name, attachment(r.message(0)).get("name"), label);
    }

    @Test
    void anAndroidAttachmentWithoutParenthesesLinksTheFileButOrdinaryWordsDoNot() throws Exception {
        // older Tamil and Persian builds write the words around the name without parentheses
        ChatTestSupport.Run r = runText("28/07/21, 14:05 - முருகன்: \u200EIMG-20210728-WA0001.jpg இணைக்கப்பட்டது\n"
                + "28/07/21, 14:06 - علی: فایل پیوست شد DOC-20210728-WA0002.pdf\n"
                + "28/07/21, 14:07 - முருகன்: படம் இணைக்கப்பட்டது\n");
        assertEquals("IMG-20210728-WA0001.jpg", attachment(r.message(0)).get("name"));
        assertEquals("முருகன்", r.message(0).get("sender"));
        assertEquals("DOC-20210728-WA0002.pdf", attachment(r.message(1)).get("name"));
        assertNull(r.message(2).get("attachment"), "a sentence that only ends like the marker names no file");
    }

    @Test
    void aChineseIosAttachmentWithItsFullWidthColonLinksTheNamedFile() throws Exception {
        ChatTestSupport.Run r = runText("[28/07/21, 14:05:00] 王伟: \u200E<附件：00000012-PHOTO-2021-07-28-14-05-00.jpg>\n");
        assertEquals("王伟", r.message(0).get("sender"));
        assertEquals("00000012-PHOTO-2021-07-28-14-05-00.jpg", attachment(r.message(0)).get("name"));
    }

    @Test
    void theIosStringsWhatsAppShipsForHindiKeepTheSenderAndFlagTheMessage() throws Exception {
        // WhatsApp 22.24.81 iOS Localizable.strings (HI) and a real iOS export in Hindi (see SOURCES)
        ChatTestSupport.Run r = runText("[28/07/21, 14:05:00] Elon Musk: \u200Eमैसेजेस और कॉल्स एंड-टू-एंड एन्क्रिप्टेड हैं.\n"
                + "\u200E[28/07/21, 14:06:00] Dmitry S: \u200Eफ़ोटो हटाई गई\n"
                + "\u200E[28/07/21, 14:07:00] Dmitry S: \u200Eकॉन्टैक्ट कार्ड छोड़ा गया\n"
                + "[28/07/21, 14:08:00] Elon Musk: \u200Eयह मैसेज डिलीट कर दिया गया है.\n"
                + "[28/07/21, 14:09:00] Dmitry S: \u200Eलोकेशन: https://maps.google.com/?q=51.5,-0.12\n");
        assertEquals(List.of("system"), flags(r.message(0)));
        assertEquals("Dmitry S", r.message(1).get("sender"));
        assertEquals(List.of("media_omitted"), flags(r.message(1)));
        assertEquals(List.of("media_omitted", "contact_card"), flags(r.message(2)));
        assertEquals("Elon Musk", r.message(3).get("sender"));
        assertEquals(List.of("deleted"), flags(r.message(3)));
        assertEquals(List.of("location"), flags(r.message(4)));
    }

    static Stream<Arguments> editedNotes() {
        return WhatsAppMarkers.entries().stream().filter(e -> e.kind() == WhatsAppMarkers.Kind.EDITED)
                .map(e -> Arguments.of(e.language() + " " + e.text(), e));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("editedNotes")
    void everyEditedNoteFlagsTheMessage(String label, WhatsAppMarkers.Entry e) throws Exception {
        ChatTestSupport.Run r = runText("28/07/21, 14:05 - Ramesh: I will come at 5 \u200E" + e.text() + "\n");
        assertEquals(List.of("edited"), flags(r.message(0)), label);
    }

    @Test
    void anIosDocumentWithPageCountBeforeTheMarkerIsAUserMessageWithItsAttachment() throws Exception {
        ChatTestSupport.Run r = runText("[28/07/21, 14:05:00] Ramesh: \u200Ereport \u2022 2 pages \u200E<attached: 00000003-report.pdf>\n");
        assertEquals("Ramesh", r.message(0).get("sender"));
        assertEquals("00000003-report.pdf", attachment(r.message(0)).get("name"));
    }

    @Test
    void anIosDocumentLeftOutWithItsPageCountIsMediaOmitted() throws Exception {
        ChatTestSupport.Run r = runText("[28/07/21, 14:05:00] Ramesh: \u200Ereport \u2022 1 page document omitted\n");
        assertEquals("Ramesh", r.message(0).get("sender"));
        assertEquals(List.of("media_omitted"), flags(r.message(0)));
    }

    @Test
    void anAndroidDocumentWithItsNameRepeatedBelowLinksTheFile() throws Exception {
        ChatTestSupport.Run r = runText("28/07/21, 14:05 - Ramesh: report.pdf (file attached)\nreport\n");
        assertEquals("report.pdf", attachment(r.message(0)).get("name"));
        assertEquals("report.pdf (file attached)\nreport", r.message(0).get("text"));
    }

    @Test
    void locationSharesAndPollsKeepTheirSender() throws Exception {
        ChatTestSupport.Run r = runText("28/07/21, 14:05 - Ramesh: Helsinki\nHelsinki\nlocation: https://maps.google.com/?q=60.1,24.9\n"
                + "[28/07/21, 14:06:00] Suresh: \u200ELocation: https://maps.google.com/?q=60.1,24.9\n"
                + "[28/07/21, 14:07:00] Suresh: \u200EPOLL:\nWhen?\n\u200EOPTION: 5 pm (1 vote)\n");
        assertEquals("Ramesh", r.message(0).get("sender"));
        assertEquals("Suresh", r.message(1).get("sender"));
        assertEquals(List.of("location"), flags(r.message(1)));
        assertEquals("Suresh", r.message(2).get("sender"));
        assertEquals(List.of("poll"), flags(r.message(2)));
    }

    @Test
    void onlyGroupNoticesAreSystemMessagesAlsoUnderTheChatsOwnName() throws Exception {
        ChatTestSupport.Run r = runText("""
                [28/07/21, 14:00:00] Trip: Messages to this group are now secured with end-to-end encryption.
                [28/07/21, 14:01:00] Trip: \u200ERamesh added Suresh
                [28/07/21, 14:02:00] Trip: Ramesh changed the subject to "Trip 2"
                [28/07/21, 14:03:00] Ramesh: I created group plans, see you
                28/07/21, 14:04 - Ramesh created group "Trip"
                """);
        assertNull(r.message(0).get("sender"));
        assertNull(r.message(1).get("sender"));
        assertNull(r.message(2).get("sender"), "a notice under the chat name without a mark");
        assertEquals("Ramesh", r.message(3).get("sender"), "a person writing the same words is a person");
        assertNull(r.message(4).get("sender"));
        assertEquals(1L, r.summary().get("user_messages"));
    }

    @Test
    void normalisingIgnoresMarksCaseSpacesAndAFinalFullStop() {
        assertEquals("<media omitted>", WhatsAppMarkers.normalize("\u200E<Media\u00A0omitted>. "));
        assertEquals("यह मैसेज डिलीट कर दिया गया", WhatsAppMarkers.normalize("यह मैसेज डिलीट कर दिया गया।"));
        assertFalse(WhatsAppMarkers.deleted("This message was deleted, sorry"));
    }
}
