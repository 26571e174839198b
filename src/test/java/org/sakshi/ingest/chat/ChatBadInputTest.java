package org.sakshi.ingest.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.sakshi.ingest.chat.ChatTestSupport.members;
import static org.sakshi.ingest.chat.ChatTestSupport.options;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sakshi.core.CancelFlag;
import org.sakshi.core.ItemKind;
import org.sakshi.ingest.ParseInput;
import org.sakshi.ingest.ParseResult;

/** Content that is not a chat, or a broken one: never an exception, always a result with a reason. */
class ChatBadInputTest {
    @TempDir
    static Path dir;

    static byte[] randomBytes() {
        byte[] b = new byte[4096];
        new Random(5).nextBytes(b);
        return b;
    }

    static byte[] truncatedZip() throws Exception {
        Path zip = ChatTestSupport.zip(dir, "t.zip", members("_chat.txt",
                WhatsAppCorpus.build(WhatsAppCorpus.variants(1).get(0)).text(), "IMG.jpg", ChatTestSupport.pseudoJpeg(1, 9000)));
        byte[] all = Files.readAllBytes(zip);
        return Arrays.copyOf(all, all.length / 2);
    }

    static Stream<Arguments> badInputs() throws Exception {
        return Stream.of(
                Arguments.of("empty file", new byte[0]),
                Arguments.of("random bytes", randomBytes()),
                Arguments.of("truncated zip", truncatedZip()),
                Arguments.of("zip magic only", new byte[] {'P', 'K', 3, 4, 0, 0}),
                Arguments.of("json that is no chat", ChatTestSupport.utf8("{\"hello\": [1, 2, 3]}")),
                Arguments.of("truncated telegram header", ChatTestSupport.utf8("{\"name\": \"x\", \"messages\": [{\"id\": 1, \"date_unixtime\": \"1")),
                Arguments.of("plain notes", ChatTestSupport.utf8("shopping list\nmilk\n")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void detectionNeverThrows(String what, byte[] content) throws Exception {
        Path f = ChatTestSupport.write(dir, what.replace(' ', '_'), content);
        new ChatParser().detect(ParseInput.ofFile(what, f, options()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void parsingForcedAsChatNeverThrowsAndSaysWhatFailed(String what, byte[] content) throws Exception {
        Path f = ChatTestSupport.write(dir, "forced_" + what.replace(' ', '_'), content);
        List<Map<String, Object>> out = new ArrayList<>();
        ParseResult r = new ChatParser().parse(ParseInput.ofFile(what, f, options().withKind(ItemKind.CHAT)), out::add,
                new CancelFlag());
        assertEquals(ItemKind.CHAT, r.kind());
        assertFalse(r.warnings().isEmpty(), "a warning says what failed");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void notAChatIsLeftToTheOtherParsersOrKeptAsAFile(String what, byte[] content) throws Exception {
        if (what.startsWith("truncated telegram")) {
            return; // it does look like Telegram: claimed, then parsed with a warning (TelegramTest)
        }
        Path f = ChatTestSupport.write(dir, "auto_" + what.replace(' ', '_'), content);
        assertNull(new ChatParser().detect(ParseInput.ofFile(what, f, options())));
    }
}
