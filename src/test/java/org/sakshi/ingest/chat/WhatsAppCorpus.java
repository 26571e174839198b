package org.sakshi.ingest.chat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.sakshi.core.DateOrder;

/**
 * Generates WhatsApp exports in every header variant (platform, date order, separator, year
 * digits, padding, seconds, 12/24 h, AM/PM spelling, the space before it, invisible marks, CRLF,
 * language) together with the messages a correct parser must read from them.
 */
final class WhatsAppCorpus {
    static final List<String> LANGS = List.of("en", "hi", "bn", "ne", "es", "de");
    static final List<String[]> AMPM = List.of(new String[] {"AM", "PM"}, new String[] {"am", "pm"},
            new String[] {"a.m.", "p.m."}, new String[] {"a. m.", "p. m."});
    static final List<Character> SPACES = List.of(' ', '\u00A0', '\u202F', '\u2009');
    static final List<Character> SEPS = List.of('/', '.', '-');
    static final String PHONE = "+91 98765 43210";
    static final String GROUP = "Sakshi Group";

    record Variant(int id, boolean ios, DateOrder order, char sep, boolean fourDigitYear, boolean pad, boolean seconds,
                   boolean twelveHour, int ampm, char space, boolean marks, boolean crlf, String lang) {
        @Override
        public String toString() {
            return "#" + id + (ios ? " ios " : " android ") + order.json() + " '" + sep + "' "
                    + (fourDigitYear ? "yyyy" : "yy") + (pad ? " padded" : "") + (seconds ? " +ss" : "")
                    + (twelveHour ? " 12h " + String.join("/", AMPM.get(ampm)) + " U+" + Integer.toHexString(space) : " 24h")
                    + (marks ? " marks" : "") + (crlf ? " crlf" : "") + " " + lang;
        }
    }

    /** One message as the parser must report it; {@code attachment} is a file name or null. */
    record Expected(LocalDateTime time, String sender, String text, String attachment, Set<String> flags) {
    }

    record Chat(String text, List<Expected> messages, String attachmentName) {
    }

    static final Map<String, String> GREETING = Map.of("en", "Hello, how are you?", "hi", "नमस्ते, आप कैसे हैं?",
            "bn", "আপনি কেমন আছেন?", "ne", "तपाईंलाई कस्तो छ?", "es", "Hola, ¿cómo estás?", "de", "Hallo, wie geht's?");
    static final Map<String, String> FILE_ATTACHED = Map.of("en", "file attached", "hi", "फ़ाइल संलग्न है",
            "bn", "ফাইল সংযুক্ত", "ne", "फाइल संलग्न गरिएको", "es", "archivo adjunto", "de", "Datei angehängt");
    static final Map<String, String> IOS_ATTACHED = Map.of("en", "attached", "hi", "अटैच किया गया", "bn", "attached",
            "ne", "संलग्न", "es", "adjunto", "de", "Anhang");
    static final Map<String, String> MEDIA_OMITTED = Map.of("en", "<Media omitted>", "hi", "<मीडिया छोड़ा गया>",
            "bn", "<মিডিয়া বাদ দেওয়া হয়েছে>", "ne", "<मिडिया हटाइयो>", "es", "<Multimedia omitido>",
            "de", "<Medien ausgeschlossen>");
    static final Map<String, String> IMAGE_OMITTED = Map.of("en", "image omitted", "hi", "फ़ोटो हटाई गई",
            "bn", "ইমেজ বাদ দেওয়া হয়েছে", "ne", "तस्बिर छोडियो", "es", "imagen omitida", "de", "Bild weggelassen");
    static final Map<String, String> DELETED = Map.of("en", "This message was deleted", "hi", "यह मैसेज डिलीट कर दिया गया",
            "bn", "এই মেসেজটি মুছে ফেলা হয়েছে", "ne", "यो सन्देश मेटाइयो", "es", "Se eliminó este mensaje.",
            "de", "Diese Nachricht wurde gelöscht.");
    static final Map<String, String> EDITED = Map.of("en", "<This message was edited>", "hi", "<यह मैसेज एडिट किया गया था>",
            "bn", "<এই মেসেজটি এডিট করা হয়েছে>", "ne", "<यो सन्देश सम्पादन गरियो>", "es", "<Se editó este mensaje.>",
            "de", "<Diese Nachricht wurde bearbeitet>");
    static final Map<String, String> CAPTION = Map.of("en", "look at this photo", "hi", "यह फोटो देखो",
            "bn", "এই ছবিটা দেখো", "ne", "यो फोटो हेर", "es", "mira esta foto", "de", "schau dir das Foto an");

