package org.sakshi.ingest.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sakshi.ingest.chat.ChatTestSupport.attachment;
import static org.sakshi.ingest.chat.ChatTestSupport.flags;
import static org.sakshi.ingest.chat.ChatTestSupport.members;
import static org.sakshi.ingest.chat.ChatTestSupport.options;
import static org.sakshi.ingest.chat.ChatTestSupport.run;
import static org.sakshi.ingest.chat.ChatTestSupport.sha256;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.core.ItemKind;
import org.sakshi.ingest.ParseInput;

/**
 * Telegram Desktop's HTML export (messages.html, messages2.html, photos/, files/), built in the
 * exporter's structure, read to the same model as result.json; Telegram JSON date strings; the
 * Instagram and Facebook download layouts.
 */
class TelegramHtmlTest {
    static final String PHOTO = "photos/photo_1@28-07-2021_14-06-00.jpg";

    @TempDir
    Path dir;

    static String page(String messages) {
        return "<!DOCTYPE html>\n<html>\n <head>\n  <meta charset=\"utf-8\"/>\n<title>Exported Data</title>\n"
                + "  <link href=\"css/style.css\" rel=\"stylesheet\"/>\n </head>\n <body onload=\"CheckLocation();\">\n"
                + "  <div class=\"page_wrap\">\n   <div class=\"page_header\">\n    <div class=\"content\">\n"
                + "     <div class=\"text bold\">\nSakshi Group\n     </div>\n    </div>\n   </div>\n"
                + "   <div class=\"page_body chat_page\">\n    <div class=\"history\">\n" + messages
                + "    </div>\n   </div>\n  </div>\n </body>\n</html>\n";
    }

    static String service(int id, String text) {
        return "     <div class=\"message service\" id=\"message" + id + "\">\n      <div class=\"body details\">\n"
                + text + "\n      </div>\n     </div>\n";
    }

    static String message(int id, boolean joined, String title, String from, String inner) {
        return "     <div class=\"message default clearfix" + (joined ? " joined" : "") + "\" id=\"message" + id + "\">\n"
                + (joined ? "" : "      <div class=\"pull_left userpic_wrap\">\n       <div class=\"userpic userpic2\" "
                        + "style=\"width: 42px; height: 42px\">\n        <div class=\"initials\" style=\"line-height: 42px\">\nR\n"
                        + "        </div>\n       </div>\n      </div>\n")
                + "      <div class=\"body\">\n       <div class=\"pull_right date details\" title=\"" + title + "\">\n14:05\n"
                + "       </div>\n" + (from == null ? "" : "       <div class=\"from_name\">\n" + from + "\n       </div>\n")
                + inner + "      </div>\n     </div>\n";
    }

    static String text(String html) {
        return "       <div class=\"text\">\n" + html + "\n       </div>\n";
    }

    static String page1() {
        return page(service(-1, "28 July 2021")
                + service(1, "Ramesh Kumar created group «Sakshi Group»")
                + message(2, false, "28.07.2021 14:05:00 UTC+05:30", "Ramesh Kumar", text("नमस्ते<br>second line"))
                + message(3, true, "28.07.2021 14:06:00 UTC+05:30", null,
                        "       <div class=\"media_wrap clearfix\">\n        <a class=\"photo_wrap clearfix pull_left\" href=\""
                        + PHOTO + "\">\n         <img class=\"photo\" src=\"" + PHOTO.replace(".jpg", "_thumb.jpg")
                        + "\" style=\"width: 260px; height: 195px\"/>\n        </a>\n       </div>\n" + text("look at this")));
    }

