package org.sakshi.ingest.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sakshi.ingest.chat.ChatTestSupport.attachment;
import static org.sakshi.ingest.chat.ChatTestSupport.attachments;
import static org.sakshi.ingest.chat.ChatTestSupport.members;
import static org.sakshi.ingest.chat.ChatTestSupport.options;
import static org.sakshi.ingest.chat.ChatTestSupport.run;
import static org.sakshi.ingest.chat.ChatTestSupport.sha256;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sakshi.core.ItemKind;
import org.sakshi.ingest.ParseInput;
import org.sakshi.ingest.ParseOptions;

/** WhatsApp zips "with media" and unzipped export folders, built as real files in the test. */
class WhatsAppExportTest {
    @TempDir
    Path dir;

    private final WhatsAppCorpus.Variant android = WhatsAppCorpus.variants(144).stream()
            .filter(v -> !v.ios() && v.lang().equals("hi")).findFirst().orElseThrow();
    private final WhatsAppCorpus.Variant ios = WhatsAppCorpus.variants(144).stream()
            .filter(v -> v.ios() && v.lang().equals("bn")).findFirst().orElseThrow();
    private final byte[] photo = ChatTestSupport.pseudoJpeg(1, 5000);
    private final byte[] extra = ChatTestSupport.pseudoJpeg(2, 300);

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"WhatsApp Chat with Ramesh.txt", "_chat.txt", "WhatsApp-Chat mit Ramesh.txt",
        "Ramesh के साथ WhatsApp चैट.txt", "Ramesh এর সাথে WhatsApp চ্যাট.txt", "Chat de WhatsApp con Ramesh.txt",
        "notes.txt"})
    void theChatTextIsFoundInAZipWhateverItsLocalisedName(String chatName) throws Exception {
        WhatsAppCorpus.Chat chat = WhatsAppCorpus.build(android);
        Path zip = ChatTestSupport.zip(dir, "export.zip", members("IMG-20210728-WA0001.jpg", photo, chatName, chat.text()));
        ParseInput in = ParseInput.ofFile("export.zip", zip, options());
        assertEquals(ItemKind.CHAT, new ChatParser().detect(in));
        ChatTestSupport.Run r = run(in);
        assertEquals(10, r.messages().size());
        assertEquals(chatName, ((Map<?, ?>) r.summary().get("chat_file")).get("name"));
    }

    @Test
    void anAndroidZipLinksTheAttachmentToItsMessageByHash() throws Exception {
        WhatsAppCorpus.Chat chat = WhatsAppCorpus.build(android);
        Path zip = ChatTestSupport.zip(dir, "export.zip",
                members("WhatsApp Chat with Ramesh.txt", chat.text(), chat.attachmentName(), photo));
        ChatTestSupport.Run r = run(ParseInput.ofFile("export.zip", zip, options()));
        Map<String, Object> a = attachment(r.message(4));
        assertEquals(chat.attachmentName(), a.get("name"));
        assertEquals(sha256(photo), a.get("sha256"));
        List<Map<String, Object>> list = attachments(r.summary());
        assertEquals(1, list.size());
        assertEquals(Map.of("name", chat.attachmentName(), "sha256", sha256(photo), "size", (long) photo.length,
                "present", true, "referenced", true), list.get(0));
        assertEquals(sha256(ChatTestSupport.utf8(chat.text())), ((Map<?, ?>) r.summary().get("chat_file")).get("sha256"));
        assertEquals(List.of(), r.result().warnings());
    }

    @Test
    void anIosZipReportsUnreferencedFilesAndLinksTheAttachedPhoto() throws Exception {
        WhatsAppCorpus.Chat chat = WhatsAppCorpus.build(ios);
        Path zip = ChatTestSupport.zip(dir, "export.zip",
                members("_chat.txt", chat.text(), chat.attachmentName(), photo, "00000099-PHOTO-extra.jpg", extra));
        ChatTestSupport.Run r = run(ParseInput.ofFile("export.zip", zip, options()));
        assertEquals(sha256(photo), attachment(r.message(4)).get("sha256"));
        assertTrue(r.result().warnings().stream().anyMatch(w -> w.startsWith("1 file(s) in the export are not referenced")
                && w.contains("00000099-PHOTO-extra.jpg")), r.result().warnings().toString());
        Map<String, Object> unref = attachments(r.summary()).get(1);
        assertEquals(false, unref.get("referenced"));
        assertEquals(sha256(extra), unref.get("sha256"));
    }

    @Test
    void anAttachmentMissingFromTheZipIsFlaggedAndReported() throws Exception {
        WhatsAppCorpus.Chat chat = WhatsAppCorpus.build(android);
        Path zip = ChatTestSupport.zip(dir, "export.zip", members("WhatsApp Chat with Ramesh.txt", chat.text(),
                "IMG-20210101-WA0009.jpg", extra));
        ChatTestSupport.Run r = run(ParseInput.ofFile("export.zip", zip, options()));
        assertNull(attachment(r.message(4)).get("sha256"));
        assertTrue(ChatTestSupport.flags(r.message(4)).contains("attachment_missing"));
        assertTrue(r.result().warnings().stream().anyMatch(w -> w.contains("not in the export")
                && w.contains(chat.attachmentName())), r.result().warnings().toString());
        Map<String, Object> missing = attachments(r.summary()).get(1);
        assertEquals(false, missing.get("present"));
        assertEquals(chat.attachmentName(), missing.get("name"));
    }

    @Test
    void anUnzippedExportFolderIsReadWithTheHashesTheEngineGave() throws Exception {
        WhatsAppCorpus.Chat chat = WhatsAppCorpus.build(ios);
        var entries = ChatTestSupport.folder(dir.resolve("f"),
                members("_chat.txt", chat.text(), chat.attachmentName(), photo));
        ParseInput in = ParseInput.ofFolder("WhatsApp Chat - Ramesh", entries, options());
        assertEquals(ItemKind.CHAT, new ChatParser().detect(in));
        ChatTestSupport.Run r = run(in);
        assertEquals(10, r.messages().size());
        assertEquals(sha256(photo), attachment(r.message(4)).get("sha256"));
    }

    @Test
    void aChatOneFolderDownAmongManyOtherFilesOfAFolderItemIsStillFoundAndAFolderWithoutOneIsNot() throws Exception {
        WhatsAppCorpus.Chat chat = WhatsAppCorpus.build(ios);
        Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 300; i++) {
            files.put(String.format("d%03d/s%d/f%06d.bin", i / 100, i % 10, i), extra);
        }
        files.put("d000/s0/notes.txt", extra); // a text two folders down is not a candidate chat text
        var noise = ChatTestSupport.folder(dir.resolve("noise"), files);
        assertNull(new ChatParser().detect(ParseInput.ofFolder("DCIM", noise, options())));
        assertFalse(ChatParser.anyExportName(noise));

        files.put("Chats/WHATSAPP CHAT WITH RAMESH.TXT", ChatTestSupport.utf8(chat.text())); // upper case, one folder down
        var withChat = ChatTestSupport.folder(dir.resolve("chat"), files);
        assertTrue(ChatParser.anyExportName(withChat));
        assertEquals(ItemKind.CHAT, new ChatParser().detect(ParseInput.ofFolder("phone", withChat, options())));
        for (String name : List.of("result.json", "inbox/ramesh_1/message_1.json", "a/b/c/messages2.html",
                "_chat.txt")) {
            assertTrue(ChatParser.anyExportName(List.of(new org.sakshi.core.FolderEntry(name, dir, 1, "00"))), name);
        }
    }

    @Test
    void aZipMemberNamedOutsideTheArchiveIsHashedAndReportedNotFollowed() throws Exception {
        WhatsAppCorpus.Chat chat = WhatsAppCorpus.build(android);
        Path zip = ChatTestSupport.zip(dir, "export.zip",
                members("_chat.txt", chat.text(), "../../etc/evil.jpg", extra));
        ChatTestSupport.Run r = run(ParseInput.ofFile("export.zip", zip, options()));
        assertEquals(ItemKind.CHAT, r.result().kind());
        assertTrue(r.result().warnings().stream().anyMatch(w -> w.contains("../../etc/evil.jpg")
                && w.contains("leaves the archive")), r.result().warnings().toString());
        assertEquals(sha256(extra), attachments(r.summary()).get(0).get("sha256"));
    }

    @Test
    void aZipWithoutAChatIsNotClaimed() throws Exception {
        Path zip = ChatTestSupport.zip(dir, "photos.zip", members("a.jpg", photo, "readme.txt", "just notes\nmore\n"));
        assertNull(new ChatParser().detect(ParseInput.ofFile("photos.zip", zip, options())));
    }

    @Test
    void aChatTextBeyondTheInflationCapIsReadUpToTheCapWithAWarning() throws Exception {
        String line = "28/07/21, 14:05 - Ramesh: the same line again and again\n";
        int copies = (16 << 20) / line.length();
        Path zip = ChatTestSupport.zip(dir, "bomb.zip", members("_chat.txt", line.repeat(copies)));
        ParseOptions capped = new ParseOptions(null, ChatTestSupport.IST, null, 1, 2L << 20, 1000);
        ChatTestSupport.Run r = run(ParseInput.ofFile("bomb.zip", zip, capped));
        assertEquals(ItemKind.CHAT, r.result().kind());
        assertTrue(r.messages().size() > 0 && r.messages().size() < copies, "read " + r.messages().size());
        assertTrue(r.result().warnings().stream().anyMatch(w -> w.contains("zip-bomb cap")), r.result().warnings().toString());
    }

    @Test
    void aMemberAboveTheRatioCapIsStoppedEvenBelowTheByteCap() throws Exception {
        String line = "28/07/21, 14:05 - Ramesh: zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz\n";
        Path zip = ChatTestSupport.zip(dir, "bomb.zip", members("_chat.txt", line.repeat((8 << 20) / line.length())));
        ParseOptions ratio = new ParseOptions(null, ChatTestSupport.IST, null, 1, 1L << 40, 20);
        ChatTestSupport.Run r = run(ParseInput.ofFile("bomb.zip", zip, ratio));
        assertTrue(r.result().warnings().stream().anyMatch(w -> w.contains("zip-bomb cap")), r.result().warnings().toString());
        assertNull(((Map<?, ?>) r.summary().get("chat_file")).get("sha256"), "a member not read in full has no hash");
    }

    @Test
    void aChatTextWithoutLineBreaksInAZipStaysWithinTheLineAndMessageCaps() throws Exception {
        String head = "28/07/21, 14:05 - Ramesh: a\n28/07/21, 14:06 - Ramesh: b\n28/07/21, 14:07 - Ramesh: ";
        Path zip = ChatTestSupport.zip(dir, "long.zip", members("_chat.txt", head + "0".repeat(24 << 20)));
        ChatTestSupport.Run r = run(ParseInput.ofFile("long.zip", zip, options()));
        assertEquals(3, r.messages().size());
        assertEquals(List.of("truncated"), ChatTestSupport.flags(r.message(2)));
        assertTrue(r.result().warnings().stream().anyMatch(w -> w.contains("were split")));
    }
}