    /** Variants from a fixed seed; {@link #coverage} checks that every value of every dimension occurs. */
    static List<Variant> variants(int n) {
        Random r = new Random(20210728L);
        List<Variant> out = new ArrayList<>();
        DateOrder[] orders = DateOrder.values();
        for (int i = 0; i < n; i++) {
            DateOrder order = orders[i % 3];
            boolean four = order == DateOrder.YMD || (i / 3) % 2 == 0;
            out.add(new Variant(i, (i / 6) % 2 == 0, order, SEPS.get((i / 12) % 3), four, r.nextBoolean(),
                    r.nextBoolean(), (i / 2) % 2 == 0, (i / 4) % 4, SPACES.get((i / 7) % 4), r.nextBoolean(),
                    (i / 5) % 2 == 0, LANGS.get(i % 6 == 0 ? (i / 6) % 6 : r.nextInt(6))));
        }
        return out;
    }

    static String coverage(List<Variant> vs) {
        StringBuilder missing = new StringBuilder();
        for (boolean b : new boolean[] {true, false}) {
            check(missing, vs.stream().anyMatch(v -> v.ios() == b), "ios=" + b);
            check(missing, vs.stream().anyMatch(v -> v.fourDigitYear() == b), "four=" + b);
            check(missing, vs.stream().anyMatch(v -> v.seconds() == b), "seconds=" + b);
            check(missing, vs.stream().anyMatch(v -> v.twelveHour() == b), "12h=" + b);
            check(missing, vs.stream().anyMatch(v -> v.marks() == b), "marks=" + b);
            check(missing, vs.stream().anyMatch(v -> v.crlf() == b), "crlf=" + b);
            check(missing, vs.stream().anyMatch(v -> v.pad() == b), "pad=" + b);
        }
        for (DateOrder o : DateOrder.values()) {
            check(missing, vs.stream().anyMatch(v -> v.order() == o), o.json());
        }
        for (char s : SEPS) {
            check(missing, vs.stream().anyMatch(v -> v.sep() == s), "sep " + s);
        }
        for (int a = 0; a < AMPM.size(); a++) {
            int aa = a;
            check(missing, vs.stream().anyMatch(v -> v.twelveHour() && v.ampm() == aa), "ampm " + a);
        }
        for (char s : SPACES) {
            check(missing, vs.stream().anyMatch(v -> v.twelveHour() && v.space() == s), "space " + (int) s);
        }
        for (String l : LANGS) {
            check(missing, vs.stream().anyMatch(v -> v.lang().equals(l)), l);
            check(missing, vs.stream().anyMatch(v -> v.lang().equals(l) && v.ios()), l + " ios");
            check(missing, vs.stream().anyMatch(v -> v.lang().equals(l) && !v.ios()), l + " android");
        }
        return missing.toString();
    }

    private static void check(StringBuilder b, boolean ok, String what) {
        if (!ok) {
            b.append(what).append(' ');
        }
    }

    static String date(Variant v, LocalDateTime t) {
        int y = v.fourDigitYear() ? t.getYear() : t.getYear() % 100;
        String ys = v.fourDigitYear() ? String.valueOf(y) : String.format("%02d", y);
        String d = v.pad() ? String.format("%02d", t.getDayOfMonth()) : String.valueOf(t.getDayOfMonth());
        String m = v.pad() ? String.format("%02d", t.getMonthValue()) : String.valueOf(t.getMonthValue());
        char s = v.sep();
        return switch (v.order()) {
            case DMY -> d + s + m + s + ys;
            case MDY -> m + s + d + s + ys;
            case YMD -> ys + s + m + s + d;
        };
    }

    static String time(Variant v, LocalDateTime t) {
        String sec = v.seconds() ? String.format(":%02d", t.getSecond()) : "";
        if (!v.twelveHour()) {
            return String.format("%02d:%02d", t.getHour(), t.getMinute()) + sec;
        }
        int h = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
        String[] ap = AMPM.get(v.ampm());
        return h + String.format(":%02d", t.getMinute()) + sec + v.space() + (t.getHour() < 12 ? ap[0] : ap[1]);
    }

    static String header(Variant v, LocalDateTime t, String lead) {
        if (v.ios()) {
            return lead + "[" + date(v, t) + ", " + time(v, t) + "] ";
        }
        return lead + date(v, t) + ", " + time(v, t) + " - ";
    }