    static String page2() {
        return page(message(4, false, "28.07.2021 15:00:00 UTC+05:30", "Suresh",
                "       <div class=\"reply_to details\">\nIn reply to <a href=\"#go_to_message2\" onclick=\"return "
                        + "GoToMessage(2)\">this message</a>\n       </div>\n"
                        + "       <div class=\"media_wrap clearfix\">\n        <div class=\"media clearfix pull_left media_video\">\n"
                        + "         <div class=\"fill pull_left\">\n         </div>\n         <div class=\"body\">\n"
                        + "          <div class=\"title bold\">\nVideo file\n          </div>\n          <div class=\"status details\">\n"
                        + "Not included, change data exporting settings to download.\n          </div>\n         </div>\n"
                        + "        </div>\n       </div>\n")
                + message(5, false, "29.07.2021 23:59:59 UTC+05:30", "Suresh",
                "       <div class=\"forwarded body\">\n        <div class=\"from_name\">\nNews Channel <span class=\"details\"> "
                        + "27.07.2021 10:00:00</span>\n        </div>\n" + text("forwarded <a href=\"https://x.in\">link</a>")
                        + "       </div>\n"));
    }

    private void assertChat(ChatTestSupport.Run r, String photoSha, String photoName) {
        assertEquals(ItemKind.CHAT, r.result().kind());
        Map<String, Object> s = r.summary();
        assertEquals("telegram", s.get("platform"));
        assertEquals(5L, s.get("messages"));
        assertEquals(4L, s.get("user_messages"));
        assertEquals(1L, s.get("system_messages"));
        assertEquals(List.of("Ramesh Kumar", "Suresh"), s.get("participants"));
        assertEquals("2021-07-28T14:05:00", s.get("first_time"));
        assertEquals("2021-07-29T23:59:59", s.get("last_time"));
        assertNull(r.message(0).get("sender"));
        assertEquals("Ramesh Kumar created group «Sakshi Group»", r.message(0).get("text"));
        assertEquals(List.of("system"), flags(r.message(0)));
        assertEquals("नमस्ते\nsecond line", r.message(1).get("text"));
        assertEquals("2021-07-28T08:35:00Z", r.message(1).get("instant"));
        assertEquals("2", r.message(1).get("source_id"));
        assertEquals("Ramesh Kumar", r.message(2).get("sender"), "a joined message keeps the previous sender");
        assertEquals(photoName, attachment(r.message(2)).get("name"));
        assertEquals(photoSha, attachment(r.message(2)).get("sha256"));
        assertEquals("look at this", r.message(2).get("text"));
        assertEquals("2", r.message(3).get("reply_to"));
        assertEquals(List.of("media_omitted"), flags(r.message(3)));
        assertEquals(List.of("forwarded"), flags(r.message(4)));
        assertEquals("News Channel", r.message(4).get("forwarded_from"));
        assertEquals("forwarded link", r.message(4).get("text"));
    }

    @Test
    void anHtmlExportFolderIsReadPageByPageWithThePhotoLinkedByHash() throws Exception {
        byte[] photo = ChatTestSupport.pseudoJpeg(4, 3000);
        var entries = ChatTestSupport.folder(dir.resolve("f"), members("messages.html", page1(), "messages2.html", page2(),
                PHOTO, photo, "css/style.css", "body{}"));
        ParseInput in = ParseInput.ofFolder("ChatExport_2021-07-30", entries, options());
        assertEquals(ItemKind.CHAT, new ChatParser().detect(in));
        ChatTestSupport.Run r = run(in);
        assertChat(r, sha256(photo), PHOTO);
        assertEquals("messages.html", ((Map<?, ?>) r.summary().get("chat_file")).get("name"));
    }

    @Test
    void aZipOfTheHtmlExportIsReadInPlaceWithPagesInTheirNumberOrder() throws Exception {
        byte[] photo = ChatTestSupport.pseudoJpeg(5, 3000);
        Path zip = ChatTestSupport.zip(dir, "tg.zip", members("ChatExport_2021-07-30/messages2.html", page2(),
                "ChatExport_2021-07-30/messages.html", page1(), "ChatExport_2021-07-30/" + PHOTO, photo));
        ParseInput in = ParseInput.ofFile("tg.zip", zip, options());
        assertEquals(ItemKind.CHAT, new ChatParser().detect(in));
        assertChat(run(in), sha256(photo), "ChatExport_2021-07-30/" + PHOTO);
    }

