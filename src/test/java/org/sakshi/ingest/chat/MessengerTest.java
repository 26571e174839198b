package org.sakshi.ingest.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sakshi.ingest.chat.ChatTestSupport.attachment;
import static org.sakshi.ingest.chat.ChatTestSupport.flags;
import static org.sakshi.ingest.chat.ChatTestSupport.members;
import static org.sakshi.ingest.chat.ChatTestSupport.options;
import static org.sakshi.ingest.chat.ChatTestSupport.run;
import static org.sakshi.ingest.chat.ChatTestSupport.sha256;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sakshi.core.ItemKind;
import org.sakshi.ingest.ParseInput;

/** Facebook Messenger / Instagram "Download your information" JSON, with its latin-1 mojibake. */
class MessengerTest {
    @TempDir
    Path dir;

    /** How Facebook writes a string: every UTF-8 byte as its own backslash-u00XX escape. */
    static String fb(String s) {
        StringBuilder b = new StringBuilder();
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            int v = x & 0xFF;
            if (v < 0x80 && v != '"' && v != '\\') {
                b.append((char) v);
            } else {
                b.append(String.format("\\u00%02x", v));
            }
        }
        return b.toString();
    }

    static String thread(String photoUri) {
        return "{\"participants\": [{\"name\": \"" + fb("Ramesh कुमार") + "\"}, {\"name\": \"Jos\\u00e9\"}],\n"
                + "\"messages\": [\n"
                + "{\"sender_name\": \"Jos\\u00e9\", \"timestamp_ms\": 1627583399000, \"content\": \"" + fb("আপনি কেমন আছেন?")
                + "\", \"is_geoblocked_for_viewer\": false},\n"
                + "{\"sender_name\": \"" + fb("Ramesh कुमार") + "\", \"timestamp_ms\": 1627462800000, \"photos\": [{\"uri\": \""
                + photoUri + "\", \"creation_timestamp\": 1627462800}]},\n"
                + "{\"sender_name\": \"" + fb("Ramesh कुमार") + "\", \"timestamp_ms\": 1627461300000, \"content\": \"gone\","
                + " \"is_unsent\": true},\n"
                + "{\"sender_name\": \"Jos\\u00e9\", \"timestamp_ms\": 1627461000000, \"content\": \"Jos\\u00e9 joined\", \"type\": \"Subscribe\"}\n"
                + "],\n\"title\": \"" + fb("Ramesh कुमार") + "\", \"is_still_participant\": true, \"thread_path\": \"inbox/ramesh_123\"}\n";
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Hindi      | नमस्ते",
        "Bengali    | আপনি কেমন আছেন?",
        "Nepali     | तपाईंलाई कस्तो छ?",
        "emoji      | ok 👍",
        "ascii      | plain: text"})
    void mojibakeIsRepairedWhereTheStrictUtf8DecodeSucceeds(String language, String text) {
        String mangled = new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        assertEquals(text, Mojibake.repair(mangled), language);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"José", "Ångström", "naïve café", "already नमस्ते"})
    void textThatIsNotMojibakeIsLeftAsWritten(String text) {
        assertEquals(text, Mojibake.repair(text));
    }

    @Test
    void aMessengerThreadIsReadWithRepairedNamesAndTexts() throws Exception {
        Path f = ChatTestSupport.write(dir, "message_1.json", thread("messages/inbox/ramesh_123/photos/1.jpg"));
        ParseInput in = ParseInput.ofFile("message_1.json", f, options());
        assertEquals(ItemKind.CHAT, new ChatParser().detect(in));
        ChatTestSupport.Run r = run(in);
        assertEquals("messenger", r.summary().get("platform"));
        assertEquals(List.of("Ramesh कुमार", "José"), r.summary().get("participants"));
        assertEquals("José", r.message(0).get("sender"));
        assertEquals("আপনি কেমন আছেন?", r.message(0).get("text"));
        assertEquals("2021-07-29T23:59:59", r.message(0).get("time"));
        assertEquals("2021-07-29T18:29:59Z", r.message(0).get("instant"));
        assertEquals(List.of("deleted"), flags(r.message(2)));
        assertEquals(List.of("system"), flags(r.message(3)));
        assertEquals("2021-07-28T14:00:00", r.summary().get("first_time"));
        assertTrue(r.result().assumptions().stream().anyMatch(a -> a.what().equals("text_encoding")));
    }

    @Test
    void aThreadFolderLinksPhotosNamedFromTheRootOfTheDownload() throws Exception {
        byte[] photo = ChatTestSupport.pseudoJpeg(3, 900);
        var entries = ChatTestSupport.folder(dir.resolve("t"), members("message_1.json",
                thread("your_activity_across_facebook/messages/inbox/ramesh_123/photos/1.jpg"), "photos/1.jpg", photo));
        ChatTestSupport.Run r = run(ParseInput.ofFolder("ramesh_123", entries, options()));
        assertEquals(sha256(photo), attachment(r.message(1)).get("sha256"));
        assertEquals(List.of(), r.result().warnings());
    }

    @Test
    void anInstagramDownloadIsNamedAsInstagram() throws Exception {
        Path zip = ChatTestSupport.zip(dir, "instagram-ramesh-2021.zip", members(
                "your_instagram_activity/messages/inbox/ramesh_1/message_1.json", thread("x/photos/1.jpg")));
        ChatTestSupport.Run r = run(ParseInput.ofFile("instagram-ramesh-2021.zip", zip, options()));
        assertEquals("instagram", r.summary().get("platform"));
        assertEquals(4L, r.summary().get("messages"));
    }

    @Test
    void aDownloadWithSeveralThreadsNamesTheThreadFolderOnEachMessage() throws Exception {
        Path zip = ChatTestSupport.zip(dir, "facebook-ramesh.zip", members(
                "messages/inbox/ramesh_1/message_1.json", thread("x/1.jpg"),
                "messages/inbox/suresh_2/message_1.json", thread("x/2.jpg")));
        ChatTestSupport.Run r = run(ParseInput.ofFile("facebook-ramesh.zip", zip, options()));
        assertEquals(8, r.messages().size());
        assertEquals("messages/inbox/ramesh_1", r.message(0).get("chat"));
        assertEquals("messages/inbox/suresh_2", r.message(4).get("chat"));
    }

    @Test
    void aSingleThreadNeedsNoThreadNameOnItsMessages() throws Exception {
        Path f = ChatTestSupport.write(dir, "message_1.json", thread("x/1.jpg"));
        assertEquals(null, run(ParseInput.ofFile("message_1.json", f, options())).message(0).get("chat"));
    }
}
