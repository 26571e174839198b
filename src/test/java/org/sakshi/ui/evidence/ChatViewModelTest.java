package org.sakshi.ui.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChatViewModelTest {
    private static Map<String, Object> msg(int index, String time, String sender, String text) {
        Map<String, Object> m = new HashMap<>();
        m.put("index", (long) index);
        m.put("time", time);
        m.put("sender", sender);
        m.put("text", text);
        m.put("attachment", null);
        m.put("flags", List.of());
        return m;
    }

    private final List<Map<String, Object>> chat = List.of(
            msg(0, "2021-07-28T14:05:00", "Ravi", "कल स्टेशन पर मिलो"),
            msg(1, "2021-07-28T14:06:00", "রহিম", "ঠিক আছে, টাকা নিয়ে আসবে"),
            msg(2, "2021-07-29T09:00:00", null, "Messages are end-to-end encrypted."),
            msg(3, "2021-07-29T09:01:00", "Ravi", "Bring the passport"));

    @Test
    void aDaySeparatorPrecedesTheFirstMessageOfEachDay() {
        List<ChatViewModel.Row> rows = new ChatViewModel(chat).rows();
        assertEquals(6, rows.size());
        assertEquals(new ChatViewModel.DayRow(LocalDate.of(2021, 7, 28)), rows.get(0));
        assertEquals(new ChatViewModel.DayRow(LocalDate.of(2021, 7, 29)), rows.get(3));
    }

    @Test
    void eachSenderKeepsTheColourOfFirstAppearanceAndSystemNoticesHaveNone() {
        List<ChatViewModel.Row> rows = new ChatViewModel(chat).rows();
        assertEquals(0, ((ChatViewModel.MessageRow) rows.get(1)).senderIndex());
        assertEquals(1, ((ChatViewModel.MessageRow) rows.get(2)).senderIndex());
        ChatViewModel.MessageRow system = (ChatViewModel.MessageRow) rows.get(4);
        assertTrue(system.system());
        assertEquals(-1, system.senderIndex());
        assertEquals(0, ((ChatViewModel.MessageRow) rows.get(5)).senderIndex());
        assertEquals(List.of("Ravi", "রহিম"), new ChatViewModel(chat).senders());
    }

    @Test
    void searchFindsDevanagariBengaliAndLatinTextAndSenders() {
        ChatViewModel vm = new ChatViewModel(chat);
        assertEquals(List.of(1), vm.search("स्टेशन"));
        assertEquals(List.of(2), vm.search("টাকা"));
        assertEquals(List.of(5), vm.search("PASSPORT"));
        assertEquals(List.of(1, 5), vm.search("ravi"));
        assertTrue(vm.search("").isEmpty());
    }

    @Test
    void aMessageWithoutAParsableTimeGetsNoSeparatorButIsKept() {
        ChatViewModel vm = new ChatViewModel(List.of(msg(0, null, "Ravi", "hello")));
        assertEquals(1, vm.rows().size());
        ChatViewModel.MessageRow m = assertInstanceOf(ChatViewModel.MessageRow.class, vm.rows().get(0));
        assertNull(m.time());
    }
}