    /** Builds the export text and the expected messages of one variant. */
    static Chat build(Variant v) {
        String l = v.lang();
        int s = v.seconds() ? 7 : 0;
        List<String> lines = new ArrayList<>();
        List<Expected> exp = new ArrayList<>();
        String lrm = "\u200E";
        String phoneShown = v.marks() ? "\u202A" + PHONE + "\u202C" : PHONE;
        String lead = v.marks() ? "\u200F" : "";
        String attachment = v.ios() ? "00000012-PHOTO-2021-07-28-14-05-00.jpg" : "IMG-20210728-WA0001.jpg";

        LocalDateTime t0 = LocalDateTime.of(2021, 7, 28, 0, 5, s);
        String e2e = "Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, "
                + "can read or listen to them.";
        if (v.ios()) {
            lines.add(header(v, t0, v.marks() ? "\uFEFF" : "") + GROUP + ": " + lrm + e2e);
            exp.add(new Expected(t0, null, GROUP + ": " + e2e, null, Set.of("system")));
        } else {
            lines.add(header(v, t0, v.marks() ? "\uFEFF" : "") + e2e);
            exp.add(new Expected(t0, null, e2e, null, Set.of("system")));
        }
        LocalDateTime t1 = LocalDateTime.of(2021, 7, 28, 9, 15, s);
        lines.add(header(v, t1, lead) + "Ramesh Kumar: " + GREETING.get(l));
        exp.add(new Expected(t1, "Ramesh Kumar", GREETING.get(l), null, Set.of()));

        LocalDateTime t2 = LocalDateTime.of(2021, 7, 28, 12, 30, s);
        lines.add(header(v, t2, "") + phoneShown + ": First line");
        lines.add("second line at 10:30 - not a header");
        lines.add("Re: meeting: at 5 pm");
        exp.add(new Expected(t2, PHONE, "First line\nsecond line at 10:30 - not a header\nRe: meeting: at 5 pm", null,
                Set.of()));

        LocalDateTime t3 = LocalDateTime.of(2021, 7, 28, 13, 45, s);
        lines.add(header(v, t3, "") + "Dr. A-B:C: price: 500 - final");
        exp.add(new Expected(t3, "Dr. A-B:C", "price: 500 - final", null, Set.of()));

        LocalDateTime t4 = LocalDateTime.of(2021, 7, 28, 14, 5, s);
        String att = v.ios() ? lrm + "<" + IOS_ATTACHED.get(l) + ": " + attachment + ">"
                : attachment + " (" + FILE_ATTACHED.get(l) + ")";
        lines.add(header(v, t4, v.marks() ? lrm : "") + "Ramesh Kumar: " + att);
        lines.add(CAPTION.get(l));
        exp.add(new Expected(t4, "Ramesh Kumar", Marks.strip(att) + "\n" + CAPTION.get(l), attachment, Set.of()));

        LocalDateTime t5 = LocalDateTime.of(2021, 7, 29, 18, 0, s);
        String omitted = v.ios() ? lrm + IMAGE_OMITTED.get(l) : MEDIA_OMITTED.get(l);
        lines.add(header(v, t5, v.ios() && v.marks() ? lrm : "") + phoneShown + ": " + omitted);
        exp.add(new Expected(t5, PHONE, Marks.strip(omitted), null, Set.of("media_omitted")));

        LocalDateTime t6 = LocalDateTime.of(2021, 7, 30, 20, 10, s);
        String del = (v.ios() ? lrm : "") + DELETED.get(l);
        lines.add(header(v, t6, "") + "Ramesh Kumar: " + del);
        exp.add(new Expected(t6, "Ramesh Kumar", DELETED.get(l), null, Set.of("deleted")));

        LocalDateTime t7 = LocalDateTime.of(2021, 8, 2, 21, 20, s);
        String ed = "I will come at 5 " + (v.ios() ? lrm : "") + EDITED.get(l);
        lines.add(header(v, t7, "") + "Dr. A-B:C: " + ed);
        exp.add(new Expected(t7, "Dr. A-B:C", "I will come at 5 " + EDITED.get(l), null, Set.of("edited")));

        LocalDateTime t8 = LocalDateTime.of(2021, 8, 2, 22, 0, s);
        if (v.ios()) {
            lines.add(header(v, t8, "") + GROUP + ": " + lrm + "Ramesh Kumar added Suresh");
            exp.add(new Expected(t8, null, GROUP + ": Ramesh Kumar added Suresh", null, Set.of("system")));
        } else {
            lines.add(header(v, t8, "") + "Ramesh Kumar added Suresh");
            exp.add(new Expected(t8, null, "Ramesh Kumar added Suresh", null, Set.of("system")));
        }
        LocalDateTime t9 = LocalDateTime.of(2022, 1, 3, 23, 59, s);
        lines.add(header(v, t9, "") + "Ramesh Kumar: Last message: done.");
        exp.add(new Expected(t9, "Ramesh Kumar", "Last message: done.", null, Set.of()));

        String nl = v.crlf() ? "\r\n" : "\n";
        return new Chat(String.join(nl, lines) + nl, exp, attachment);
    }
}