    @Test
    void aSinglePageGivenAloneIsReadAndItsMissingPhotoIsNamed() throws Exception {
        Path f = ChatTestSupport.write(dir, "messages.html", page1());
        ChatTestSupport.Run r = run(ParseInput.ofFile("messages.html", f, options()));
        assertEquals(3, r.messages().size());
        assertEquals(PHOTO, attachment(r.message(2)).get("name"));
        assertNull(attachment(r.message(2)).get("sha256"));
    }

    @Test
    void anHtmlPageThatIsNotATelegramExportIsNotClaimed() throws Exception {
        Path f = ChatTestSupport.write(dir, "messages.html", "<!DOCTYPE html><html><body><p>hello</p></body></html>");
        assertNull(new ChatParser().detect(ParseInput.ofFile("messages.html", f, options())));
    }

    @Test
    void telegramJsonDateStringsWithFractionsAndZoneAreReadAndTheUnixTimeIsPreferred() throws Exception {
        String json = TelegramTest.chat(List.of(
                "{\"id\": 1, \"type\": \"message\", \"date\": \"2021-07-28T08:35:00.250Z\", \"from\": \"A\", \"text\": \"z\"}",
                "{\"id\": 2, \"type\": \"message\", \"date\": \"2021-07-28T14:06:00.5\", \"from\": \"A\", \"text\": \"f\"}",
                "{\"id\": 3, \"type\": \"message\", \"date\": \"1999-01-01T00:00:00\", \"date_unixtime\": \"1627461420\", "
                        + "\"from\": \"A\", \"text\": \"u\"}"));
        ChatTestSupport.Run r = run(ParseInput.ofFile("result.json", ChatTestSupport.write(dir, "result.json", json), options()));
        assertEquals("2021-07-28T14:05:00", r.message(0).get("time"));
        assertEquals("2021-07-28T08:35:00.250Z", r.message(0).get("instant"));
        assertEquals("2021-07-28T14:06:00", r.message(1).get("time"));
        assertEquals("2021-07-28T14:07:00", r.message(2).get("time"));
    }

    @Test
    void instagramInTheCurrentAndTheOlderDownloadLayoutIsLabelledInstagram() throws Exception {
        Path current = ChatTestSupport.zip(dir, "download-2024.zip", members(
                "your_instagram_activity/messages/inbox/ramesh_1/message_1.json", MessengerTest.thread("x/1.jpg")));
        assertEquals("instagram", run(ParseInput.ofFile("download-2024.zip", current, options())).summary().get("platform"));
        Path older = ChatTestSupport.zip(dir, "download-2021.zip", members(
                "messages/inbox/ramesh_1/message_1.json", MessengerTest.thread("x/1.jpg"),
                "followers_and_following/followers.json", "{}"));
        assertEquals("instagram", run(ParseInput.ofFile("download-2021.zip", older, options())).summary().get("platform"));
    }

    @Test
    void facebookInTheCurrentDownloadLayoutIsMessengerWithItsPhotoLinked() throws Exception {
        byte[] photo = ChatTestSupport.pseudoJpeg(6, 500);
        String uri = "your_facebook_activity/messages/inbox/ramesh_1/photos/1.jpg";
        Path zip = ChatTestSupport.zip(dir, "facebook-2024.zip", members(
                "your_facebook_activity/messages/inbox/ramesh_1/message_1.json", MessengerTest.thread(uri), uri, photo));
        ChatTestSupport.Run r = run(ParseInput.ofFile("facebook-2024.zip", zip, options()));
        assertEquals("messenger", r.summary().get("platform"));
        assertEquals(sha256(photo), attachment(r.message(1)).get("sha256"));
        assertTrue(r.result().warnings().isEmpty(), r.result().warnings().toString());
    }
}
